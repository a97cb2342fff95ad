"""gunicorn.conf.py as `make run` and production use it: it serves, and a second server on the same
port is refused (each worker has its own SO_REUSEPORT socket, which would otherwise share the port)."""

import subprocess
import urllib.error
import urllib.request

from bench.scratch import children, free_port, production_env, start_gunicorn, wait_until_up


def _gunicorn(port, tmp_path):
    return start_gunicorn(
        production_env(tmp_path, port, secure=False), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
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


def test_gunicorn_does_not_name_itself(tmp_path):
    """No `Server` header from gunicorn: the proxy sets its own (nginx does not pass the upstream's)."""
    port = free_port()
    server = _gunicorn(port, tmp_path)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/healthz")
        for path in ("/healthz", "/kk/", "/no-such-page/"):
            try:
                response = urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5)
            except urllib.error.HTTPError as error:
                response = error
            with response:
                assert response.headers.get_all("Server") is None, path
                assert response.headers["Date"]  # the other headers gunicorn adds are still there
    finally:
        server.terminate()
        server.wait(timeout=30)
