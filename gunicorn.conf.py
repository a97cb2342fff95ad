"""gunicorn settings for production (and `make run`). Environment variables override them.

gunicorn must run behind a buffering proxy (nginx, a load balancer) that terminates TLS:
see README, "Production".
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
# gthread: one process per core plus one, with threads for requests waiting on the database or cache.
# (Measured with `make bench` on 2 cores: 3 × 6 held the tail better than 5 × 4 or 2 × 8.)
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "6"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30  # a restart (HUP) or stop (TERM) lets requests in flight finish
keepalive = 5
# Recycle workers now and then (staggered), which caps any slow memory growth. Rarely: a worker
# restart costs a second of boot while requests queue (it showed as p99 spikes under load).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "100000"))
max_requests_jitter = 5000
# Only the proxy may tell us the client's scheme (X-Forwarded-Proto).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# One line per request, with the request id and no personal data (no address, no query string).
accesslog = "-"
errorlog = "-"
access_log_format = '%({x-request-id}o)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'

