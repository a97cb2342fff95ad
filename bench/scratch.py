"""A scratch copy of the site served by gunicorn as in production, for `make bench` and `make budgets`.

Its own SQLite database, file cache and collected static files live in a temporary folder; the
configured database is never touched.
"""

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

# Headless chromium here: no sandbox as root, and nothing that reaches for the network by itself.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class Server:
    base: str
    process: subprocess.Popen
    cache_dir: str  # its file cache (the page cache and content version)


@contextmanager
def production_server(*, secure: bool, stderr=subprocess.DEVNULL):
    """Yields a Server. secure=True uses DJANGO_SECURE=1 (clients then send X-Forwarded-Proto: https)."""
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        env = production_env(tmp, port, secure=secure)
        manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
        for step in (["migrate", "--noinput"], ["load_content"], ["collectstatic", "--noinput"]):
            subprocess.run(manage + step + ["--verbosity", "0"], env=env, check=True, stdout=subprocess.DEVNULL)
        process = start_gunicorn(env, stdout=subprocess.DEVNULL, stderr=stderr)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_up(base + "/healthz")
            yield Server(base=base, process=process, cache_dir=f"{tmp}/cache")
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)


def children(pid) -> list[int]:
    """Process ids of pid's children (gunicorn's workers), read from /proc."""
    children = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                children.append(int(entry))
    return children


def production_env(tmp, port, *, secure: bool) -> dict:
    """The production environment, with its database, cache and files in the folder tmp."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "otandastar.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECURE": "1" if secure else "0",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or "scratch-" + "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp}/scratch.sqlite3",
        "OTANDASTAR_VAR_DIR": str(tmp),
        "CACHE_URL": f"file://{tmp}/cache",
        "PORT": str(port),
    }


def start_gunicorn(env, **popen) -> subprocess.Popen:
    """gunicorn with gunicorn.conf.py, as `make run` starts it (access log off)."""
    return subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "otandastar.wsgi:application",
            "-c",
            "gunicorn.conf.py",
            "--access-logfile",
            os.devnull,
        ],
        cwd=settings.BASE_DIR,
        env=env,
        **popen,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url):
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def wait_until_up(url, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if fetch(url)[0] == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise CommandError("gunicorn did not come up")


SCRATCH_FLAG = "OTANDASTAR_BENCH_SCRATCH"


def in_scratch_database() -> bool:
    return os.environ.get(SCRATCH_FLAG) == "1"


def rerun_in_scratch_database(argv: list[str], database_url: str | None = None) -> None:
    """Run `python -m bench ARGV` again against a scratch database (default: a temporary SQLite file),
    so a benchmark never touches the configured one."""
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ)
        env.update(
            {
                SCRATCH_FLAG: "1",
                "DATABASE_URL": database_url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}",
                "DJANGO_ALLOWED_HOSTS": "testserver",
                "DJANGO_SECRET_KEY": env.get("DJANGO_SECRET_KEY") or "bench-only-secret",
                "DJANGO_DEBUG": "0",
                "CACHE_URL": "locmem://",
                "OTANDASTAR_VAR_DIR": tmp,
            }
        )
        if subprocess.call([sys.executable, "-m", "bench", *argv], env=env, cwd=settings.BASE_DIR) != 0:
            raise CommandError("benchmark failed")
