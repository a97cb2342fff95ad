"""Folding: a visitor or editor without a Kazakh keyboard types plain letters and still finds the word.

Each Kazakh letter is tested on its own, with a real word of the seed content that contains it: only
that letter is typed plain, so a broken fold of one letter fails that letter's test.
"""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from clinics.models import Clinic
from editing.html import html_to_text
from faq.models import Entry
from search import engine
from search.query import STOP_WORDS
from search.textfold import fold

pytestmark = pytest.mark.django_db

# (Kazakh letter, the plain letter typed for it, a test id in ASCII)
LETTERS = [
    ("ә", "а", "schwa-as-a"),
    ("ө", "о", "barred-o-as-o"),
    ("ұ", "у", "straight-u-stroke-as-u"),
    ("ү", "у", "straight-u-as-u"),
    ("і", "и", "dotted-i-as-i"),
    ("қ", "к", "qa-as-ka"),
    ("ғ", "г", "ghayn-as-ge"),
    ("ң", "н", "eng-as-en"),
    # һ → х is folded too (search/textfold.py), but the seed has no word with һ to search for.
]
WORD = re.compile(r"\w+")


def seed_word(letter):
    """(record, word): the seed word with the letter found in the fewest records, from entries first.

    A rare word keeps its record on the first results page. Stop words and short words (searched as
    whole words only) are left out.
    """
    entries = list(Entry.objects.published().order_by("number"))
    sources = [
        [(entry, entry.question_kk) for entry in entries],
        [(entry, html_to_text(entry.answer_kk)) for entry in entries],
        [(row, row.address_kk) for row in Clinic.objects.order_by("pk")],
    ]
    for texts in sources:
        words = [
            (record, word)
            for record, text in texts
            for word in WORD.findall(text)
            if letter in word.lower()
            and len(word) >= 5
            and word.lower() not in STOP_WORDS
            and fold(word) not in STOP_WORDS
            and not word.isdigit()
        ]
        if words:
            lowered = [(record, text.lower()) for record, text in texts]
            return min(words, key=lambda found: sum(found[1].lower() in text for _r, text in lowered))
    return None, None


def typed_plain(word, letter, plain):
    return word.replace(letter, plain).replace(letter.upper(), plain.upper())


@pytest.mark.parametrize(("letter", "plain"), [case[:2] for case in LETTERS], ids=[case[2] for case in LETTERS])
def test_plain_letter_finds_the_kazakh_word_on_the_site_and_in_the_admin(editor_client, letter, plain):
    record, word = seed_word(letter)
    assert word is not None, f"the seed content has no word with {letter}"
    typed = typed_plain(word, letter, plain)
    assert typed != word and letter not in typed.lower()

    # The search engine.
    results = engine.search(typed, "kk")
    if isinstance(record, Entry):
        assert record.pk in {pk for pk, _score in results.entry_hits}, (word, typed)
    else:
        assert record.pk in {row.pk for group in results.clinic_groups for row in group.rows}, (word, typed)

    # The search page a visitor sees.
    response = Client().get("/kk/search/", {"q": typed})
    assert response.status_code == 200
    if isinstance(record, Entry):
        assert record in response.context["page"].object_list, (word, typed)
        with translation.override("kk"):
            assert f'href="{record.get_absolute_url()}"' in response.content.decode()
    else:
        assert record.pk in {row.pk for group in response.context["results"].clinic_groups for row in group.rows}

    # The admin list of the record's model.
    opts = record._meta
    response = editor_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"), {"q": typed})
    assert response.status_code == 200
    found = response.context["cl"].queryset
    assert found.filter(pk=record.pk).exists(), (word, typed)
    assert found.count() < type(record).objects.count()
