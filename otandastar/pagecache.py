"""Full-page cache for public pages, shared by every worker and app server.

Cached pages are keyed by a content version kept in the shared cache. Any save or delete
of content bumps the version (signals below), so the very next request on any worker or
server renders afresh; old pages simply expire. The version is a timestamp, which also
serves as the pages' Last-Modified.

The middleware sits near the top of the stack: a page is stored with the headers the
middleware below it added (security headers, CSP, gzip), and a hit is answered without
running them again. Each worker also keeps the pages of the current version it has served
in memory, so a hit costs one read of the shared cache (the version), not two.
"""

import hashlib
import logging
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import http_date

logger = logging.getLogger(__name__)

VERSION_KEY = "otandastar:content-version"
PAGE_TIMEOUT = 60 * 60  # pages of an old version expire on their own
CDN_MAX_AGE = 30  # a shared cache (CDN) may serve a page this long; browsers always revalidate
LOCAL_PAGES = 500  # per worker; pages are 2-10 kB compressed
RENDER_LOCK_SECONDS = 10  # a renderer that died frees its lock after this long
RENDER_WAIT_SECONDS = 2  # how long a request waits for another's render before rendering itself


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

    # Mci: a new yearly value changes the tenge figures on every page that states an amount.
    for model in (Entry, Topic, Mci, Region, ExaminationType, Clinic, QuotaYear, Quota):
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"pagecache-save-{model.__name__}")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"pagecache-delete-{model.__name__}")


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
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


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
    encoding = "gzip" if "gzip" in request.headers.get("Accept-Encoding", "") else "identity"
    # Scheme and host are part of the key: pages hold absolute (canonical) URLs. get_host()
    # also refuses hosts not in ALLOWED_HOSTS (400) before anything is looked up.
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return "otandastar:page:" + hashlib.sha256(f"{version}:{encoding}:{address}".encode()).hexdigest()
