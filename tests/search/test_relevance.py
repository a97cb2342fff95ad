"""The held-back relevance set (tests/search/relevance.py): the right page in the first three results
(or the right clinic card first) for nearly all typos, clinic questions and paraphrases, both languages."""

import pytest

from search.engine import search

from .relevance import CLASSES, misses

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", list(CLASSES))
def test_nearly_all_cases_of_each_class_find_their_page(name):
    cases = CLASSES[name]
    missed = misses(search, cases)
    hits = len(cases) - len(missed)
    print(f"{name}: {hits}/{len(cases)}")
    assert hits >= 0.8 * len(cases), missed


def test_the_set_covers_both_languages_and_at_least_ten_cases_a_class():
    for cases in CLASSES.values():
        assert len(cases) >= 10
        assert {language for language, _q, _e in cases} == {"kk", "ru"}
