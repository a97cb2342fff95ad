"""Typo correction against the index vocabulary (search.vocabulary, search.suggest)."""

import pytest

from faq.models import Entry
from search import suggest
from search.engine import search
from search.models import SearchWord
from search.query import normalize_query, query_words
from search.textfold import fold

pytestmark = pytest.mark.django_db


def test_the_vocabulary_counts_the_documents_of_each_word_and_follows_edits():
    word = SearchWord.objects.get(word=fold("ықтиярхат"), language="kk")
    assert word.spelling == "ықтиярхат" and word.count >= 1
    entry = Entry.objects.get(number=13)
    entry.question_kk = "Ата жолы картасы және жаңасөзқұрама"
    entry.save()
    assert SearchWord.objects.get(word=fold("жаңасөзқұрама"), language="kk").count == 1
    entry.published = False
    entry.save()
    assert not SearchWord.objects.filter(word=fold("жаңасөзқұрама")).exists()


def test_a_misspelt_word_is_corrected_to_the_nearest_frequent_word_in_both_languages():
    kk = search("ықтиярхт", "kk")
    assert kk.corrected_from == "ықтиярхт" and kk.query == "ықтиярхат"
    assert 2 in [e.number for e in kk.entries[:3]]
    ru = search("апостел", "ru")
    assert ru.query == "апостиль" and 5 in [e.number for e in ru.entries[:3]]


def test_a_word_that_matches_is_never_replaced():
    results = search("апостел документов", "ru")
    assert results.query == "апостиль документов"
    assert search("квота", "kk").corrected_from == ""
    assert suggest.candidates("квота") == []


def test_search_instead_for_the_query_as_typed():
    assert search("апостел", "ru", correct=False).count == 0


def test_several_plausible_corrections_are_offered_one_form_per_word():
    found = suggest.candidates("жсна")  # one edit from several words
    assert len(found) >= 2
    assert len({fold(w)[:5] for w in found}) == len(found)


def test_short_words_and_numbers_are_not_corrected():
    assert suggest.candidates("ккк") == []
    assert suggest.candidates("12345") == []


def test_query_normalisation_is_one_function():
    # The hook for other scripts' folding: parsing, logging and correction all read it.
    assert normalize_query("АПОСТЕЛ  Документов") == "апостел  документов"
    assert normalize_query("ｋｖｏｔａ") == "kvota"  # full-width letters of some phone keyboards
    assert query_words("Апостел, апостел документов!") == ["апостел", "документов"]


def test_the_results_page_says_what_it_searched_and_links_the_query_as_typed(client):
    html = client.get("/kk/search/", {"q": "ықтиярхт"}).content.decode()
    assert "«ықтиярхат» бойынша нәтижелер көрсетілді" in html
    assert "exact=1" in html and "«ықтиярхт» сөзін іздеу" in html
    html = client.get("/ru/search/", {"q": "апостел"}).content.decode()
    assert "Показаны результаты по запросу «апостиль»" in html and "Искать вместо этого «апостел»" in html
    html = client.get("/ru/search/", {"q": "апостел", "exact": "1"}).content.decode()
    assert "ничего не найдено" in html and "апостиль" in html  # offered, not applied


@pytest.mark.parametrize("typed, meant", [("kvoat", "квота"), ("qandsa", "қандас"), ("tuberkulz", "туберкулез")])
def test_a_misspelt_latin_word_is_corrected_through_its_cyrillic_readings(typed, meant):
    results = search(typed, "kk")
    assert results.corrected_from == typed and results.query == meant
    assert results.count


def test_a_latin_word_that_matches_is_never_replaced():
    assert search("kvota", "kk").corrected_from == ""
    assert suggest.candidates("kvota") == []


def test_a_misspelt_form_the_content_lacks_is_corrected_by_its_stem_keeping_the_typed_ending():
    # The content has «стипендиальных», never «стипендии»: the stem «стипедн» is one swap from «стипенд».
    results = search("стипеднией", "ru")
    assert results.query == "стипендией" and 25 in [e.number for e in results.entries[:3]]
    # A change of the stem's last letter makes another word, not a typo: nothing is offered.
    assert suggest.candidates("документацией") == []
