"""search.query: what a visitor typed becomes search terms (whole words, stems, transliteration)."""

import pytest

from search.query import latin_to_cyrillic, parse


@pytest.mark.parametrize(
    "query, patterns",
    [
        ("ИИН", (" иин ",)),  # short words match whole words only
        ("квотаға", (" квота",)),  # Kazakh dative ending taken off
        ("квотами", (" квот",)),  # Russian instrumental plural
        ("как", (" как ",)),  # a stop word alone is still searched
    ],
)
def test_parse_makes_whole_words_and_stems(query, patterns):
    terms = parse(query)
    assert len(terms) == 1
    assert terms[0].patterns == patterns


@pytest.mark.parametrize("latin, cyrillic", [("shymkent", "шымкент"), ("joly", "жолы"), ("zholy", "жолы")])
def test_latin_words_are_transliterated(latin, cyrillic):
    assert cyrillic in latin_to_cyrillic(latin)
