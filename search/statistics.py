"""Search statistics for editors: what visitors searched, counted without personal data.

A search page reports its result count in a response header (set by search.views); the
middleware above the page cache reads it, counts the search and removes the header. So a
search answered from the page cache counts like a rendered one, and the cache knows nothing
about search.

Counts are kept in memory and written every few seconds by a thread of each worker, in a few
bulk statements (an upsert per row, a couple of hundred rows per transaction): a visitor's
request never writes, and busy search pages cost no database write each. The memory is bounded:
at most SEARCH_LOG_MAX_PENDING different queries wait per worker; searches for further new
queries are dropped until the next write (and the number dropped is logged), so a flood of
made-up queries costs neither memory nor more than a bounded number of rows per interval.
"""

import atexit
import logging
import os
import threading
import time

from django.conf import settings
from django.db import DatabaseError, connection, connections, transaction
from django.utils import timezone, translation

from scripts.languages import content_language

from .forms import SearchForm
from .models import SearchQuery
from .query import normalized

logger = logging.getLogger(__name__)

RESULTS_HEADER = "X-Search-Results"  # internal: never leaves the server

FLUSH_SECONDS = 10
MAX_PENDING = 1000  # different queries waiting per worker; a few hundred kB at most
ROWS_PER_TRANSACTION = 200  # keeps SQLite's write lock short
_pending: dict[tuple[str, str], list[int]] = {}
_pending_lock = threading.Lock()
_dropped = [0]


def record(query: str, language: str, result_count: int) -> None:
    """Count the search for editors: normalized query only, nothing about the visitor."""
    text = normalized(query)
    if not text:
        return
    with _pending_lock:
        counts = _pending.get((text, language))
        if counts is None:
            if len(_pending) >= max_pending():
                _dropped[0] += 1
                return
            counts = _pending[(text, language)] = [0, 0, 0]
        counts[0] += 1
        counts[1] += 1 if result_count == 0 else 0
        counts[2] = result_count
    if flush_seconds() <= 0:
        flush_search_log()  # tests: written at once
    else:
        _flusher.ensure_running()


def flush_seconds() -> float:
    return getattr(settings, "SEARCH_LOG_FLUSH_SECONDS", FLUSH_SECONDS)


def max_pending() -> int:
    return getattr(settings, "SEARCH_LOG_MAX_PENDING", MAX_PENDING)


def flush_search_log() -> None:
    """Write the counted searches. Statistics never cost a reader the page: failures are logged."""
    with _pending_lock:
        batch = dict(_pending)
        _pending.clear()
        dropped, _dropped[0] = _dropped[0], 0
    if dropped:
        logger.warning(
            "%d searches not recorded: more than %d different queries waited to be written", dropped, max_pending()
        )
    if batch:
        _write(batch)


def discard_pending() -> None:
    """Forget the counts not written yet (tests)."""
    with _pending_lock:
        _pending.clear()
        _dropped[0] = 0


def _write(batch: dict[tuple[str, str], list[int]]) -> None:
    """Add the batch's counts: one INSERT … ON CONFLICT DO UPDATE per row (SQLite and PostgreSQL alike).

    The ORM's bulk_create(update_conflicts=True) can only overwrite a count, not add to it, and
    adding in the database is what keeps the counts of several workers writing at once right.
    """
    meta = SearchQuery._meta
    quote = connection.ops.quote_name
    table = quote(meta.db_table)
    column = {
        name: quote(meta.get_field(name).column)
        for name in ("query", "language", "count", "zero_results", "last_results", "first_seen", "last_seen")
    }
    added = [column[name] for name in ("count", "zero_results")]
    sql = (
        f"INSERT INTO {table} ({', '.join(column.values())}) VALUES ({', '.join(['%s'] * len(column))}) "
        f"ON CONFLICT ({column['query']}, {column['language']}) DO UPDATE SET "
        + ", ".join(f"{name} = {table}.{name} + excluded.{name}" for name in added)
        + f", {column['last_results']} = excluded.{column['last_results']}"
        f", {column['last_seen']} = excluded.{column['last_seen']}"
    )
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    rows = [(text, language, count, zero, last, now, now) for (text, language), (count, zero, last) in batch.items()]
    for start in range(0, len(rows), ROWS_PER_TRANSACTION):
        chunk = rows[start : start + ROWS_PER_TRANSACTION]
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.executemany(sql, chunk)
        except DatabaseError:
            logger.warning("search statistics not recorded (%d queries)", len(chunk), exc_info=True)


class _Flusher:
    """This process's writer thread, started with the first search (in each worker, after the fork)."""

    def __init__(self):
        self.thread = None
        self.pid = None
        self.lock = threading.Lock()

    def ensure_running(self) -> None:
        if self._running():
            return
        with self.lock:
            if not self._running():
                self.pid = os.getpid()
                self.thread = threading.Thread(target=self._run, name="search-statistics", daemon=True)
                self.thread.start()

    def _running(self) -> bool:
        return self.pid == os.getpid() and self.thread is not None and self.thread.is_alive()

    def _run(self) -> None:
        while (seconds := flush_seconds()) > 0:
            time.sleep(seconds)
            try:
                flush_search_log()
            except Exception:  # never let the writer die: the next interval tries again
                logger.exception("search statistics not recorded")
            finally:
                connections.close_all()  # this thread's connections only: none is held between writes


_flusher = _Flusher()


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
            language = content_language(translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE)
            record(query, language, int(result_count))
        return response
