"""Seed corrections (editing/seeding.py, `replaces`): a field still holding the old seed text gets the new
one when `load_content` runs (as `make run` does on every start); a field an editor changed is kept."""

import pytest
from django.test import Client

from clinics.models import ExaminationType
from editing.seeding import CORRECTION_REASON, LoadStats, load_all, load_record, seed_hash
from faq.models import Entry
from search.engine import search

pytestmark = pytest.mark.django_db

# How the seed read before this round of corrections: (model, lookup, field, new fragment, old fragment).
OLD_TEXTS = {
    "entry 3 answer_ru": (Entry, {"number": 3}, "answer_ru", "в карьерный центр.", "в центр карьеры."),
    "entry 13 answer_ru (links)": (Entry, {"number": 13}, "answer_ru", "adilet.zan.kz/rus/", "adilet.zan.kz/kaz/"),
    "entry 21 answer_kk": (Entry, {"number": 21}, "answer_kk", "Мүгедектігі бар", "Мүгедекті бар"),
    "entry 19 answer_ru": (Entry, {"number": 19}, "answer_ru", "территориальный отдел полиции", "отдел полиции МВД"),
    "examination type sti name_kk": (
        ExaminationType,
        {"slug": "sti"},
        "name_kk",
        "жолдары арқылы",
        "жолдарымен арқылы",
    ),
}


def give_old_text(model, lookup, field, new, old):
    """The row as the previous seed left it, written through save() like the loader wrote it."""
    obj = model.objects.get(**lookup)
    current = getattr(obj, field)
    assert new in current
    setattr(obj, field, current.replace(new, old))
    obj.save()
    return obj, current


@pytest.mark.parametrize("case", OLD_TEXTS, ids=str)
def test_a_field_still_holding_the_old_seed_text_is_corrected(case):
    model, lookup, field, new, old = OLD_TEXTS[case]
    obj, corrected = give_old_text(model, lookup, field, new, old)

    stats = load_all()

    obj.refresh_from_db()
    assert getattr(obj, field) == corrected
    assert stats.corrected == 1 and stats.kept_edited == 0
    last = obj.history.order_by("-history_id").first()
    assert last.history_change_reason == CORRECTION_REASON
    assert getattr(last, field) == corrected


@pytest.mark.parametrize("case", OLD_TEXTS, ids=str)
def test_a_field_an_editor_changed_is_kept(case):
    model, lookup, field, new, old = OLD_TEXTS[case]
    obj, _ = give_old_text(model, lookup, field, new, old)
    edited = getattr(obj, field) + " (редактор)"
    setattr(obj, field, edited)
    obj.save()
    history = obj.history.count()

    stats = load_all()

    obj.refresh_from_db()
    assert getattr(obj, field) == edited
    assert stats.corrected == 0 and stats.kept_edited == 1
    assert obj.history.count() == history


def test_a_second_load_changes_nothing():
    for case in OLD_TEXTS.values():
        give_old_text(*case)
    assert load_all().corrected == 5  # five rows: entries 3, 13, 19, 21 and the examination type
    histories = Entry.history.count(), ExaminationType.history.count()

    stats = load_all()

    assert (stats.created, stats.filled, stats.corrected, stats.kept_edited) == (0, 0, 0, 0)
    assert (Entry.history.count(), ExaminationType.history.count()) == histories


def test_a_fresh_database_needs_no_correction():
    # The session's database was loaded from the current seed: nothing to correct, nothing counted as edited.
    stats = load_all()
    assert (stats.corrected, stats.kept_edited) == (0, 0)


def test_page_cache_and_search_index_follow_a_correction():
    give_old_text(*OLD_TEXTS["entry 19 answer_ru"])
    visitor = Client()
    url = "/ru/faq/qujattardy-jogaltu/"
    assert "отдел полиции МВД" in visitor.get(url).content.decode()  # now cached
    assert 19 not in [e.number for e in search("территориальный", "ru").entries]

    load_all()

    page = visitor.get(url).content.decode()
    assert "территориальный отдел полиции" in page and "отдел полиции МВД" not in page
    assert 19 in [e.number for e in search("территориальный", "ru").entries]


def test_only_a_listed_hash_lets_the_loader_change_a_field():
    entry = Entry.objects.get(number=3)
    entry.answer_ru = "<p>Прежний текст сида.</p>"
    entry.save()
    values = {"answer_ru": "<p>Исправленный текст.</p>"}

    stats = LoadStats()
    load_record("faq.entry:3", Entry, {"number": 3}, values, stats, replaces={"answer_ru": [seed_hash("другое")]})
    entry.refresh_from_db()
    assert entry.answer_ru == "<p>Прежний текст сида.</p>" and stats.kept_edited == 1

    stats = LoadStats()
    hashes = [seed_hash("<p>Прежний текст сида.</p>\n")]  # surrounding whitespace does not count
    load_record("faq.entry:3", Entry, {"number": 3}, values, stats, replaces={"answer_ru": hashes})
    entry.refresh_from_db()
    assert entry.answer_ru == "<p>Исправленный текст.</p>" and stats.corrected == 1


def test_replaces_naming_a_field_the_seed_does_not_set_is_refused():
    with pytest.raises(ValueError, match="answer_en"):
        load_record("faq.entry:3", Entry, {"number": 3}, {"answer_ru": "x"}, LoadStats(), replaces={"answer_en": []})
