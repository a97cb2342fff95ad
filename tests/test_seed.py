"""The seed loads completely and re-loading it never undoes an editor's work."""

import io
from collections import Counter

import pytest
from django.core.management import call_command

from clinics.models import Clinic, ExaminationType, Quota, QuotaYear, Region
from editing.models import SeedRecord
from faq.models import Entry, Topic

pytestmark = pytest.mark.django_db


def load():
    call_command("load_content", stdout=io.StringIO())


def test_all_27_entries_in_order_with_unique_slugs():
    numbers = list(Entry.objects.values_list("number", flat=True))
    assert numbers == list(range(1, 28))
    assert Entry.objects.values("slug").distinct().count() == 27
    assert all(e.question_kk and e.answer_kk for e in Entry.objects.all())


def test_every_topic_groups_entries():
    assert Topic.objects.count() == 8
    assert not Topic.objects.filter(entries__isnull=True).exists()


def test_source_citation_is_its_own_field():
    entry = Entry.objects.get(number=1)
    assert "№ 223" not in entry.answer_kk and "N 223" in entry.source_kk
    assert "Дереккөз" not in entry.answer_kk
    assert len([line for line in entry.source_kk.splitlines() if line.strip()]) == 2


def test_entry_17_keeps_only_its_introduction():
    entry = Entry.objects.get(number=17)
    assert entry.feature == Entry.Feature.CLINICS
    assert "<table" not in entry.answer_kk
    assert "№664" in entry.answer_kk


def test_all_20_regions():
    assert Region.objects.count() == 20
    assert Region.objects.filter(kind=Region.Kind.CITY).count() == 3
    assert set(Region.objects.filter(kind="city").values_list("slug", flat=True)) == {"astana", "almaty", "shymkent"}
    assert all(r.name_kk and r.name_ru for r in Region.objects.all())


def test_quota_2026_sums_to_2281_over_7_regions():
    year = QuotaYear.objects.get(year=2026)
    counts = dict(Quota.objects.filter(quota_year=year).values_list("region__slug", "count"))
    assert len(counts) == 7
    assert sum(counts.values()) == 2281
    assert counts["pavlodar"] == 977
    assert "№ 401" in year.legal_order_kk
    assert "ШҚО" in year.eligibility_kk


def test_clinic_directory_rows_per_region():
    per_region = Counter(Clinic.objects.values_list("region__slug", flat=True))
    assert per_region == {
        "astana": 7,
        "almaty": 7,
        "almaty-region": 7,
        "akmola": 7,
        "east-kazakhstan": 7,
        "karaganda": 7,
        "pavlodar": 8,
        "north-kazakhstan": 8,
        "mangystau": 7,
        "jambyl": 7,
    }
    assert sum(per_region.values()) == 72


def test_examination_types_are_one_normalized_list():
    assert ExaminationType.objects.count() == 8
    names = " ".join(ExaminationType.objects.values_list("name_kk", flat=True))
    for typo in ("Нашарқорлық", "Тубеккулез", "Гансенауруы", "Жітті", "шакроид"):
        assert typo not in names
    # Every region with rows lists each of the seven disease types once.
    for region in Region.objects.filter(clinics__isnull=False).distinct():
        types = Counter(
            region.clinics.exclude(examination_type__slug="conclusion").values_list("examination_type__slug", flat=True)
        )
        assert len(types) == 7 and set(types.values()) == {1}, region.slug


def test_karaganda_phones_are_in_the_phone_field():
    rows = Clinic.objects.filter(region__slug="karaganda")
    assert all(r.phone.startswith("+77212") and not r.transport_kk for r in rows)  # stored in E.164


def test_astana_block_loaded_once():
    rows = Clinic.objects.filter(region__slug="astana", examination_type__slug="drug-addiction")
    assert rows.count() == 1
    assert rows.get().address_kk == "Астана қаласы, Хусейн бен Талал көш. 7"


def test_reload_keeps_editor_changes_and_never_duplicates():
    entry = Entry.objects.get(number=3)
    entry.answer_kk = "<p>Редактор өзгерткен жауап.</p>"
    entry.save()
    before = {m: m.objects.count() for m in (Entry, Topic, Region, ExaminationType, Clinic, QuotaYear, Quota)}

    load()

    entry.refresh_from_db()
    assert entry.answer_kk == "<p>Редактор өзгерткен жауап.</p>"
    assert {m: m.objects.count() for m in before} == before


def test_reload_does_not_recreate_what_an_editor_deleted():
    Clinic.objects.filter(region__slug="jambyl", position=7).delete()
    load()
    assert not Clinic.objects.filter(region__slug="jambyl", position=7).exists()
    assert Clinic.objects.filter(region__slug="jambyl").count() == 6


def test_reload_fills_fields_that_are_still_empty():
    topic = Topic.objects.get(slug="education")
    expected = topic.title_ru
    Topic.objects.filter(pk=topic.pk).update(title_ru="")
    load()
    topic.refresh_from_db()
    assert topic.title_ru == expected


def test_every_seeded_row_is_remembered():
    # … + the 2026 MCI value, a journey and its 8 steps, the foundation's contacts
    assert SeedRecord.objects.count() == 20 + 8 + 8 + 27 + 72 + 1 + 7 + 1 + 1 + 8 + 1
