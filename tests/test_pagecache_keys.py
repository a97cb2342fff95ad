"""otandastar.pagecache keys: a cached page is what the request would have got rendered, whatever
Accept-Encoding, extra query parameters or session cookie the first request that stored it carried."""

import inspect
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import cache
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from otandastar import pagecache
from search import statistics
from tests.support.public_pages import PAGE_TYPES, Page, cases

pytestmark = pytest.mark.django_db

ENTRY = "/kk/faq/jsn/"
BROWSER = "gzip, deflate, br"
# Accept-Encoding values a visitor may send: some the compressor (GZipMiddleware) takes for gzip, some not.
ENCODINGS = [BROWSER, "gzip", "gzipx", "xgzip", "gzip2", "x-gzip;q=0", "gzip;q=0", "br", "identity", "GZIP", ""]


def _encoding(response) -> str:
    return response.get("Content-Encoding", "identity")


@pytest.fixture
def rendered_encodings(client):
    """The Content-Encoding each Accept-Encoding gets when the page is rendered for it (nothing cached)."""
    encodings = {}
    for accept in ENCODINGS:
        cache.clear()
        encodings[accept] = _encoding(client.get(ENTRY, HTTP_ACCEPT_ENCODING=accept))
    cache.clear()
    return encodings


@pytest.mark.parametrize("first", ENCODINGS)
def test_whatever_encoding_the_first_request_accepts_every_browser_gets_what_the_compressor_gives(
    client, rendered_encodings, first
):
    assert rendered_encodings[BROWSER] == "gzip" and rendered_encodings["identity"] == "identity"
    client.get(ENTRY, HTTP_ACCEPT_ENCODING=first)  # stores the page
    for accept in ENCODINGS:
        for _ in range(2):  # from the shared cache, then from the worker's own copy
            assert _encoding(client.get(ENTRY, HTTP_ACCEPT_ENCODING=accept)) == rendered_encodings[accept], accept


def test_a_compressed_page_is_never_stored_for_browsers_that_do_not_take_gzip(client, monkeypatch):
    """Should the compressor's rule ever differ from the key's, no browser gets gzip it cannot read."""
    monkeypatch.setattr(pagecache, "_accepts_gzip", lambda request: False)
    assert _encoding(client.get(ENTRY, HTTP_ACCEPT_ENCODING="gzip")) == "gzip"
    assert _encoding(Client().get(ENTRY, HTTP_ACCEPT_ENCODING="identity")) == "identity"


# Pages that read no query parameter (every public page type but search and a region).
PLAIN_PAGES = [page for page in PAGE_TYPES if page.name != "search"] + [
    Page("faq:topic", slug="quota-support"),
    Page("faq:entry", slug="jsn"),
]
JUNK = ["utm_source=x", "fbclid=IwAR0abc", "q=квота", "page=2", "type=tuberculosis", "a=1&b=2&c=3"]


@pytest.mark.parametrize("language, page", cases(PLAIN_PAGES))
def test_unknown_parameters_are_served_the_clean_page_from_the_cache(client, django_assert_num_queries, language, page):
    url = page.url(language)
    clean = client.get(url)
    assert clean.status_code == 200
    with django_assert_num_queries(0):  # no render, no new cache entry
        for junk in JUNK:
            response = Client().get(f"{url}?{junk}")
            assert response.content == clean.content and response["ETag"] == clean["ETag"], junk


@pytest.mark.parametrize("language, page", cases(PLAIN_PAGES))
def test_a_page_first_requested_with_junk_parameters_is_stored_clean(client, django_assert_num_queries, language, page):
    url = page.url(language)
    first = client.get(f"{url}?fbclid=tracking-junk&utm_source=spam")
    assert first.status_code == 200
    assert b"tracking-junk" not in first.content and b"utm_source" not in first.content  # e.g. the language links
    with django_assert_num_queries(0):
        assert Client().get(url).content == first.content


@pytest.fixture
def statistics_buffered(settings):
    """The search statistics wait in memory (as in production), and are discarded after the test."""
    settings.SEARCH_LOG_FLUSH_SECONDS = 3600
    yield
    statistics.discard_pending()


