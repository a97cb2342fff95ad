"""nginx in front of the app servers with the committed production configuration
(deploy/nginx/otandastar.conf): static files from the collected files, a 5-second cache of anonymous
pages, what it must never cache, the request id, compression, and an edit visible within 5 s.

The first tests run it in front of a stand-in site that answers with the headers each rule is about
and counts the requests that reach it; the others in front of the two real app servers."""

import gzip
import http.server
import re
import secrets
import threading
import time

import brotli
import pytest

from bench import nginx as nginx_tools
from tests.deploy.conftest import _require
from tests.deploy.stack import Browser

LIFETIME = 5  # seconds nginx keeps a page (proxy_cache_valid in the configuration)


class StandIn(http.server.BaseHTTPRequestHandler):
    """Answers every path with the Cache-Control (and cookie) its name asks for; records each request."""

    protocol_version = "HTTP/1.1"
    seen: list = []

    def _answer(self):
        self.seen.append((self.command, self.path, dict(self.headers)))
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        body = f"page {self.path} #{len(self.seen)}".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        control = {"private": "private", "no-store": "no-store", "no-cache": "no-cache, public"}
        kind = next((kind for kind in control if f"/{kind}/" in self.path), None)
        self.send_header("Cache-Control", control.get(kind, "public, max-age=0, s-maxage=30"))
        self.send_header("Vary", "Accept-Encoding, Cookie")
        self.send_header("X-Request-ID", "from-the-site")
        if "/cookie/" in self.path:
            self.send_header("Set-Cookie", "lang=ru; Path=/")
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_HEAD = _answer

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def stand_in(tmp_path_factory):
    _require(nginx_tools.available())
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), StandIn)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    folder = tmp_path_factory.mktemp("nginx-stand-in")
    static = folder / "static"
    static.mkdir()
    address = f"127.0.0.1:{server.server_address[1]}"
    try:
        with nginx_tools.nginx(folder / "nginx", upstreams=[address, address], static_root=str(static)) as proxy:
            yield Browser(proxy.base, headers={"Host": nginx_tools.HOST})
    finally:
        server.shutdown()


def _reaching_the_site(client, method, path, times=2, **kwargs):
    """How many of `times` identical requests reached the site (the rest nginx answered)."""
    StandIn.seen.clear()
    for _ in range(times):
        if method == "POST":
            assert client.post(path, {"a": "b"}, **kwargs).status == 200
        else:
            assert client.request(method, path, **kwargs).status == 200
    return len([seen for seen in StandIn.seen if seen[1] == path])


def test_a_public_page_is_stored_once_and_served_by_nginx(stand_in):
    path = f"/kk/public/{secrets.token_hex(4)}/"
    first = stand_in.get(path)
    second = stand_in.get(path)
    assert (first.headers["X-Cache-Status"], second.headers["X-Cache-Status"]) == ("MISS", "HIT")
    assert second.body == first.body
    assert _reaching_the_site(stand_in, "GET", path) == 0
    assert _reaching_the_site(stand_in, "HEAD", path) == 0


@pytest.mark.parametrize(
    "path, method, headers",
    [
        ("/kk/cookie/", "GET", {}),  # the response sets a cookie
        ("/kk/private/", "GET", {}),  # the site says private (a staff preview, the admin)
        ("/kk/no-store/", "GET", {}),  # /healthz, the 503 page
        ("/kk/no-cache/", "GET", {}),
        ("/kk/public/", "POST", {}),
        ("/kk/public/", "GET", {"Cookie": "sessionid=abc"}),  # a signed-in editor
        ("/admin/faq/", "GET", {}),
        ("/kk/search/?q=x", "GET", {}),  # counted by the site for the editors
        ("/ru/search/?q=x", "GET", {}),
    ],
)
def test_what_nginx_never_caches(stand_in, path, method, headers):
    path = path.replace("/kk/public/", f"/kk/public/{secrets.token_hex(4)}/")
    assert _reaching_the_site(stand_in, method, path, headers=headers) == 2


