"""Editors manage synonym groups and reach them from the searches that found nothing."""

import pytest

from search.models import SearchQuery, SynonymGroup
from tests.support.admin import form_data

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


def change_url(group):
    return f"/admin/search/synonymgroup/{group.pk}/change/"


def test_each_save_of_a_group_is_a_version_with_its_note_and_a_readable_change(content_editor_client):
    group = SynonymGroup.objects.filter(language="ru").first()
    data = form_data(content_editor_client.get(change_url(group)))
    data["words"] = group.words + "\nмедсправка"
    data["change_note"] = "читатели ищут «медсправка»"
    assert content_editor_client.post(change_url(group), data).status_code == 302
    latest = group.history.first()
    assert latest.history_change_reason == "читатели ищут «медсправка»"
    assert "медсправка" in latest.words and "медсправка" not in latest.prev_record.words
    html = content_editor_client.get(f"/admin/search/synonymgroup/{group.pk}/history/").content.decode()
    assert "медсправка" in html and "читатели ищут" in html


def test_saving_over_another_editors_change_of_a_group_warns_instead(content_editor_client):
    group = SynonymGroup.objects.filter(language="kk").first()
    data = form_data(content_editor_client.get(change_url(group)))
    other = SynonymGroup.objects.get(pk=group.pk)
    other.words += "\nбасқа сөз"
    other.save()
    data["words"] = group.words + "\nменің сөзім"
    response = content_editor_client.post(change_url(group), data)
    assert response.status_code == 200
    assert [e.code for e in response.context["adminform"].form.non_field_errors().as_data()] == ["changed_meanwhile"]
    group.refresh_from_db()
    assert "басқа сөз" in group.words and "менің сөзім" not in group.words


@pytest.mark.parametrize("words", ["медсправка", "медсправка\nмедсправка", "  ,  "])
def test_a_group_of_one_word_is_refused_with_a_reason(content_editor_client, words):
    response = content_editor_client.post(
        "/admin/search/synonymgroup/add/", {"language": "ru", "words": words, "note": ""}
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors.as_data()["words"][0].code in ("one_word", "required")
    assert not SynonymGroup.objects.filter(words=words).exists()
