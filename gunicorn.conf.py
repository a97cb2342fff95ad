"""gunicorn settings for production (and `make run`). Environment variables override them.

gunicorn must run behind a buffering proxy (nginx, a load balancer) that terminates TLS:
see README, "Production".
"""

import errno
import gc
import multiprocessing
import os
import socket

from gunicorn.http import wsgi as _wsgi

bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
# gthread: one process per core (at least two, so one can restart while the other serves), each
# with 2 threads for requests waiting on the database or cache. Cached pages keep the cores busy
# by themselves: measured with `make bench` on 2 cores, 2 × 2 held p99 at 32-49 ms, 3 × 2 at
# 41-62 ms, and 3 × 6 at 60-80 ms (a worker's threads fought over its GIL).
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
workers = int(os.environ.get("GUNICORN_WORKERS", max(2, multiprocessing.cpu_count())))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
# Each worker listens on its own SO_REUSEPORT socket, so the kernel spreads new connections evenly.
# On one shared socket the first worker awake took most of a burst and kept it for the keep-alive:
# `make bench` saw 32 connections split 32/0/0 or 27/3/2, halving throughput and tripling p99.
# Set the sysctl net.ipv4.tcp_migrate_req=1 (Linux 5.14+) so connections still queued on a worker
# that dies move to a sibling instead of being reset.
reuse_port = os.environ.get("GUNICORN_REUSE_PORT", "1") == "1"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30  # a restart (HUP) or stop (TERM) lets requests in flight finish
keepalive = 5
# Recycle workers now and then (staggered), which caps any slow memory growth. Rarely: a worker
# restart costs a second of boot while requests queue (it showed as p99 spikes under load).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "100000"))
max_requests_jitter = 5000
# Only the proxy may tell us the client's scheme (X-Forwarded-Proto); the app believes its X-Real-IP
# (the address a failed login locks) from the same list (otandastar/settings.py).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# No `Server: gunicorn` header: the proxy sends its own (nginx does not pass an upstream's), and the
# app server need not name itself to a scan. gunicorn has no setting for it, so its HTTP/1 response
# (the only protocol it speaks here: http_protocols is "h1") leaves the line out.
_default_headers = _wsgi.Response.default_headers
if not getattr(_default_headers, "drops_server", False):  # the file is read again on each HUP

    def _headers_without_server(response):
        return [line for line in _default_headers(response) if not line.startswith("Server:")]

    _headers_without_server.drops_server = True
    _wsgi.Response.default_headers = _headers_without_server
# One line per request, with the request id and no personal data (no address, no query string).
accesslog = "-"
errorlog = "-"
access_log_format = '%({x-request-id}o)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'


def on_starting(server):
    """With SO_REUSEPORT a second server on the same port would silently share its traffic: refuse.
    Also warn when the kernel would reset connections queued on a worker that dies."""
    if not server.cfg.reuse_port:
        return
    try:
        with open("/proc/sys/net/ipv4/tcp_migrate_req") as setting:
            if setting.read().strip() == "0":
                server.log.warning(
                    "net.ipv4.tcp_migrate_req is 0: connections queued on a worker that dies are reset. "
                    "Set it to 1 (sysctl) so they move to another worker."
                )
    except OSError:
        pass  # not Linux, or too old a kernel for the setting
    for address in server.cfg.address:
        if not isinstance(address, tuple):
            continue  # a unix socket
        family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(address[:2])
            except OSError as error:
                if error.errno == errno.EADDRINUSE:
                    raise SystemExit(f"Another server already listens on {address[0]}:{address[1]}.") from None
                raise


def post_worker_init(worker):
    """Exempt what loading the app created (~86,000 objects) from garbage collection.

    Otherwise every full collection walks them all: a 45-55 ms pause of the whole worker, which
    showed in the p99 of `make bench`. Frozen, a full collection walks only what requests add
    later (measured: 3 ms).
    """
    gc.collect()
    gc.freeze()
