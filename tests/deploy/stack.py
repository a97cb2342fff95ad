"""The production stack in a test: a throwaway Redis, a database prepared as `make setup` does it,
gunicorn app servers, nginx; and a small HTTP client that drives the admin as a browser would."""

import html
import http.client
import os
import socket
import ssl
import subprocess
import sys
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from django.conf import settings

from bench.scratch import free_port, start_gunicorn

EDITOR = ("deploy-editor", "a-long-deploy-password")
# The editor's phone app is enrolled and these recovery codes are stored when the site is made (conftest).
RECOVERY_CODE_LIST = [f"deploy{i:04d}x" for i in range(400)]
RECOVERY_CODES = iter(RECOVERY_CODE_LIST)
ENROL_EDITOR = f"""
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
user = get_user_model().objects.get(username={EDITOR[0]!r})
TOTPDevice.objects.create(user=user, name="phone app", confirmed=True)
device = StaticDevice.objects.create(user=user, name="recovery codes", confirmed=True)
StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in {RECOVERY_CODE_LIST!r})
"""


class RedisServer:
    """redis-server on a free port, as a cache (no persistence): stop() and start() again on the same port."""

    def __init__(self, folder: Path):
        self.folder, self.port, self.process = folder, free_port(), None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder),
             "--save", "", "--appendonly", "no", "--logfile", str(self.folder / "redis.log")],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for(lambda: self.command("PING") == "+PONG", "redis-server to answer")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)

    def command(self, *words) -> str | None:
        """One command in Redis's plain protocol; the first line of the answer, or None if nothing listens."""
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=2) as sock:
                sock.sendall(" ".join(words).encode() + b"\r\n")
                return sock.makefile("rb").readline().decode().strip()
        except OSError:
            return None

    def keys(self, pattern: str) -> list[str]:
        with socket.create_connection(("127.0.0.1", self.port), timeout=2) as sock:
            sock.sendall(f"KEYS {pattern}\r\n".encode())
            answer = sock.makefile("rb")
            count = int(answer.readline()[1:])
            keys = []
            for _ in range(count):
                answer.readline()  # $length
                keys.append(answer.readline().decode().strip())
            return keys


def wait_for(predicate, message, seconds=30.0):
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {seconds:.0f}s waiting for {message}")
        time.sleep(0.05)


@dataclass
class Site:
    """A database and collected static files prepared as `make setup` does, and the environment to serve them."""

    folder: Path
    env: dict
    static_root: Path
    servers: list = field(default_factory=list)

    def manage(self, *args, env=None):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=settings.BASE_DIR,
            env={**self.env, **(env or {})},
            check=True,
            capture_output=True,
            text=True,
        )


def production_env(folder: Path, database_url: str, cache_url: str) -> dict:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "GUNICORN_"))}
    return {
        **clean,
        "DJANGO_SETTINGS_MODULE": "otandastar.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECURE": "1",
        "DJANGO_SECRET_KEY": "deploy-test-" + "k" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,otandastar.kz",
        "DATABASE_URL": database_url,
        "CACHE_URL": cache_url,
        "OTANDASTAR_VAR_DIR": str(folder),
        "GUNICORN_WORKERS": "2",
    }


