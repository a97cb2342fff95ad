"""search.statistics: what visitors searched, counted without personal data, buffered then written;
and the editors' list of searches that found nothing (search.admin)."""

import threading

import pytest
from django.urls import reverse

from search import statistics
from search.models import SearchQuery
from tests.support.wait import wait_until

pytestmark = pytest.mark.django_db


def test_search_is_logged_without_personal_data(client):
    client.get("/kk/search/", {"q": "КВОТА  туралы"})
    client.get("/kk/search/", {"q": "квота туралы"})
    client.get("/kk/search/", {"q": "жоқсөзжоқ"})
    row = SearchQuery.objects.get(query="квота туралы", language="kk")
    assert row.count == 2 and row.zero_results == 0 and row.last_results > 0
    assert SearchQuery.objects.get(query="жоксозжок").zero_results == 1
    # Only the normalized query and counts are kept: nothing about the visitor.
    assert {f.name for f in SearchQuery._meta.fields} <= {
        "id",
        "query",
        "language",
        "count",
        "zero_results",
        "last_results",
        "first_seen",
        "last_seen",
    }


def test_admin_shows_searches_that_found_nothing(editor_client, client):
    for _ in range(2):  # searched more than once: shown by default
        client.get("/ru/search/", {"q": "пенсия"})
        client.get("/ru/search/", {"q": "квота"})
    response = editor_client.get(reverse("admin:search_searchquery_changelist"), {"found": "no"})
    assert [q.query for q in response.context["cl"].result_list] == ["пенсия"]


def test_search_statistics_are_buffered_then_written(settings):
    settings.SEARCH_LOG_FLUSH_SECONDS = 3600
    statistics.flush_search_log()
    statistics.record("буфер сынағы", "kk", 0)
    statistics.record("Буфер сынағы", "kk", 0)
    assert not SearchQuery.objects.filter(query__startswith="буфер").exists()
    statistics.flush_search_log()
    row = SearchQuery.objects.get(query="буфер сынагы")
    assert (row.count, row.zero_results) == (2, 2)


@pytest.fixture
def buffered(settings):
    """Production's buffering: counts wait in memory for the next write."""
    settings.SEARCH_LOG_FLUSH_SECONDS = 3600
    statistics.flush_search_log()
    yield settings
    statistics.discard_pending()  # nothing left for a later test to write


def test_the_buffer_holds_a_bounded_number_of_queries_and_counts_the_rest_as_dropped(buffered, caplog):
    buffered.SEARCH_LOG_MAX_PENDING = 3
    for number in range(5):
        statistics.record(f"сұрақ {number}", "kk", 1)
    statistics.record("сұрақ 0", "kk", 1)  # already pending: still counted
    assert len(statistics._pending) == 3
    statistics.flush_search_log()
    assert dict(SearchQuery.objects.filter(query__startswith="сурак").values_list("query", "count")) == {
        "сурак 0": 2,
        "сурак 1": 1,
        "сурак 2": 1,
    }
    assert "2 searches not recorded" in caplog.text


def test_a_visitors_search_writes_nothing_during_the_request(buffered, client, django_assert_num_queries):
    client.get("/ru/search/", {"q": "клиника"})  # rendered: the page's own queries
    with django_assert_num_queries(0):
        client.get("/ru/search/", {"q": "клиника"})  # from the page cache; the count waits in memory
    statistics.flush_search_log()
    assert SearchQuery.objects.get(query="клиника", language="ru").count == 2


def test_a_flush_writes_the_whole_batch_in_a_few_statements(buffered, django_assert_max_num_queries):
    for number in range(500):
        statistics.record(f"query {number}", "ru", number % 3)
    statistics.flush_search_log()  # creates the rows
    for number in range(500):
        statistics.record(f"query {number}", "ru", 0)
    with django_assert_max_num_queries(20):  # not one or two statements per query
        statistics.flush_search_log()
    rows = SearchQuery.objects.filter(query__startswith="query ")
    assert rows.count() == 500 and {row.count for row in rows} == {2}
    assert SearchQuery.objects.get(query="query 1").zero_results == 1


def test_the_buffer_is_written_by_a_background_thread(buffered, monkeypatch):
    written = []  # (thread, batch); the database is not touched: the thread is outside the test's transaction
    monkeypatch.setattr(statistics, "_write", lambda batch: written.append((threading.current_thread(), batch)))
    monkeypatch.setattr(statistics, "_flusher", statistics._Flusher())  # not one an earlier test left asleep
    buffered.SEARCH_LOG_FLUSH_SECONDS = 0.01
    statistics.record("фондағы жазу", "kk", 0)
    thread, batch = wait_until(lambda: written, message="the background writer to write the batch")[0]
    assert thread is not threading.current_thread() and list(batch) == [("фондагы жазу", "kk")]


def _changelist(editor_client, **params):
    response = editor_client.get(reverse("admin:search_searchquery_changelist"), params)
    return sorted(row.query for row in response.context["cl"].result_list), response


def test_editors_see_queries_searched_more_than_once_by_default_and_can_see_all(editor_client):
    SearchQuery.objects.bulk_create(
        [
            SearchQuery(query="квота", language="ru", count=5, last_results=3),
            SearchQuery(query="пенсия", language="ru", count=2, zero_results=2),
            SearchQuery(query="asdkjh qwe", language="ru", count=1, zero_results=1),
            SearchQuery(query="ззззз", language="kk", count=1, last_results=1),
        ]
    )
    shown, response = _changelist(editor_client)
    assert shown == ["квота", "пенсия"]
    assert _changelist(editor_client, found="no")[0] == ["пенсия"]
    assert _changelist(editor_client, searched="once")[0] == ["asdkjh qwe", "ззззз"]
    assert _changelist(editor_client, searched="all")[0] == ["asdkjh qwe", "ззззз", "квота", "пенсия"]
    assert _changelist(editor_client, searched="all", found="no")[0] == ["asdkjh qwe", "пенсия"]
    # The filter names its default, in the editor's language.
    sidebar = response.content.decode()
    assert "searched=all" in sidebar and "searched=once" in sidebar


@pytest.mark.parametrize(
    "language, words",
    [("kk", ["бірнеше рет", "бір рет", "барлық"]), ("ru", ["больше одного раза", "один раз", "все"])],
)
def test_the_searched_filter_speaks_the_editors_language(editor_client, language, words):
    from django.utils import translation

    with translation.override(language):
        from search.admin import SearchedFilter

        labels = [str(label) for _value, label in SearchedFilter.CHOICES]
    for word in words:
        assert any(word in label.lower() for label in labels), (word, labels)