def test_a_signed_in_editor_does_not_get_the_readers_copy(stand_in):
    path = f"/kk/public/{secrets.token_hex(4)}/"
    stand_in.get(path)
    assert stand_in.get(path).headers["X-Cache-Status"] == "HIT"
    assert _reaching_the_site(stand_in, "GET", path, headers={"Cookie": "csrftoken=x; sessionid=abc"}) == 2
    assert _reaching_the_site(stand_in, "GET", path, headers={"Cookie": "lang=ru"}) == 0  # not a session


def test_the_key_is_scheme_host_and_uri_with_the_language_prefix_and_gzip(stand_in):
    token = secrets.token_hex(4)
    for path in (f"/kk/public/{token}/", f"/ru/public/{token}/", f"/kk/public/{token}/?page=2"):
        assert stand_in.get(path).headers["X-Cache-Status"] == "MISS", path
        assert stand_in.get(path).headers["X-Cache-Status"] == "HIT", path
    path = f"/kk/public/{token}/"
    assert stand_in.get(path, headers={"Host": "www.otandastar.kz"}).headers["X-Cache-Status"] == "MISS"
    assert stand_in.get(path, headers={"Accept-Encoding": "gzip, br"}).headers["X-Cache-Status"] == "MISS"
    # Every way of accepting gzip shares that one copy, and the site is asked for exactly "gzip".
    assert stand_in.get(path, headers={"Accept-Encoding": "br;q=1, gzip;q=0.5"}).headers["X-Cache-Status"] == "HIT"
    assert StandIn.seen[-1][2]["Accept-Encoding"] == "gzip"


def test_request_id_scheme_and_address_reach_the_site_from_nginx_only(stand_in):
    path = f"/kk/private/{secrets.token_hex(4)}/"
    response = stand_in.get(
        path, headers={"X-Request-ID": "abc-123", "X-Real-IP": "203.0.113.9", "X-Forwarded-Proto": "http"}
    )
    sent = StandIn.seen[-1][2]
    assert sent["X-Request-ID"] == "abc-123" and response.headers["X-Request-ID"] == "abc-123"
    assert sent["X-Real-IP"] == "127.0.0.1" and sent["X-Forwarded-Proto"] == "https"
    # An unsafe id is replaced by nginx's own, which the site gets too.
    response = stand_in.get(path, headers={"X-Request-ID": "<script>"})
    assert re.fullmatch(r"[0-9a-f]{32}", response.headers["X-Request-ID"])
    assert StandIn.seen[-1][2]["X-Request-ID"] == response.headers["X-Request-ID"]


def test_a_page_from_the_cache_carries_this_requests_id(stand_in):
    path = f"/kk/public/{secrets.token_hex(4)}/"
    stand_in.get(path, headers={"X-Request-ID": "first"})
    hit = stand_in.get(path, headers={"X-Request-ID": "second"})
    assert hit.headers["X-Cache-Status"] == "HIT" and hit.headers.get_all("X-Request-ID") == ["second"]


# The real site behind nginx: two app servers, the database and Redis of tests/deploy.


@pytest.fixture(scope="module")
def reader(nginx):
    return Browser(nginx.base, headers={"Host": nginx_tools.HOST})


@pytest.fixture(scope="module")
def editor(nginx):
    # A browser on port 443 sends this Origin (nginx passes the host without the test's port).
    client = Browser(nginx.base, headers={"Host": nginx_tools.HOST}, origin=f"https://{nginx_tools.HOST}")
    client.login()
    return client


def _stylesheet(reader):
    return re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', reader.get("/kk/").text).group(1)


