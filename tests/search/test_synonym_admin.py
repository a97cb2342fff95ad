"""Editors manage synonym groups and reach them from the searches that found nothing."""

import pytest

from search.models import SearchQuery, SynonymGroup

pytestmark = pytest.mark.django_db


def test_searches_that_found_nothing_link_to_a_new_synonym_group(content_editor_client):
    SearchQuery.objects.create(query="медсправка", language="ru", count=3, zero_results=3, last_results=0)
    SearchQuery.objects.create(query="квота", language="ru", count=3, last_results=5)
    html = content_editor_client.get("/admin/search/searchquery/", {"found": "no"}).content.decode()
    assert "/admin/search/synonymgroup/add/?language=ru&amp;words=%D0%BC%D0%B5%D0%B4" in html
    html = content_editor_client.get("/admin/search/searchquery/", {"found": "yes"}).content.decode()
    assert "synonymgroup/add/?language" not in html


def test_a_content_editor_adds_a_synonym_group_that_search_then_uses(content_editor_client, client):
    assert "Результаты" not in client.get("/ru/search/", {"q": "медсправка", "exact": "1"}).content.decode()
    response = content_editor_client.post(
        "/admin/search/synonymgroup/add/", {"language": "ru", "words": "медсправка\nсправка", "note": ""}
    )
    assert response.status_code == 302
    assert SynonymGroup.objects.filter(words__startswith="медсправка").exists()
    html = client.get("/ru/search/", {"q": "медсправка"}).content.decode()
    assert "ничего не найдено" not in html
