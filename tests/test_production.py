"""Production readiness: secure settings, headers, the shared page cache, 304s, a database
outage, and bad input of every kind (generated with hypothesis)."""

import os
import re
import secrets
import subprocess
import sys
import threading

import pytest
from django.conf import settings
from django.core.cache import cache, caches
from django.db import OperationalError
from django.test import Client, RequestFactory, override_settings
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from faq.models import Entry
from otandastar import pagecache
from search.models import SearchQuery
from tests.conftest import tags
from tests.support.admin import form_data
from tests.support.public_pages import LANGUAGES, PAGE_TYPES, Page, cases
from tests.support.wait import wait_until

pytestmark = pytest.mark.django_db

PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECURE": "1",
    "DJANGO_ALLOWED_HOSTS": "otandastar.kz,www.otandastar.kz",
    "DJANGO_SETTINGS_MODULE": "otandastar.settings",
}


def manage(*args, env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
    )


def test_check_deploy_is_clean_in_production():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={**PRODUCTION_ENV, "DJANGO_SECRET_KEY": secrets.token_urlsafe(50)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", env=PRODUCTION_ENV)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def _security_headers_ok(response, url):
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp, url
    assert "unsafe-inline" not in csp, url
    assert response["X-Content-Type-Options"] == "nosniff", url
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", url
    assert "camera=()" in response["Permissions-Policy"], url
    assert response["Cross-Origin-Opener-Policy"] == "same-origin", url
    assert response["X-Frame-Options"] == "DENY", url
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"]), url


SECURITY_PAGES = [*PAGE_TYPES, Page("faq:entry", slug="jsn"), Page("clinics:region", slug="pavlodar")]


@pytest.mark.parametrize(
    "language, page", cases(SECURITY_PAGES) + [pytest.param(lang, None, id=f"{lang}:not-found") for lang in LANGUAGES]
)
def test_security_headers_and_no_inline_code_on_every_page_type(client, language, page):
    url = page.url(language) if page else f"/{language}/no-such-page/"
    response = client.get(url)
    _security_headers_ok(response, url)
    html = response.content.decode()
    assert "<style" not in html and " style=" not in html
    # Only external scripts run; JSON-LD blocks are data, which CSP does not execute.
    assert all("src" in attrs or attrs.get("type") == "application/ld+json" for tag, attrs in tags(html, "script"))


def test_admin_and_healthz_have_the_headers_too(editor_client):
    response = editor_client.get("/admin/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    response = editor_client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_request_id_from_a_proxy_is_kept_when_sane(client):
    assert client.get("/kk/", HTTP_X_REQUEST_ID="abc-123")["X-Request-ID"] == "abc-123"
    # An unsafe one is replaced by an id of our own.
    assert re.fullmatch(r"[0-9a-f]{32}", client.get("/kk/", HTTP_X_REQUEST_ID="<script>")["X-Request-ID"])


@pytest.fixture
def shared_cache(tmp_path):
    """A file cache, as several gunicorn workers on one machine share it; the configured Redis when
    the suite runs on one (CI's PostgreSQL pass), as several app servers share it."""
    if "RedisCache" in settings.CACHES["default"]["BACKEND"]:
        yield caches["default"]
        return
    location = tmp_path / "cache"
    with override_settings(
        CACHES={
            "default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(location)}
        }
    ):
        caches["default"].clear()
        yield caches["default"]


def test_cached_page_is_served_without_the_database(shared_cache, django_assert_num_queries):
    worker_a, worker_b = Client(), Client()
    first = worker_a.get("/kk/faq/jsn/")
    assert first.status_code == 200 and "public" in first["Cache-Control"] and first["ETag"]
    with django_assert_num_queries(0):
        again = worker_b.get("/kk/faq/jsn/")
    assert again.content == first.content


def test_an_editors_change_is_visible_at_once_on_every_worker(shared_cache, editor_client):
    worker_a, worker_b = Client(), Client()
    assert "Жаңартылған жауап" not in worker_a.get("/kk/faq/jsn/").content.decode()
    assert "Жаңартылған жауап" not in worker_b.get("/kk/faq/jsn/").content.decode()
    entry = Entry.objects.get(number=1)
    url = f"/admin/faq/entry/{entry.pk}/change/"
    data = form_data(editor_client.get(url))
    data.update(answer_kk="<p>Жаңартылған жауап</p>", published="on")
    assert editor_client.post(url, data).status_code == 302
    for worker in (worker_a, worker_b):
        assert "Жаңартылған жауап" in worker.get("/kk/faq/jsn/").content.decode()


def test_revalidation_answers_304(client):
    first = client.get("/ru/quota/")
    etag, modified = first["ETag"], first["Last-Modified"]
    assert client.get("/ru/quota/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get("/ru/quota/", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    assert client.get("/ru/quota/", HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_a_page_served_from_the_cache_keeps_every_header_and_gets_its_own_request_id(client):
    first = client.get("/kk/faq/jsn/", HTTP_ACCEPT_ENCODING="gzip")
    hit = Client().get("/kk/faq/jsn/", HTTP_ACCEPT_ENCODING="gzip")  # another worker: from the shared cache
    again = client.get("/kk/faq/jsn/", HTTP_ACCEPT_ENCODING="gzip")  # the same worker: from its own copy
    for response in (hit, again):
        _security_headers_ok(response, "/kk/faq/jsn/")
        assert response.content == first.content and response["Content-Encoding"] == "gzip"
        assert response["ETag"] == first["ETag"] and response["Vary"] == first["Vary"]
    assert len({first["X-Request-ID"], hit["X-Request-ID"], again["X-Request-ID"]}) == 3


@override_settings(ALLOWED_HOSTS=["otandastar.kz", "www.otandastar.kz"])
def test_each_host_and_scheme_has_its_own_cached_pages(client):
    def canonical(**extra):
        html = client.get("/ru/quota/", **extra).content.decode()
        return re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)

    for _ in range(2):  # rendered, then from the cache
        assert canonical(HTTP_HOST="otandastar.kz") == "http://otandastar.kz/ru/quota/"
        assert canonical(HTTP_HOST="www.otandastar.kz") == "http://www.otandastar.kz/ru/quota/"
        assert canonical(HTTP_HOST="otandastar.kz", secure=True) == "https://otandastar.kz/ru/quota/"
    # A host that is not allowed never gets a cached page.
    assert client.get("/ru/quota/", HTTP_HOST="evil.example").status_code == 400


def test_a_search_counts_once_whether_rendered_or_from_the_cache(client):
    for _ in range(3):
        client.get("/ru/search/", {"q": "клиника"})
    assert SearchQuery.objects.get(query="клиника", language="ru").count == 3


def _request_in_a_thread(path):
    result = {}
    thread = threading.Thread(target=lambda: result.setdefault("response", Client().get(path)))
    thread.start()
    return thread, result


@pytest.fixture
def lock_checks(monkeypatch):
    """The cache keys whose presence a request has checked (a waiting request polls the render lock)."""
    checked = []
    backend = type(caches["default"])  # each thread has its own instance: watch the class
    has_key = backend.has_key

    def watched(self, key, version=None):
        checked.append(key)
        return has_key(self, key, version=version)

    monkeypatch.setattr(backend, "has_key", watched)
    return checked


def test_requests_missing_the_same_page_wait_for_one_render(lock_checks):
    """Right after an edit, the first request renders a page; the others wait for it."""
    key = pagecache.page_key(RequestFactory().get("/ru/quota/"), pagecache.content_version())
    assert cache.add(key + ":rendering", 1)  # another worker is rendering this page
    thread, result = _request_in_a_thread("/ru/quota/")
    wait_until(lambda: key + ":rendering" in lock_checks, message="the request to check the other render's lock")
    assert thread.is_alive() and "response" not in result  # waiting, not rendering
    cache.set(key, pagecache.CachedPage(200, (("Content-Type", "text/html; charset=utf-8"),), b"rendered by the other"))
    thread.join(5)
    assert not thread.is_alive()
    assert result["response"].content == b"rendered by the other"


def test_a_waiting_request_renders_itself_when_the_other_render_stores_nothing(lock_checks):
    key = pagecache.page_key(RequestFactory().get("/ru/quota/"), pagecache.content_version())
    assert cache.add(key + ":rendering", 1)
    thread, result = _request_in_a_thread("/ru/quota/")
    wait_until(lambda: key + ":rendering" in lock_checks, message="the request to check the other render's lock")
    assert thread.is_alive() and "response" not in result  # waiting for the other render
    cache.delete(key + ":rendering")  # that render gave nothing to store (a 404, an error)
    thread.join(5)
    assert not thread.is_alive()
    assert result["response"].status_code == 200 and "2\u00a0281" in result["response"].content.decode()
    assert not cache.has_key(key + ":rendering") and isinstance(cache.get(key), pagecache.CachedPage)


@pytest.fixture
def cache_down(monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionError("cache refused the connection")

    backend = caches["default"]
    for name in ("get", "set", "add", "delete", "has_key"):
        monkeypatch.setattr(backend, name, refuse)


@pytest.mark.parametrize("url", ["/kk/faq/jsn/", "/ru/clinics/pavlodar/", "/ru/search/?q=квота"])
def test_with_the_cache_down_readers_still_get_pages(client, request, url):
    client.get("/kk/faq/jsn/")
    request.getfixturevalue("cache_down")
    response = client.get(url)
    assert response.status_code == 200
    _security_headers_ok(response, url)
    assert client.get("/healthz").status_code == 503  # while the load balancer hears about it


def test_with_the_cache_down_an_editors_save_still_stands(editor_client, request):
    entry = Entry.objects.get(number=1)
    url = f"/admin/faq/entry/{entry.pk}/change/"
    data = form_data(editor_client.get(url))
    data.update(answer_kk="<p>Кэш жоқ кезде сақталды</p>", published="on")
    request.getfixturevalue("cache_down")
    assert editor_client.post(url, data).status_code == 302
    entry.refresh_from_db()
    assert entry.answer_kk == "<p>Кэш жоқ кезде сақталды</p>"


def test_the_content_version_changes_again_when_the_save_is_committed(django_capture_on_commit_callbacks):
    before = pagecache.content_version()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        Entry.objects.get(number=1).save()
    at_save = pagecache.content_version()
    assert at_save != before and len(callbacks) >= 1
    for callback in callbacks:
        callback()
    assert pagecache.content_version() not in (before, at_save)


def test_signed_in_staff_get_fresh_uncached_pages(editor_client):
    response = editor_client.get("/kk/faq/jsn/")
    assert "public" not in response.get("Cache-Control", "")


@pytest.fixture
def database_down(monkeypatch):
    from django.db.backends import utils

    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(utils.CursorWrapper, "execute", refuse)
    monkeypatch.setattr(utils.CursorWrapper, "executemany", refuse)


@pytest.mark.parametrize("language, text", [("kk", "Сайт уақытша қолжетімсіз"), ("ru", "Сайт временно недоступен")])
def test_database_down_serves_cached_pages_and_a_friendly_503(client, request, language, text):
    assert client.get(f"/{language}/faq/jsn/").status_code == 200  # now cached
    request.getfixturevalue("database_down")
    assert client.get(f"/{language}/faq/jsn/").status_code == 200
    response = client.get(f"/{language}/clinics/")
    assert response.status_code == 503
    assert text in response.content.decode() and "Traceback" not in response.content.decode()
    assert response["Retry-After"] == "60"
    assert client.get("/healthz").status_code == 503


LANGS = st.sampled_from(["kk", "ru", "en", "xx", "", "KK", "kk-kz"])
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
SUFFIXES = st.sampled_from(["", "faq/", "faq/topic/", "clinics/", "quota/", "search/", "faq/jsn/", "clinics/pavlodar/"])


@hypothesis_settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(language=LANGS, suffix=SUFFIXES, tail=TEXT, query=TEXT, page=st.one_of(TEXT, st.integers().map(str)), kind=TEXT)
def test_generated_bad_input_never_gives_a_5xx(client, language, suffix, tail, query, page, kind):
    from urllib.parse import quote

    path = f"/{language}/{suffix}" + quote(tail.encode("utf-8", "surrogatepass"), safe="/")
    for url, params in (
        (path, {}),
        (f"/{language}/search/", {"q": query, "page": page}),
        (f"/{language}/clinics/pavlodar/", {"type": kind}),
        ("/language/" + quote(language or "x") + "/", {"next": query}),
    ):
        response = client.get(url, params)
        assert response.status_code < 500, (url, params, response.status_code)


@pytest.mark.parametrize(
    "path",
    [
        "/kk/" + "a" * 5000 + "/",
        "/kk/faq/%00/",
        "/kk/faq/%FF%FE/",
        "/kk/search/?q=%FF%FE%00",
        "/kk/search/?q=" + "x" * 10000,
        "/ru/search/?q=' OR 1=1 --&page=-1",
        "/ru/search/?q=квота&page=99999999999999999999999",
        "/kk/quota/99999999999999999999999999/",
        "/zz/faq/",
        "/kk/faq/<script>/",
        "/kk/clinics/pavlodar/?type=' OR 1=1 --",
        "/language/kk/?next=//evil.example/",
        "/%C0%AE%C0%AE/",
    ],
)
def test_hostile_requests_get_a_4xx_or_a_normal_page(client, path):
    response = client.get(path)
    assert response.status_code < 500
