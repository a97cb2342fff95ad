"""Search statistics for editors: what visitors searched, counted without personal data.

A search page reports its result count in a response header (set by search.views); the
middleware above the page cache reads it, counts the search and removes the header. So a
search answered from the page cache counts like a rendered one, and the cache knows nothing
about search.

Counts are kept in memory and written in one go every few seconds, so busy search pages cost
no database write each.
"""

import atexit
import logging
import threading
import time

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import translation

from .forms import SearchForm
from .models import SearchQuery
from .query import normalized

logger = logging.getLogger(__name__)

RESULTS_HEADER = "X-Search-Results"  # internal: never leaves the server

FLUSH_SECONDS = 10
_pending: dict[tuple[str, str], list[int]] = {}
_pending_lock = threading.Lock()
_last_flush = [time.monotonic()]


def record(query: str, language: str, result_count: int) -> None:
    """Count the search for editors: normalized query only, nothing about the visitor."""
    text = normalized(query)
    if not text:
        return
    with _pending_lock:
        counts = _pending.setdefault((text, language), [0, 0, 0])
        counts[0] += 1
        counts[1] += 1 if result_count == 0 else 0
        counts[2] = result_count
        due = time.monotonic() - _last_flush[0] >= flush_seconds()
    if due:
        flush_search_log()


def flush_seconds() -> float:
    return getattr(settings, "SEARCH_LOG_FLUSH_SECONDS", FLUSH_SECONDS)


def flush_search_log() -> None:
    """Write the counted searches. Statistics never cost a reader the page: failures are logged."""
    with _pending_lock:
        batch = dict(_pending)
        _pending.clear()
        _last_flush[0] = time.monotonic()
    for (text, language), (count, zero, last) in batch.items():
        try:
            _add(text, language, count, zero, last)
        except DatabaseError:
            logger.warning("search statistics not recorded", exc_info=True)


def _add(text: str, language: str, count: int, zero: int, last: int) -> None:
    changes = {"count": F("count") + count, "zero_results": F("zero_results") + zero, "last_results": last}
    if SearchQuery.objects.filter(query=text, language=language).update(**changes):
        return
    try:
        with transaction.atomic():
            SearchQuery.objects.create(query=text, language=language, count=count, zero_results=zero, last_results=last)
    except IntegrityError:  # another worker created the row meanwhile
        SearchQuery.objects.filter(query=text, language=language).update(**changes)


atexit.register(flush_search_log)


class SearchStatisticsMiddleware:
    """Counts every search page served, rendered or from the page cache (sits above it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        result_count = response.get(RESULTS_HEADER)
        if result_count is not None:
            del response[RESULTS_HEADER]
            form = SearchForm(request.GET)
            query = form.cleaned_data["q"] if form.is_valid() else ""
            language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
            record(query, language, int(result_count))
        return response
