"""Answers on the first screen: "In short", contents of answers with subheadings, checklists, the quota page."""

import pytest
from django.urls import reverse
from django.utils import translation

from faq.models import Entry
from faq.outline import outline
from tests.conftest import tags, text_of

pytestmark = pytest.mark.django_db


def url(name, language="kk", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


@pytest.mark.parametrize("language, unit", [("kk", "АЕК"), ("ru", "МРП")])
def test_in_short_is_shown_above_the_answer_with_amounts(client, language, unit):
    html = client.get(url("faq:entry", language, slug="ekonomikalyq-utqyrlyq-sertifikaty")).content.decode()
    assert html.index('class="in-short"') < html.index('class="answer"')
    box = html[html.index('class="in-short"') : html.index("</section>", html.index('class="in-short"'))]
    box = box.replace("\u00a0", " ").replace("\u202f", " ")  # amounts group digits with no-break spaces
    assert f"1 625 {unit}" in box and "[[" not in box and "7 028 125" in box


def test_the_longest_entries_are_seeded_with_in_short_and_others_are_not():
    longest = sorted(Entry.objects.all(), key=lambda e: len(e.answer_kk), reverse=True)
    assert all(e.summary_kk and e.summary_ru for e in longest[:4])
    assert {e.number for e in Entry.objects.exclude(summary_kk__isnull=True).exclude(summary_kk="")} == {11, 15, 21, 23}


def test_entry_without_in_short_has_no_box(client):
    assert 'class="in-short"' not in client.get(url("faq:entry", slug="jsn")).content.decode()


def test_the_loader_keeps_an_editors_in_short(client):
    from io import StringIO

    from django.core.management import call_command

    entry = Entry.objects.get(number=11)
    entry.summary_kk = "Редактордың қысқаша мәтіні."
    entry.save()
    call_command("load_content", stdout=StringIO())
    entry.refresh_from_db()
    assert entry.summary_kk == "Редактордың қысқаша мәтіні."


def test_answers_with_subheadings_get_anchors_and_a_contents_list(client):
    entry = Entry.objects.get(number=11)
    entry.answer_kk = "<h2>Кім алады</h2><p>Мәтін.</p><h3>Санаттар</h3><p>Тағы.</p><h2>Өтініш</h2><p>Соңы.</p>"
    entry.save()
    html = client.get(entry.get_absolute_url()).content.decode()
    nav = [a for t, a in tags(html, "nav") if a.get("class") == "contents"]
    assert nav
    links = [a["href"] for t, a in tags(html, "a") if a.get("href", "").startswith("#part-")]
    assert links == ["#part-1", "#part-2", "#part-3"]
    assert '<h2 id="part-1">Кім алады</h2>' in html and '<h3 id="part-2">Санаттар</h3>' in html


def test_one_subheading_makes_no_contents_list():
    html, contents = outline("<h2>Жалғыз</h2><p>Мәтін.</p>")
    assert contents == [] and html == "<h2>Жалғыз</h2><p>Мәтін.</p>"


def test_entries_listing_documents_print_as_checklists(client):
    assert set(Entry.objects.filter(checklist=True).values_list("number", flat=True)) == {2, 8, 11, 14}
    assert 'class="entry checklist"' in client.get(url("faq:entry", slug="kvota-qujattary")).content.decode()
    assert 'class="entry"' in client.get(url("faq:entry", slug="jsn")).content.decode()


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_quota_page_leads_on_to_documents_payments_and_housing(client, language):
    html = client.get(url("clinics:quota", language)).content.decode()
    nav = html[html.index('class="next-entries"') :]
    with translation.override(language):
        for number in (7, 8, 9, 11):
            assert f'href="{Entry.objects.get(number=number).get_absolute_url()}"' in nav
    assert "#step-4" in nav  # the journey's quota step
    note = "медициналық" if language == "kk" else "медицинского обследования"
    caption = html[html.index("<caption>") : html.index("</caption>")]
    assert note in text_of(caption)


def test_an_unpublished_entry_is_not_offered_on_the_quota_page(client):
    Entry.objects.filter(number=9).update(published=False)
    html = client.get(url("clinics:quota")).content.decode()
    assert "kvota-tolemaqylary" not in html
