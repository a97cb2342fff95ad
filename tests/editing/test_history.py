"""Readable history: a save that changes nothing visible records no version; a version says per language,
word by word, what a reader sees changed, with the editor's note; the pages use the records' own names."""

import pytest
from django.urls import reverse

from clinics.models import Clinic
from editing.history import word_diff
from faq.models import Entry
from tests.support.admin import form_data

pytestmark = pytest.mark.django_db


def change_url(entry):
    return reverse("admin:faq_entry_change", args=[entry.pk])


def history_html(client, entry):
    response = client.get(reverse("admin:faq_entry_history", args=[entry.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_resave_that_changes_nothing_visible_records_nothing(content_editor_client):
    entry = Entry.objects.get(number=3)
    # As older answers hold them: <i>/<b>, and other line breaks; the editor sends <em>/<strong>.
    Entry.objects.filter(pk=entry.pk).update(answer_kk="<p>Бір <i>екі</i>\n <b>үш</b></p>\n<p>төрт</p>")
    versions = entry.history.count()
    data = form_data(content_editor_client.get(change_url(entry)))
    data["answer_kk"] = "<p>Бір <em>екі</em> <strong>үш</strong></p><p>төрт</p>"
    assert content_editor_client.post(change_url(entry), data).status_code == 302
    assert entry.history.count() == versions


def test_a_change_is_recorded_with_its_note_and_a_word_diff_of_the_visible_text(content_editor_client):
    entry = Entry.objects.get(number=3)
    entry.answer_kk = "<p>Құжаттарды <strong>халыққа қызмет</strong> орталығына тапсырыңыз.</p>"
    entry.save()
    data = form_data(content_editor_client.get(change_url(entry)))
    data["answer_kk"] = "<p>Құжаттарды <strong>халыққа қызмет</strong> орталығына немесе eGov арқылы тапсырыңыз.</p>"
    data["change_note"] = "eGov қосылды"
    assert content_editor_client.post(change_url(entry), data).status_code == 302
    assert entry.history.first().history_change_reason == "eGov қосылды"
    html = history_html(content_editor_client, entry)
    assert "eGov қосылды" in html
    assert "<ins>немесе eGov арқылы</ins>" in html
    assert "&lt;strong&gt;" not in html and "&lt;p&gt;" not in html  # text, not HTML
    assert "None" not in html.split('id="change-history"')[1]


def test_a_save_from_the_russian_admin_shows_only_the_russian_text_changed(client, content_editor):
    client.force_login(content_editor)
    entry = Entry.objects.get(number=5)
    url = change_url(entry)
    data = form_data(client.get(url, HTTP_ACCEPT_LANGUAGE="ru"))
    data["question_ru"] = entry.question_ru + " Уточнение"
    assert client.post(url, data, HTTP_ACCEPT_LANGUAGE="ru").status_code == 302
    html = client.get(reverse("admin:faq_entry_history", args=[entry.pk]), HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    latest = html.split("<tbody>")[1].split("</tr>")[0]
    assert "<ins>Уточнение</ins>" in latest
    assert "(Русский)" in latest and "(Қазақша)" not in latest
    assert entry.question_kk not in latest


def test_history_pages_use_the_records_names(content_editor_client):
    entry = Entry.objects.get(number=3)
    version = entry.history.first()
    for url in (
        reverse("admin:faq_entry_history", args=[entry.pk]),
        reverse("admin:faq_entry_simple_history", args=[entry.pk, version.history_id]),
    ):
        html = content_editor_client.get(url).content.decode()
        breadcrumbs = html.split('class="breadcrumbs"')[1].split("</div>")[0]
        assert "istorical" not in breadcrumbs and "Faq" not in breadcrumbs
        assert "Сұрақтар мен жауаптар" in breadcrumbs or "Questions and answers" in breadcrumbs


def test_an_empty_russian_note_saved_in_the_admin_is_stored_as_the_import_stores_it(content_editor_client):
    row = Clinic.objects.filter(note_ru="").exclude(note_kk="").first() or Clinic.objects.first()
    url = reverse("admin:clinics_clinic_change", args=[row.pk])
    data = form_data(content_editor_client.get(url))
    data["note_ru"] = "  "
    data["address_kk"] = f"  {row.address_kk}  "
    versions = row.history.count()
    assert content_editor_client.post(url, data).status_code == 302
    row.refresh_from_db()
    assert row.note_ru == "" and row.history.count() == versions


def test_word_diff_keeps_context_and_shortens_long_unchanged_runs():
    old = " ".join(f"w{i}" for i in range(40))
    new = old.replace("w20", "жаңа")
    diff = word_diff(old, new)
    assert "<del>w20</del> <ins>жаңа</ins>" in diff
    assert diff.startswith("… w12") and diff.endswith("w28 …")
    assert word_diff("<b>", "<i>") == "<del>&lt;b&gt;</del> <ins>&lt;i&gt;</ins>"


@pytest.mark.parametrize("language, revert", [("kk", "Қайтару"), ("ru", "Восстановить")])
def test_the_version_page_speaks_the_admins_language(client, content_editor, language, revert):
    client.force_login(content_editor)
    entry = Entry.objects.get(number=3)
    url = reverse("admin:faq_entry_simple_history", args=[entry.pk, entry.history.first().history_id])
    html = client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert f'value="{revert}"' in html
    assert "Revert" not in html and "Press the" not in html
