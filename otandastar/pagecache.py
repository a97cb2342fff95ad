"""Full-page cache for public pages, shared by every worker and app server.

Cached pages are keyed by a content version kept in the shared cache. Any save or delete
of content bumps the version (signals below), so the very next request on any worker or
server renders afresh; old pages simply expire. The version is a timestamp, which also
serves as the pages' Last-Modified.

The middleware sits near the top of the stack: a page is stored with the headers the
middleware below it added (security headers, CSP, gzip), and a hit is answered without
running them again. Each worker also keeps the pages of the current version it has served
in memory, so a hit costs one read of the shared cache (the version), not two.

A page is keyed on what decides its content, so whichever request stores it, every request with
the same key gets what it would have got rendered: scheme, host, path, the query parameters the
page reads (others are dropped before it is rendered), and whether the compressor gzips for the
request's Accept-Encoding. A session cookie counts only when its session exists.
"""

import functools
import hashlib
import logging
import threading
import time
from dataclasses import dataclass
from importlib import import_module
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, QueryDict
from django.middleware.gzip import re_accepts_gzip
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import http_date

logger = logging.getLogger(__name__)

VERSION_KEY = "otandastar:content-version"
PAGE_TIMEOUT = 60 * 60  # pages of an old version expire on their own
CDN_MAX_AGE = 30  # a shared cache (CDN) may serve a page this long; browsers always revalidate
LOCAL_PAGES = 500  # per worker; pages are 2-10 kB compressed
RENDER_LOCK_SECONDS = 10  # a renderer that died frees its lock after this long
RENDER_WAIT_SECONDS = 2  # how long a request waits for another's render before rendering itself

# The query parameters each public page reads (URL name: parameters); every other parameter is
# dropped before the page is looked up or rendered, so `?utm_source=…` or `?fbclid=…` is served
# the clean page from the cache, and no junk ends up in a stored page (its language links).
# A view that reads a new parameter declares it here (tests/test_pagecache_keys.py checks).
PAGE_PARAMETERS = {
    "search": ("q", "page", "exact"),
    "search_suggest": ("q",),
    "clinics:region": ("type",),
    "home": ("offer",),  # scripts: the offer of the Arabic script (otandastar.views.root_redirect)
}


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY) or time.time_ns()
    return version


def bump_content_version(**kwargs) -> None:
    _bump()
    # Again once the change is committed: a page rendered between the save and the commit (still
    # showing the old content) must not outlive it. (Outside a transaction this runs at once.)
    transaction.on_commit(_bump)


def _bump() -> None:
    # If the cache is down the editor's save still stands; the cache serves no old pages meanwhile.
    _quietly(cache.set, VERSION_KEY, time.time_ns(), None)


def connect_signals() -> None:
    from clinics.models import Clinic, ExaminationType, Quota, QuotaYear, Region
    from faq.models import Entry, Mci, Topic
    from journeys.models import Journey, Step

    # Mci: a new yearly value changes the tenge figures on every page that states an amount.
    for model in (Entry, Topic, Mci, Region, ExaminationType, Clinic, QuotaYear, Quota, Journey, Step):
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"pagecache-save-{model.__name__}")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"pagecache-delete-{model.__name__}")
    # A step's cited entries change its journey page and the entries' "part of" boxes.
    m2m_changed.connect(bump_content_version, sender=Step.entries.through, dispatch_uid="pagecache-m2m-step-entries")


@dataclass(frozen=True)
class CachedPage:
    """What is stored: plain data, so every hit builds its own response (threads share the copy)."""

    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes

    @classmethod
    def of(cls, response) -> "CachedPage":
        return cls(response.status_code, tuple(response.items()), response.content)

    def response(self) -> HttpResponse:
        response = HttpResponse(self.content, status=self.status)
        for name, value in self.headers:
            response.headers[name] = value
        return response


class _LocalPages:
    """This worker's copies of pages of one content version; a new version starts afresh."""

    def __init__(self, size: int):
        self.size = size
        self.version = None
        self.pages: dict[str, CachedPage] = {}
        self.lock = threading.Lock()

    def get(self, version, key) -> CachedPage | None:
        return self.pages.get(key) if version == self.version else None

    def put(self, version, key, page: CachedPage) -> None:
        with self.lock:
            if version != self.version or len(self.pages) >= self.size:
                self.version, self.pages = version, {}
            self.pages[key] = page


def _cacheable_request(request, public_prefixes) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and request.path_info.startswith(public_prefixes)
        # Signed-in staff may see previews of unpublished entries: never cache their pages.
        and not _signed_in(request)
    )


