"""HTTP benchmark: the site as in production under gunicorn, measured with wrk.

    python -m bench http            (or `make bench`)

Builds a scratch copy of the site (its own SQLite database, file cache and static files in a
temporary folder), starts gunicorn with gunicorn.conf.py and the production settings, and runs
wrk against a static file (the floor: whitenoise serving a file is as fast as this stack gets),
the home page, an entry, a region page and a search, each after a 2-second warm-up. Then 64
connections for 30 seconds, and a worker killed under 64 connections (counting the connections it
held), after the region page again while the content changes every second. Prints requests per
second, p50 and p99, and each page's ratio to the floor. Then the same through nginx with the
production configuration (deploy/nginx/otandastar.conf) at 64 connections: a static file nginx
serves from disk (this path's floor) and the pages from nginx's cache.
"""

import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from django.core.cache.backends.filebased import FileBasedCache
from django.core.management.base import BaseCommand, CommandError

from bench import nginx as nginx_tools
from bench.scratch import children, fetch, production_server
from otandastar.pagecache import VERSION_KEY

PAGES = [
    ("home", "/kk/"),
    ("entry", "/kk/faq/onirlik-kvota/"),
    ("region", "/ru/clinics/pavlodar/"),
    ("search", "/kk/search/?q=%D0%BA%D0%B2%D0%BE%D1%82%D0%B0"),
]
HEADERS = ["-H", "X-Forwarded-Proto: https", "-H", "Accept-Encoding: gzip, br"]