def test_static_files_come_from_nginx_precompressed_with_long_lived_caching(reader, site):
    url = _stylesheet(reader)
    on_disk = (site.static_root / url.removeprefix("/static/")).read_bytes()
    for encoding, decode in (("br", brotli.decompress), ("gzip", gzip.decompress), ("", bytes)):
        response = reader.get(url, headers={"Accept-Encoding": encoding} if encoding else {})
        assert response.status == 200 and response.headers.get("Content-Encoding", "") == encoding
        assert decode(response.body) == on_disk
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "Permissions-Policy" not in response.headers  # the app's header: this did not go through it
    plain = reader.get("/static/css/site.css")  # the unhashed name may change: an hour
    assert plain.status == 200 and plain.headers["Cache-Control"] == "public, max-age=3600"
    assert reader.get("/static/no-such-file.css").status == 404


def test_pages_are_compressed_and_served_from_nginx(reader):
    for encoding in ("gzip", ""):
        headers = {"Accept-Encoding": "gzip, deflate, br"} if encoding else {}
        statuses = [reader.get("/ru/faq/", headers=headers) for _ in range(3)]
        assert statuses[-1].headers["X-Cache-Status"] == "HIT"
        assert statuses[-1].headers.get("Content-Encoding", "") == encoding
        body = gzip.decompress(statuses[-1].body) if encoding else statuses[-1].body
        assert '<html lang="ru"' in body.decode()
        assert "Content-Security-Policy" in statuses[-1].headers  # the site's headers, stored with the page


def test_an_edit_is_visible_through_nginx_within_5_seconds(reader, editor, site):
    pk = int(
        site.manage(
            "shell", "-c", "from faq.models import Entry; print(Entry.objects.get(slug='jsn').pk)"
        ).stdout.split()[-1]
    )
    page = "/kk/faq/jsn/"
    reader.get(page)
    assert reader.get(page).headers["X-Cache-Status"] == "HIT"
    mark = f"Nginx арқылы {secrets.token_hex(4)}"
    saved = editor.edit_entry(pk, answer_kk=f"<p>{mark}</p>", published="on")
    assert saved.status == 302, saved.text[:2000]
    assert saved.headers.get("X-Cache-Status") is None  # the admin never goes through the cache
    saved_at = time.monotonic()
    statuses = []
    while True:
        response = reader.get(page)
        if mark in response.text:
            break
        statuses.append(response.headers["X-Cache-Status"])
        assert time.monotonic() - saved_at < LIFETIME + 1, f"the edit is not visible after {LIFETIME + 1} s"
        time.sleep(0.1)
    assert set(statuses) <= {"HIT"}  # until then, nginx's copy
    assert reader.get(page).headers["X-Cache-Status"] == "HIT"  # and the new page is cached again


def test_staff_previews_are_never_cached(reader, editor, site):
    pk = int(
        site.manage(
            "shell", "-c", "from faq.models import Entry; print(Entry.objects.get(slug='apostil-qytai').pk)"
        ).stdout.split()[-1]
    )
    page = "/kk/faq/apostil-qytai/"
    assert reader.get(page).status == 200
    assert editor.edit_entry(pk, published="").status == 302  # unpublished: staff still see it (a preview)
    try:
        for _ in range(2):
            preview = editor.get(page)
            assert preview.status == 200 and preview.headers["X-Cache-Status"] == "BYPASS"
        for _ in range(2):
            # Readers never get the preview: within the 5 s they may still get the page nginx had
            # before the edit, then the 404 the site gives.
            public = reader.get(page)
            assert public.status in (200, 404) and public.headers["X-Cache-Status"] != "BYPASS"
            if public.status == 200:
                assert public.headers["X-Cache-Status"] in ("HIT", "STALE", "UPDATING")
    finally:
        editor.edit_entry(pk, published="on")


def test_the_admin_and_healthz_are_never_cached(reader, editor):
    for client, path in ((reader, "/admin/login/"), (editor, "/admin/")):
        for _ in range(2):
            response = client.get(path)
            assert response.status == 200 and response.headers["X-Cache-Status"] is None, path  # no cache there
    for _ in range(2):
        assert reader.get("/healthz").headers["X-Cache-Status"] == "MISS"  # asked, never stored (no-store)