def _signed_in(request) -> bool:
    """Whether the request's session cookie names a live session.

    Readers send no session cookie, so they cost no lookup. A cookie naming no live session (made
    up, expired, signed out elsewhere) is dropped from the request: the page is rendered and served
    as for any reader, from the cache, instead of each such request rendering a page of its own.
    """
    session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if session_key is None:
        return False
    try:
        store = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
        # A malformed key is refused without a lookup; load() gives {} for a missing or expired session.
        live = store.session_key is not None and bool(store.load())
    except Exception:  # the session store is down: render as usual (and show its error page)
        logger.warning("session store unavailable", exc_info=True)
        return True
    if not live:
        del request.COOKIES[settings.SESSION_COOKIE_NAME]
    return live


def _keep_page_parameters(request) -> None:
    """Keep only the parameters the page reads (the last value of each, as views read them), in a fixed order."""
    query = request.META.get("QUERY_STRING")
    if not query:
        return
    names = _page_parameters(request.path_info)
    given = [part.partition("=")[0] for part in query.split("&")]
    if set(given) <= set(names) and len(set(given)) == len(given) and given == sorted(given, key=names.index):
        return  # already clean (a browser's own form submission): no need to parse it here
    params = request.GET
    query = urlencode([(name, params[name]) for name in names if name in params])
    request.META["QUERY_STRING"] = query
    request.GET = QueryDict(query)


@functools.lru_cache(maxsize=1024)
def _page_parameters(path: str) -> tuple[str, ...]:
    language = translation.get_language_from_path(path)
    try:
        with translation.override(language):  # i18n_patterns resolve in the path's language only
            view_name = resolve(path).view_name
    except Resolver404:
        return ()
    return PAGE_PARAMETERS.get(view_name, ())


def _accepts_gzip(request) -> bool:
    # The compressor's own test (GZipMiddleware), so the key always says what was rendered.
    return bool(re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


def _cacheable_response(response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "Cookie" not in response.get("Vary", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
        self.local = _LocalPages(LOCAL_PAGES)

    def __call__(self, request):
        if not _cacheable_request(request, self.prefixes):
            return self.get_response(request)
        _keep_page_parameters(request)
        version = _quietly(content_version)
        if version is None:  # the shared cache is down: readers still get pages, rendered for each request
            return self.get_response(request)
        key = page_key(request, version)
        page = self.local.get(version, key) or _quietly(self._shared, version, key)
        if page is None:
            page = self._render_once(request, key, version)
        # A page not cacheable (a 404, say) is returned as rendered.
        return page.response() if isinstance(page, CachedPage) else page

    def _shared(self, version, key) -> CachedPage | None:
        page = cache.get(key)
        if not isinstance(page, CachedPage):
            return None
        self.local.put(version, key, page)
        return page

    def _render_once(self, request, key, version):
        """Render a missing page once, not once per waiting request.

        Right after an edit, every request in flight misses the same pages: the first takes a
        lock and renders, the others wait for its page (or for the lock to go) instead of all
        rendering at once.
        """
        lock = key + ":rendering"
        if not _quietly(cache.add, lock, 1, RENDER_LOCK_SECONDS, default=True):
            deadline = time.monotonic() + RENDER_WAIT_SECONDS
            while time.monotonic() < deadline:
                time.sleep(0.005)
                page = _quietly(self._shared, version, key)
                if page is not None:
                    return page
                if not _quietly(cache.has_key, lock):
                    break  # rendered but not cacheable (a 404), or the renderer failed
            return self._render(request, key, version)
        try:
            return self._render(request, key, version)
        finally:
            _quietly(cache.delete, lock)

    def _render(self, request, key, version):
        response = self.get_response(request)
        if not _cacheable_response(response):
            return response
        if response.has_header("Content-Encoding") and not _accepts_gzip(request):
            return response  # a compressed page is never stored for browsers that may not read it
        if not response.has_header("ETag"):  # ConditionalGetMiddleware above answers 304 with it
            set_response_etag(response)
        response["Last-Modified"] = http_date(version / 1e9)
        patch_cache_control(response, public=True, max_age=0, s_maxage=CDN_MAX_AGE)
        page = CachedPage.of(response)
        _quietly(cache.set, key, page, PAGE_TIMEOUT)
        self.local.put(version, key, page)
        return page


def _quietly(operation, *args, default=None):
    """A cache operation whose failure must not cost the reader the page."""
    try:
        return operation(*args)
    except Exception:
        logger.exception("page cache unavailable")
        return default


def page_key(request, version) -> str:
    encoding = "gzip" if _accepts_gzip(request) else "identity"
    # Today's date too: what a page shows can change with the date alone (the MCI of the new year, a quota
    # year whose "shown from" date comes), with no save to bump the version.
    today = timezone.localdate().isoformat()
    # Scheme and host are part of the key: pages hold absolute (canonical) URLs. get_host()
    # also refuses hosts not in ALLOWED_HOSTS (400) before anything is looked up.
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return "otandastar:page:" + hashlib.sha256(f"{version}:{today}:{encoding}:{address}".encode()).hexdigest()
