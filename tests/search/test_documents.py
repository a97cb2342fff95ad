"""search.documents: the index stays current after admin edits, deletes, renames, fixtures, and
(after `rebuild_search`) bulk writes that skip save()."""

import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from clinics.models import Clinic, Region
from faq.models import Entry
from search.engine import search
from search.models import SearchDocument

pytestmark = pytest.mark.django_db


def numbers(query, language):
    return sorted(e.number for e in search(query, language).entries)


def test_index_follows_an_admin_edit(editor_client):
    entry = Entry.objects.get(number=19)
    url = reverse("admin:faq_entry_change", args=[entry.pk])
    form = editor_client.get(url).context["adminform"].form
    data = {k: ("" if v is None else v) for k, v in ((name, form[name].value()) for name in form.fields)}
    data["question_ru"] = "Что делать при утере документов? Зеленоградская"
    data["published"] = "on"
    assert not numbers("зеленоградская", "ru")
    assert editor_client.post(url, data).status_code == 302
    assert numbers("зеленоградская", "ru") == [19]


def test_index_follows_deletes_and_region_renames():
    assert search("Тараз", "kk").clinic_count == 7
    row = Clinic.objects.get(region__slug="jambyl", position=1)
    documents = SearchDocument.objects.filter(kind=SearchDocument.Kind.CLINIC, object_id=row.pk)
    assert documents.count() == 2
    row.delete()
    assert not documents.exists()
    assert search("Тараз", "kk").clinic_count == 6
    region = Region.objects.get(slug="jambyl")
    region.name_ru = "Жамбылская область (Тараз-Сити)"
    region.save()
    assert search("тараз-сити", "ru").clinic_count == 6


def test_index_follows_a_bulk_load():
    """QuerySet.update() and bulk_create() skip save() and its signals: the index catches up with
    `manage.py rebuild_search`."""
    topic = Entry.objects.get(number=1).topic
    Entry.objects.bulk_create(
        Entry(
            number=90 + i,
            slug=f"bulk-{i}",
            topic=topic,
            question_kk=f"Жаппай жүктелген сұрақ Тасқала {i}",
            answer_kk="<p>Жауап</p>",
            question_ru=f"Загруженный вопрос Таскала {i}",
            answer_ru="<p>Ответ</p>",
            published=True,  # a new entry is a draft by default, and drafts are not indexed
        )
        for i in range(3)
    )
    Entry.objects.filter(number=7).update(question_ru="Региональная квота Бескарагай")
    Clinic.objects.filter(region__slug="pavlodar").update(note_ru="Приём в Бескарагае")
    # Nothing of the bulk load is indexed yet.
    assert not numbers("тасқала", "kk") and not numbers("бескарагай", "ru")
    assert search("бескарагай", "ru").clinic_count == 0

    out = io.StringIO()
    call_command("rebuild_search", stdout=out)

    expected = (Entry.objects.count() + Clinic.objects.count()) * 2  # every entry and row in both languages
    assert SearchDocument.objects.count() == expected
    assert f"Search documents rebuilt: {expected}." in out.getvalue()
    assert numbers("тасқала", "kk") == [90, 91, 92]
    assert numbers("таскала", "ru") == [90, 91, 92]
    assert numbers("бескарагай", "ru") == [7]
    assert search("бескарагай", "ru").clinic_count == Clinic.objects.filter(region__slug="pavlodar").count() == 8


def test_loaddata_indexes_fixture_rows(tmp_path):
    fixture = tmp_path / "entry.json"
    topic = Entry.objects.get(number=1).topic_id
    fields = {
        "number": 99,
        "slug": "fixture",
        "topic": topic,
        "question_kk": "Сынақ сұрағы Жаңаөзен",
        "answer_kk": "<p>Жауап</p>",
        "published": True,
        "created": "2026-01-01T00:00:00Z",
        "updated": "2026-01-01T00:00:00Z",
    }
    fixture.write_text(json.dumps([{"model": "faq.entry", "pk": 900, "fields": fields}]))
    assert not numbers("жанаозен", "kk")
    call_command("loaddata", str(fixture), verbosity=0)
    assert numbers("жанаозен", "kk") == [99]
