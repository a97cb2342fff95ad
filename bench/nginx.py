"""nginx in front of gunicorn with the production configuration (deploy/nginx/otandastar.conf), for
`make bench` and tests/deploy.

The committed file is run as it is, with only its lines marked "site:" pointed at local ports and a
temporary folder (its certificate is a self-signed one made here), inside a minimal main
configuration like Debian's (the modules Debian enables, such as brotli, included).
"""

import os
import shutil
import signal
import ssl
import subprocess
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

CONFIG = Path(settings.BASE_DIR) / "deploy" / "nginx" / "otandastar.conf"
NGINX = "/usr/sbin/nginx"
HOST = "otandastar.kz"  # the config's server_name; clients connect to 127.0.0.1 and send this Host


@dataclass
class Nginx:
    base: str  # https://127.0.0.1:port (send Host: otandastar.kz)
    http_base: str  # the port-80 server (redirects to https)
    process: subprocess.Popen
    folder: Path

    def log(self) -> str:
        return (self.folder / "error.log").read_text(errors="replace")


def available() -> str | None:
    """Why nginx cannot run here, or None."""
    if not os.path.exists(NGINX):
        return "nginx is not installed (Debian: apt-get install nginx)"
    if not list(Path("/etc/nginx/modules-enabled").glob("*brotli-filter*")):
        return "nginx's brotli module is missing (Debian: apt-get install libnginx-mod-http-brotli-filter)"
    if not shutil.which("openssl"):
        return "openssl is not installed"
    return None


def local_config(*, upstreams: list[str], static_root: str, port: int, http_port: int, folder: Path) -> str:
    """The production site configuration with its "site:" values replaced for this machine."""
    text = CONFIG.read_text()
    replacements = [
        ("server 10.0.0.11:8000", f"server {upstreams[0]}"),
        ("server 10.0.0.12:8000", f"server {upstreams[-1]}" if len(upstreams) > 1 else "# (one app server)"),
        ("/var/cache/nginx/otandastar", str(folder / "cache")),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{port} ssl http2;"),
        ("listen [::]:443 ssl http2;", ""),
        ("listen 80;", f"listen 127.0.0.1:{http_port};"),
        ("listen [::]:80;", ""),
        (f"/etc/letsencrypt/live/{HOST}/fullchain.pem", str(folder / "cert.pem")),
        (f"/etc/letsencrypt/live/{HOST}/privkey.pem", str(folder / "key.pem")),
        ("/var/log/nginx/otandastar.access.log", str(folder / "access.log")),
        ("/srv/otandastar/var/staticfiles/", str(static_root).rstrip("/") + "/"),
    ]
    for old, new in replacements:
        if text.count(old) != 1:
            raise RuntimeError(f"{CONFIG}: expected {old!r} once (a 'site:' value), found it {text.count(old)} times")
        text = text.replace(old, new)
    return text


def main_config(folder: Path, workers: int) -> str:
    user = "user root;" if os.geteuid() == 0 else ""  # workers read the test's folders
    temp = "\n".join(
        f"    {kind}_temp_path {folder / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""{user}
daemon off;
worker_processes {workers};
pid {folder / "nginx.pid"};
error_log {folder / "error.log"} warn;
{_modules()}
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    keepalive_requests 100000;
    access_log off;
{temp}
    include {folder / "otandastar.conf"};
}}
"""


def _modules() -> str:
    """The modules Debian enables (brotli), with their paths made absolute (ours is another prefix)."""
    lines = []
    for conf in sorted(Path("/etc/nginx/modules-enabled").glob("*.conf")):
        for line in conf.read_text().splitlines():
            lines.append(line.replace("load_module modules/", "load_module /usr/share/nginx/modules/"))
    return "\n".join(lines)


def self_signed_certificate(folder: Path) -> None:
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", f"/CN={HOST}",
            "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem"),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip


@contextmanager
def nginx(folder: Path, *, upstreams: list[str], static_root: str, workers: int = 1):
    """Yields an Nginx running the production configuration in front of the upstreams (host:port)."""
    from bench.scratch import free_port

    folder.mkdir(parents=True, exist_ok=True)
    port, http_port = free_port(), free_port()
    self_signed_certificate(folder)
    (folder / "otandastar.conf").write_text(
        local_config(upstreams=upstreams, static_root=static_root, port=port, http_port=http_port, folder=folder)
    )
    (folder / "nginx.conf").write_text(main_config(folder, workers))
    command = [NGINX, "-p", str(folder), "-c", str(folder / "nginx.conf")]
    check = subprocess.run([*command, "-t", "-q"], capture_output=True, text=True)
    if check.returncode != 0:
        raise RuntimeError("nginx refused the configuration:\n" + check.stderr)
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = Nginx(f"https://127.0.0.1:{port}", f"http://127.0.0.1:{http_port}", process, folder)
    try:
        _wait_until_listening(server)
        yield server
    finally:
        process.send_signal(signal.SIGQUIT)  # graceful: workers finish their requests
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_listening(server: Nginx, seconds: float = 20) -> None:
    context = ssl._create_unverified_context()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError("nginx stopped:\n" + server.log())
        try:
            urllib.request.urlopen(server.base + "/healthz", context=context, timeout=5).close()
            return
        except urllib.error.HTTPError:
            return  # it answers (the app servers may say 503)
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("nginx did not come up:\n" + server.log())
