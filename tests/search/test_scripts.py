"""Search in the three scripts of Kazakh: an Arabic-script or Latin query finds what the Cyrillic one
finds (scripts.translit.to_cyrillic turns the query into Cyrillic first, search.query.parse)."""

import pytest

from scripts.translit import to_arabic, to_latin
from search import engine
from search.query import normalized

pytestmark = pytest.mark.django_db


def found(query: str) -> set[int]:
    return set(engine.search(query, "kk").entry_hits.scores)


@pytest.mark.parametrize(
    "cyrillic, others",
    [
        ("Қазақстан", ["قازاقستان", "Qazaqstan"]),
        ("квота", ["كۆوتا", "kvota"]),
        ("қандас мәртебесі", ["قانداس مارتەبەسى", "qandas märtebesı"]),
        ("ЖСН", ["جسن", "JSN"]),
        ("Түркістан облысы", ["تۇركىستان وبلىسى", "Türkıstan oblysy"]),
    ],
)
def test_arabic_and_latin_queries_find_what_the_cyrillic_query_finds(cyrillic, others):
    expected = found(cyrillic)
    assert expected
    for query in others:
        assert found(query) == expected, query


@pytest.mark.parametrize("word", ["өтініш", "тұрақты", "мемлекеттік", "медициналық", "рұқсат"])
def test_any_content_word_written_in_arabic_script_or_latin_finds_the_same(word):
    expected = found(word)
    assert expected
    assert found(to_arabic(word)) == expected
    assert found(to_latin(word)) == expected


def test_the_search_log_keeps_the_query_in_cyrillic():
    assert normalized("قازاقستان كۆوتا") == normalized("Қазақстан квота") == "казакстан квота"


@pytest.mark.parametrize("language", ["kk-arab", "kk-latn"])
def test_results_page_in_the_readers_script(client, language):
    html = client.get(f"/{language}/search/", {"q": "كۆوتا"}).content.decode()
    cyrillic = client.get("/kk/search/", {"q": "квота"}).content.decode()
    assert html.count('class="excerpt"') == cyrillic.count('class="excerpt"') > 0
    assert "Өңірлік" not in html
    assert (to_arabic("Өңірлік") if language == "kk-arab" else "Öñırlık") in html
