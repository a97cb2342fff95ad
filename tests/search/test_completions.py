"""Typing suggestions: the JSON endpoint behind static/search/suggest.js."""

import pytest

from faq.models import Entry
from search.completions import LIMIT, suggestions

pytestmark = pytest.mark.django_db


def test_regions_and_questions_whose_words_start_with_what_was_typed(client):
    found = client.get("/kk/search/suggest/", {"q": "павл"}).json()["suggestions"]
    assert found[0] == {"kind": "region", "label": "Павлодар облысы", "url": "/kk/clinics/pavlodar/"}
    found = client.get("/ru/search/suggest/", {"q": "ата жол"}).json()["suggestions"]
    assert {
        "kind": "question",
        "label": "О карте «Ата жолы»",
        "url": Entry.objects.get(number=13).get_absolute_url(),
    } in [{**f, "url": f["url"].replace("/ru/", "/ru/")} for f in found]
    assert all(f["url"].startswith("/ru/") for f in found)


@pytest.mark.parametrize("language", ["kk-arab", "kk-latn"])
def test_suggestions_in_the_other_scripts_are_written_in_that_script(client, language):
    """JSON is not transliterated by the page middleware: the labels are, in the view."""
    found = client.get(f"/{language}/search/suggest/", {"q": "павл"}).json()["suggestions"]
    assert found[0]["url"] == f"/{language}/clinics/pavlodar/"
    expected = {"kk-arab": "پاۆلودار وبلىسى", "kk-latn": "Pavlodar oblysy"}[language]
    assert found[0]["label"] == expected
    assert not any(ch in "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі" for f in found for ch in f["label"].lower())


def test_kazakh_letters_typed_without_marks_and_at_most_six():
    assert [s["label"] for s in suggestions("кандас", "kk")]
    assert len(suggestions("а", "kk")) == 0  # fewer than two letters
    assert len(suggestions("ка", "kk")) <= LIMIT


def test_unpublished_questions_are_not_suggested():
    assert any("Ата жолы" in s["label"] for s in suggestions("ата жолы", "kk"))
    Entry.objects.filter(number__in=[13, 14]).update(published=False)
    from django.core.cache import cache

    cache.clear()  # update() sends no signal; a new content version reads the entries again
    assert not any("Ата жолы" in s["label"] for s in suggestions("ата жолы", "kk"))


def test_bad_input_is_answered_with_an_empty_list(client):
    for query in ["", "\x00", "%", "a" * 5000]:
        response = client.get("/kk/search/suggest/", {"q": query})
        assert response.status_code == 200 and isinstance(response.json()["suggestions"], list)


def labels(query, language):
    return [s["label"] for s in suggestions(query, language)]


def test_a_word_suggests_the_questions_that_hold_its_other_forms():
    # «апостиль» is not the beginning of «апостилирования», but they share a stem (as search finds them).
    question = Entry.objects.get(number=5).question_ru
    assert question in labels("апостиль", "ru")


@pytest.mark.parametrize(
    "typed, region", [("pavlodar", "Павлодарская область"), ("qarağandy", "Карагандинская область")]
)
def test_latin_letters_suggest_by_their_cyrillic_readings(typed, region):
    assert labels(typed, "ru")[0] == region
    assert any("Ата жолы" in label for label in labels("ata zh", "kk"))


def test_a_misspelt_word_suggests_what_search_would_correct_it_to():
    assert labels("апостел", "ru") == labels("апостиль", "ru") != []
    assert labels("ықтиярхт", "kk") and labels("ықтиярхт", "kk") == labels("ықтиярхат", "kk")
    assert labels("зззззз", "kk") == []  # nothing near: nothing suggested
