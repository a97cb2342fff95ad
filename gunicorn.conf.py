"""gunicorn settings for production (and `make run`). Environment variables override them.

gunicorn must run behind a buffering proxy (nginx, a load balancer) that terminates TLS:
see README, "Production".
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
# gthread: a few processes (one or two per core) with threads each; pages are short requests.
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30  # a restart (HUP) or stop (TERM) lets requests in flight finish
keepalive = 5
# Recycle workers now and then (staggered), which caps any slow memory growth.
max_requests = 5000
max_requests_jitter = 500
# Only the proxy may tell us the client's scheme (X-Forwarded-Proto).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# One line per request, with the request id and no personal data (no address, no query string).
accesslog = "-"
errorlog = "-"
access_log_format = '%({x-request-id}o)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
