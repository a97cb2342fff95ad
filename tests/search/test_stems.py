"""Kazakh verb forms share the noun stems' stripping, measured on the content's vocabulary."""

import io

import pytest
from django.core.management import call_command

from search.query import kazakh_stem
from search.stem_report import report
from search.textfold import fold

pytestmark = pytest.mark.django_db


def test_verb_forms_share_a_stem():
    stems = {kazakh_stem(fold(w)) for w in ["жоғалса", "жоғалып", "жоғалған", "жоғалту"]}
    assert stems == {fold("жоғал")}


def test_a_verb_ending_keeps_a_stem_of_five_letters():
    assert kazakh_stem(fold("тәртіп")) == fold("тәртіп")  # order, not «тарт» (pull) + «іп»


def test_the_report_measures_what_the_verb_endings_join():
    result = report()
    assert result["words"] > 1000
    joined = dict(result["joined"])
    assert result["groups_joined"] == len(joined) > 0
    assert {"тартады", "тартип"} not in [set(m) for m in joined.values()]
    out = io.StringIO()
    call_command("search_stems", stdout=out)
    assert "groups joined" in out.getvalue()
