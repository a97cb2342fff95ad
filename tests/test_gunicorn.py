"""gunicorn.conf.py as `make run` and production use it: it serves, and a second server on the same
port is refused (each worker has its own SO_REUSEPORT socket, which would otherwise share the port)."""

import os
import subprocess
import sys
import urllib.request
from pathlib import Path

from django.conf import settings

from otandastar.management.scratch import children, free_port, wait_until_up

GUNICORN = str(Path(sys.executable).parent / "gunicorn")


def _gunicorn(port, tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "GUNICORN_"))},
        "DJANGO_SETTINGS_MODULE": "otandastar.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "test-" + "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
        "CACHE_URL": f"file://{tmp_path}/cache",
        "OTANDASTAR_VAR_DIR": str(tmp_path),
        "PORT": str(port),
    }
    return subprocess.Popen(
        [GUNICORN, "otandastar.wsgi:application", "-c", "gunicorn.conf.py", "--access-logfile", os.devnull],
        cwd=settings.BASE_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )


def test_gunicorn_serves_and_refuses_a_second_server_on_its_port(tmp_path):
    port = free_port()
    first = _gunicorn(port, tmp_path)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/healthz")
        assert len(children(first.pid)) >= 2
        second = _gunicorn(port, tmp_path)
        try:
            output, _ = second.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            second.kill()
            raise AssertionError("a second server started on the same port") from None
        assert second.returncode != 0
        assert f"Another server already listens on 127.0.0.1:{port}" in output
        # The first server still answers every request (none went to the refused one).
        for _ in range(20):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as response:
                assert response.status == 200
    finally:
        first.terminate()
        first.wait(timeout=30)