def test_the_search_keeps_its_query_and_page_and_drops_the_rest(client, django_assert_num_queries, statistics_buffered):
    first_page = client.get("/ru/search/", {"q": "клиника"}).content.decode()
    second_page = client.get("/ru/search/", {"q": "клиника", "page": "2"}).content.decode()
    assert "клиника" in first_page and first_page != second_page
    assert client.get("/ru/search/", {"q": "квота"}).content.decode() != first_page
    with django_assert_num_queries(0):
        assert client.get("/ru/search/?q=клиника&utm_source=x").content.decode() == first_page
        assert client.get("/ru/search/?fbclid=1&page=2&q=клиника").content.decode() == second_page
        # The view reads the last of repeated values: so does the key.
        assert client.get("/ru/search/?q=пенсия&q=клиника").content.decode() == first_page


def test_a_region_keeps_its_examination_filter_and_drops_the_rest(client, django_assert_num_queries):
    url = "/ru/clinics/pavlodar/"
    all_rows = client.get(url).content.decode()
    filtered = client.get(url, {"type": "tuberculosis"}).content.decode()
    assert all_rows != filtered
    with django_assert_num_queries(0):
        assert client.get(f"{url}?type=tuberculosis&utm_source=x").content.decode() == filtered
        assert client.get(f"{url}?utm_source=x").content.decode() == all_rows


def _public_views():
    """(URL name, view function) of every page under the language prefixes."""
    found = []

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, namespace + [pattern.namespace] if pattern.namespace else namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                found.append((":".join([*namespace, pattern.name]), pattern.callback))

    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLResolver) and pattern.pattern.__class__.__name__ == "LocalePrefixPattern":
            walk(pattern.url_patterns, [])
    return found


def test_every_public_view_that_reads_query_parameters_declares_them():
    """A parameter the page cache does not know is dropped before the view sees it: declare it."""
    views = _public_views()
    assert {"home", "search", "clinics:region", "faq:entry"} <= {name for name, _view in views}
    for name, view in views:
        if "request.GET" in inspect.getsource(view):
            assert pagecache.PAGE_PARAMETERS.get(name), name


SESSION_COOKIE = settings.SESSION_COOKIE_NAME


@pytest.mark.parametrize("cookie", ["bogus", "x" * 32, "", "abc;def"])
def test_a_bogus_session_cookie_is_served_from_the_cache(client, django_assert_max_num_queries, cookie):
    clean = client.get(ENTRY)
    visitor = Client()
    visitor.cookies[SESSION_COOKIE] = cookie
    with django_assert_max_num_queries(1):  # at most the session lookup: no render
        response = visitor.get(ENTRY)
    assert response.content == clean.content and "public" in response["Cache-Control"]


def test_a_page_first_requested_with_a_bogus_session_cookie_is_stored(django_assert_num_queries):
    visitor = Client()
    visitor.cookies[SESSION_COOKIE] = "x" * 32
    first = visitor.get(ENTRY)
    assert first.status_code == 200 and "public" in first["Cache-Control"] and not first.cookies
    with django_assert_num_queries(0):
        assert Client().get(ENTRY).content == first.content


def test_an_expired_session_counts_as_a_reader(editor_client, editor, django_assert_max_num_queries):
    clean = Client().get(ENTRY)
    session = SessionStore()
    session["_auth_user_id"] = str(editor.pk)
    session.set_expiry(timezone.now() - timedelta(minutes=1))
    session.save()
    visitor = Client()
    visitor.cookies[SESSION_COOKIE] = session.session_key
    with django_assert_max_num_queries(1):
        assert visitor.get(ENTRY).content == clean.content


def test_signed_in_staff_still_get_fresh_pages_and_previews(editor_client):
    from faq.models import Entry

    Client().get(ENTRY)  # cached for readers
    Entry.objects.filter(slug="jsn").update(published=False)  # no signal: the cached page stays
    assert Client().get(ENTRY).status_code == 200  # readers: the cached page
    response = editor_client.get(ENTRY)  # staff: rendered, the unpublished entry as a preview
    assert response.status_code == 200 and "public" not in response.get("Cache-Control", "")