class Command(BaseCommand):
    help = "Benchmark the site under gunicorn with wrk (rps, p50, p99, ratio to a static file)."

    def add_arguments(self, parser):
        parser.add_argument("--connections", type=int, default=32)
        parser.add_argument("--duration", type=int, default=10, help="seconds per page")
        parser.add_argument("--soak", type=int, default=30, help="seconds at 64 connections with a worker killed")
        parser.add_argument("--wrk-threads", type=int, default=1, help="wrk threads (it shares the machine's cores)")
        parser.add_argument("--nginx-only", action="store_true", help="only the rows through nginx")
        parser.add_argument("--nginx-connections", type=int, default=64, help="connections for the nginx rows")

    def handle(self, *args, **options):
        if not shutil.which("wrk"):
            raise CommandError("wrk is not installed (Debian: apt-get install wrk)")
        with production_server(secure=True) as server:
            self._run(server, options)

    def _run(self, server, options):
        base = server.base
        css = _static_url(base)
        if options["nginx_only"]:
            self._through_nginx(server, css, options)
            return
        urls = [("static file (floor)", css)] + PAGES
        for _name, path in urls:
            # Warm-up, not counted: fills the page cache (also its gzip copy) and lets every worker
            # serve each page once, so the figures are the steady state a running site is in.
            _wrk(base + path, options["connections"], 2, options["wrk_threads"])
        workers = len(children(server.process.pid))
        self.stdout.write(
            f"gunicorn: {workers} gthread workers on {os.cpu_count()} cores; wrk {options['connections']} connections, "
            f"{options['duration']} s per URL, {options['wrk_threads']} wrk thread(s)"
        )
        self.stdout.write(f"{'page':<20} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'× floor':>8}")
        floor = None
        for name, path in urls:
            result = _wrk(base + path, options["connections"], options["duration"], options["wrk_threads"])
            floor = floor or result["rps"]
            self.stdout.write(
                f"{name:<20} {result['rps']:>9.0f} {result['p50']:>8.2f} {result['p99']:>8.2f} {result['errors']:>7} "
                f"{result['rps'] / floor:>8.2f}"
            )
        self._edited(server, options)
        self._soak(server, options)
        self._kill_a_worker(server, options)
        self._through_nginx(server, css, options)

    def _through_nginx(self, server, css, options):
        """nginx with deploy/nginx/otandastar.conf in front of the same gunicorn, over HTTPS: a static
        file from disk (the floor of this path) and anonymous pages from nginx's 5-second cache.
        Goal (issue 16): a cached page at least half the static file's throughput, p99 < 20 ms, at 64
        connections."""
        reason = nginx_tools.available()
        if reason:
            self.stdout.write(f"nginx rows left out: {reason}")
            return
        connections = options["nginx_connections"]
        static_root = str(Path(server.cache_dir).parent / "staticfiles")
        upstream = server.base.removeprefix("http://")
        with (
            tempfile.TemporaryDirectory() as tmp,
            nginx_tools.nginx(
                Path(tmp), upstreams=[upstream], static_root=static_root, workers=os.cpu_count()
            ) as proxy,
        ):
            urls = [("nginx: static file", css)] + [(f"nginx: {name}", path) for name, path in PAGES]
            for _name, path in urls:
                _wrk(proxy.base + path, connections, 2, options["wrk_threads"])
            self.stdout.write(
                f"nginx (deploy/nginx/otandastar.conf, HTTPS, {os.cpu_count()} workers) in front of the same "
                f"gunicorn; wrk {connections} connections, {options['duration']} s per URL"
            )
            self.stdout.write(f"{'page':<20} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'× floor':>8}")
            floor = None
            for name, path in urls:
                result = _wrk(proxy.base + path, connections, options["duration"], options["wrk_threads"])
                floor = floor or result["rps"]
                ratio = result["rps"] / floor
                if path == css:
                    goal = ""
                elif "/search/" in path:
                    goal = "  (not cached by nginx: the site counts searches)"
                else:
                    goal = "  goal met" if ratio >= 0.5 and result["p99"] < 20 else "  goal NOT met"
                self.stdout.write(
                    f"{name:<20} {result['rps']:>9.0f} {result['p50']:>8.2f} {result['p99']:>8.2f} "
                    f"{result['errors']:>7} {ratio:>8.2f}{goal}"
                )

    def _soak(self, server, options):
        """Holds up: 64 connections for the soak's length."""
        result = _wrk(server.base + PAGES[1][1], 64, options["soak"], options["wrk_threads"])
        self.stdout.write(
            f"soak: 64 connections, {options['soak']} s: {result['requests']} requests, {result['rps']:.0f} req/s, "
            f"p99 {result['p99']:.2f} ms, errors {result['errors']} ({result['error_detail'] or 'none'})"
        )

    def _kill_a_worker(self, server, options):
        """A worker killed (SIGKILL) under 64 connections: only the connections it held may fail.

        wrk keeps a request in flight on every connection, so each connection the worker held is a
        request in flight; every other request must succeed. Connections waiting in the killed
        worker's own SO_REUSEPORT socket move to a sibling only with net.ipv4.tcp_migrate_req=1.
        """
        seconds = 10
        proc = subprocess.Popen(
            [
                "wrk",
                f"-t{options['wrk_threads']}",
                "-c64",
                f"-d{seconds}s",
                "--latency",
                *HEADERS,
                server.base + PAGES[1][1],
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        time.sleep(seconds / 2)
        victim = children(server.process.pid)[0]
        held = _connections_held(victim)
        os.kill(victim, signal.SIGKILL)
        result = _parse(proc.communicate()[0])
        self.stdout.write(
            f"worker killed under 64 connections ({seconds} s, "
            f"net.ipv4.tcp_migrate_req={_sysctl('net/ipv4/tcp_migrate_req')}): "
            f"it held {held} connections; {result['requests']} requests, "
            f"errors {result['errors']} ({result['error_detail'] or 'none'}); afterwards /healthz "
            f"{fetch(server.base + '/healthz')[0]}, workers {len(children(server.process.pid))}"
        )

    def _edited(self, server, options):
        """The region page while an editor saves every second: each save makes every page miss once."""
        shared = FileBasedCache(server.cache_dir, {})
        stop = threading.Event()

        def edit():
            while not stop.wait(1.0):
                shared.set(VERSION_KEY, time.time_ns(), None)  # what a save does (pagecache.bump_content_version)

        editor = threading.Thread(target=edit)
        editor.start()
        try:
            result = _wrk(
                server.base + PAGES[2][1], options["connections"], options["duration"], options["wrk_threads"]
            )
        finally:
            stop.set()
            editor.join()
        self.stdout.write(
            f"region, an edit every second: {result['rps']:.0f} req/s, p50 {result['p50']:.2f} ms, "
            f"p99 {result['p99']:.2f} ms, errors {result['errors']}"
        )


def _static_url(base) -> str:
    html = fetch(base + "/kk/")[1].decode()
    match = re.search(r'href="(/static/css/site\.[0-9a-f]+\.css)"', html)
    if not match:
        raise CommandError("no hashed stylesheet on the home page")
    return match.group(1)


def _sysctl(name) -> str:
    try:
        with open(f"/proc/sys/{name}") as value:
            return value.read().strip()
    except OSError:
        return "?"


def _connections_held(pid) -> int:
    """Established TCP connections of a process (read from /proc, no tool needed)."""
    inodes = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        target = os.readlink(f"/proc/{pid}/fd/{fd}") if os.path.exists(f"/proc/{pid}/fd/{fd}") else ""
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    established = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as rows:
            next(rows)
            established += sum(1 for row in rows if row.split()[3] == "01" and row.split()[9] in inodes)
    return established


def _wrk(url, connections, duration, threads) -> dict:
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", *HEADERS, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return _parse(out)


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _ms(text) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * _UNITS[unit]


def _parse(out: str) -> dict:
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)$", out, re.M))
    errors = 0
    details = []
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if socket_errors:
        errors += sum(int(x) for x in socket_errors.groups())
        details.append(socket_errors.group(0))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non_2xx:
        errors += int(non_2xx.group(1))
        details.append(non_2xx.group(0))
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "p50": _ms(latency.get("50", "0ms")),
        "p99": _ms(latency.get("99", "0ms")),
        "errors": errors,
        "error_detail": "; ".join(details),
    }