class PostgresDatabase:
    """A database of its own on the pass's PostgreSQL server (DATABASE_URL), dropped afterwards."""

    def __init__(self, server_url: str, name: str):
        parts = urlsplit(server_url)
        self.server_url, self.name = server_url, name
        self.url = parts._replace(path="/" + name).geturl()

    def _run(self, sql):
        import psycopg

        with psycopg.connect(self.server_url, autocommit=True) as connection:
            connection.execute(sql)

    def create(self):
        self._run(
            f"CREATE DATABASE \"{self.name}\" TEMPLATE template0 ENCODING 'UTF8' "
            "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
        )

    def drop(self):
        self._run(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


@dataclass
class AppServer:
    name: str
    port: int
    process: subprocess.Popen
    log: Path

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def client(self) -> "Browser":
        # As the proxy (a trusted peer) passes it: the site's host name, and the visitor came over HTTPS.
        return Browser(
            f"http://{self.address}",
            headers={"Host": "otandastar.kz", "X-Forwarded-Proto": "https"},
            origin="https://otandastar.kz",
        )

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def start_app_server(site: Site, name: str, **env) -> AppServer:
    port = free_port()
    log = site.folder / f"gunicorn-{name}.log"
    with open(log, "w") as output:
        process = start_gunicorn({**site.env, "PORT": str(port), **env}, stdout=output, stderr=subprocess.STDOUT)
    server = AppServer(name, port, process, log)
    client = Browser(f"http://{server.address}")

    def up():
        if process.poll() is not None:
            raise AssertionError(f"gunicorn {name} stopped:\n{log.read_text()}")
        try:
            return client.get("/healthz").status in (200, 503)
        except OSError:
            return False

    wait_for(up, f"gunicorn {name}", seconds=60)
    return server


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


class Browser:
    """HTTP/1.1 without redirects or decompression, keeping cookies (Secure ones too, the proxy being
    HTTPS for the site), sending Origin on a POST as a browser does."""

    def __init__(self, base: str, headers=None, origin: str | None = None):
        self.base = base.rstrip("/")
        parts = urlsplit(self.base)
        self.scheme, self.host, self.port = parts.scheme, parts.hostname, parts.port
        self.headers = dict(headers or {})
        self.origin = origin or f"https://{parts.netloc}"
        self.cookies: dict[str, str] = {}

    def request(self, method, path, body=None, headers=None) -> Response:
        if self.scheme == "https":
            connection = http.client.HTTPSConnection(
                self.host, self.port, timeout=30, context=ssl._create_unverified_context()
            )
        else:
            connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        all_headers = {**self.headers, **(headers or {})}
        cookies = [f"{k}={v}" for k, v in self.cookies.items()] + [all_headers.pop("Cookie", "")]
        if any(cookies):
            all_headers["Cookie"] = "; ".join(cookie for cookie in cookies if cookie)
        try:
            connection.request(method, path, body=body, headers=all_headers)
            raw = connection.getresponse()
            response = Response(raw.status, raw.headers, raw.read())
        finally:
            connection.close()
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            value = rest.split(";", 1)[0]
            if value in ("", '""'):
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        return response

    def get(self, path, headers=None) -> Response:
        return self.request("GET", path, headers=headers)

    def post(self, path, data: dict | list, headers=None) -> Response:
        body = urlencode(data, doseq=True)
        return self.request(
            "POST",
            path,
            body=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": self.origin,
                "Referer": self.origin + path,
                **(headers or {}),
            },
        )

    def login(self, username=EDITOR[0], password=EDITOR[1]):
        form = read_form(self.get("/admin/login/").text, "login-form")
        form.update(username=username, password=password, next="/admin/")
        response = self.post("/admin/login/", form)
        assert response.status == 302, (response.status, response.text[:2000])
        if "/two-factor/" in response.headers["Location"]:
            # Production asks for the second step (twofactor): one of the editor's recovery codes, each
            # good once (a phone app's code would repeat within its 30 s step).
            step = urlsplit(response.headers["Location"]).path
            form = read_form(self.get(step).text, "login-form")
            form["code"] = next(RECOVERY_CODES)
            response = self.post(step, form)
            assert response.status == 302 and "/two-factor/" not in response.headers["Location"], (
                response.status,
                response.text[:2000],
            )
        assert "sessionid" in self.cookies

    def edit_entry(self, pk: int, **fields) -> Response:
        """Open an entry's change form in the admin, change some fields and save it."""
        url = f"/admin/faq/entry/{pk}/change/"
        data = read_form(self.get(url).text, "entry_form")
        data.update(fields)
        data["_save"] = "Save"
        return self.post(url, list(_pairs(data)))


def _pairs(data):
    for name, value in data.items():
        for item in value if isinstance(value, list) else [value]:
            yield name, item


class _FormReader(HTMLParser):
    """The fields a browser would submit from one form, as rendered (not the submit buttons)."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.data = form_id, False, {}
        self.textarea = self.select = None
        self.options: list = []

    def _add(self, name, value):
        if name in self.data:
            previous = self.data[name]
            self.data[name] = (previous if isinstance(previous, list) else [previous]) + [value]
        else:
            self.data[name] = value

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name and "disabled" not in attrs:
            kind = attrs.get("type", "text").lower()
            if kind in ("submit", "button", "image", "file", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self._add(name, attrs.get("value", "on" if kind in ("checkbox", "radio") else ""))
        elif tag == "textarea" and name:
            self.textarea = [name, ""]
        elif tag == "select" and name:
            self.select, self.options = (name, "multiple" in attrs), []
        elif tag == "option" and self.select:
            self.options.append((attrs.get("value", ""), "selected" in attrs))

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "textarea" and self.textarea is not None:
            self._add(self.textarea[0], self.textarea[1].removeprefix("\n"))
            self.textarea = None
        elif tag == "select" and self.select:
            name, multiple = self.select
            chosen = [value for value, selected in self.options if selected]
            if not chosen and not multiple and self.options:
                chosen = [self.options[0][0]]
            for value in chosen:
                self._add(name, value)
            self.select = None


def read_form(page: str, form_id: str) -> dict:
    reader = _FormReader(form_id)
    reader.feed(page)
    if not reader.data:
        raise AssertionError(f"no form {form_id!r} on the page:\n{html.unescape(page[:2000])}")
    return reader.data
