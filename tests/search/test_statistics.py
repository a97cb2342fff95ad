"""search.statistics: what visitors searched, counted without personal data, buffered then written;
and the editors' list of searches that found nothing (search.admin)."""

import pytest
from django.urls import reverse

from search import statistics
from search.models import SearchQuery

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
