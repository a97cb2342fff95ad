"""Full-page cache for public pages, shared by every worker and app server.

Cached pages are keyed by a content version kept in the shared cache. Any save or delete
of content bumps the version (signals below), so the very next request on any worker or
server renders afresh; old pages simply expire. The version is a timestamp, which also
serves as the pages' Last-Modified.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import http_date

VERSION_KEY = "otandastar:content-version"
PAGE_TIMEOUT = 60 * 60  # pages of an old version expire on their own
CDN_MAX_AGE = 30  # a shared cache (CDN) may serve a page this long; browsers always revalidate


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY) or time.time_ns()
    return version


def bump_content_version(**kwargs) -> None:
    cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def connect_signals() -> None:
    from clinics.models import Clinic, ExaminationType, Quota, QuotaYear, Region
    from faq.models import Entry, Mci, Topic

    # Mci: a new yearly value changes the tenge figures on every page that states an amount.
    for model in (Entry, Topic, Mci, Region, ExaminationType, Clinic, QuotaYear, Quota):
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"pagecache-save-{model.__name__}")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"pagecache-delete-{model.__name__}")


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

    def __call__(self, request):
        if not _cacheable_request(request, self.prefixes):
            return self.get_response(request)
        version = content_version()
        encoding = "gzip" if "gzip" in request.headers.get("Accept-Encoding", "") else "identity"
        key = "otandastar:page:" + hashlib.sha256(f"{version}:{encoding}:{request.get_full_path()}".encode()).hexdigest()
        response = cache.get(key)
        if response is not None:
            _count_search(response)
            return response
        response = self.get_response(request)
        if _cacheable_response(response):
            set_response_etag(response)
            response["Last-Modified"] = http_date(version / 1e9)
            patch_cache_control(response, public=True, max_age=0, s_maxage=CDN_MAX_AGE)
            cache.set(key, response, PAGE_TIMEOUT)
        return response


def _count_search(response) -> None:
    """A search page served from the cache still counts in the editors' search statistics."""
    search_log = getattr(response, "search_log", None)
    if search_log:
        from otandastar.search import record

        record(*search_log)
