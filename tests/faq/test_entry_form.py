"""Less typing on entries (issue 17, item 5): next number and slug proposed, "reviewed today" on the form
and as a bulk action."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from faq.models import Entry, Topic
from tests.support.admin import form_data

pytestmark = pytest.mark.django_db


def new_entry_data(client, **values):
    data = form_data(client.get(reverse("admin:faq_entry_add")))
    data.update(topic=Topic.objects.first().pk, answer_kk="<p>Жауап.</p>", **values)
    return data


def test_a_new_entry_is_proposed_the_next_free_number(content_editor_client):
    form = content_editor_client.get(reverse("admin:faq_entry_add")).context["adminform"].form
    highest = Entry.objects.order_by("-number").first().number
    assert form["number"].value() == highest + 1


def test_an_empty_slug_is_made_from_the_kazakh_question(content_editor_client):
    data = new_entry_data(content_editor_client, slug="", question_kk="Қандастарға қайтарымсыз бизнес гранттар")
    response = content_editor_client.post(reverse("admin:faq_entry_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Entry.objects.get(number=data["number"]).slug == "qandastarga-qaitarymsyz-biznes-granttar"


def test_a_proposed_slug_never_takes_another_entrys_address(content_editor_client):
    Entry.objects.filter(number=1).update(slug="ulty-qazaq")
    data = new_entry_data(content_editor_client, slug="", question_kk="Ұлты қазақ")
    assert content_editor_client.post(reverse("admin:faq_entry_add"), data).status_code == 302
    assert Entry.objects.get(number=data["number"]).slug == "ulty-qazaq-2"


def test_a_slug_the_editor_writes_is_kept(content_editor_client):
    data = new_entry_data(content_editor_client, slug="menin-slugym", question_kk="Ұлты қазақ")
    assert content_editor_client.post(reverse("admin:faq_entry_add"), data).status_code == 302
    assert Entry.objects.get(number=data["number"]).slug == "menin-slugym"


def test_an_existing_entry_still_needs_its_slug(content_editor_client):
    entry = Entry.objects.get(number=2)
    url = reverse("admin:faq_entry_change", args=[entry.pk])
    data = form_data(content_editor_client.get(url)) | {"slug": ""}
    response = content_editor_client.post(url, data)
    assert response.status_code == 200
    assert "slug" in response.context["adminform"].form.errors


def test_mark_reviewed_today_on_the_form(content_editor_client):
    entry = Entry.objects.get(number=3)
    Entry.objects.filter(pk=entry.pk).update(last_reviewed=datetime.date(2024, 5, 1))
    url = reverse("admin:faq_entry_change", args=[entry.pk])
    data = form_data(content_editor_client.get(url)) | {"mark_reviewed": "on"}
    assert content_editor_client.post(url, data).status_code == 302
    entry.refresh_from_db()
    assert entry.last_reviewed == timezone.localdate()
    assert entry.history.first().last_reviewed == timezone.localdate()


def test_mark_reviewed_today_as_a_bulk_action(content_editor_client):
    Entry.objects.update(last_reviewed=datetime.date(2024, 5, 1))
    chosen = list(Entry.objects.filter(number__in=[4, 5]).values_list("pk", flat=True))
    response = content_editor_client.post(
        reverse("admin:faq_entry_changelist"), {"action": "mark_reviewed", "_selected_action": chosen}, follow=True
    )
    assert response.status_code == 200
    today = timezone.localdate()
    assert set(Entry.objects.filter(last_reviewed=today).values_list("pk", flat=True)) == set(chosen)
    assert Entry.objects.get(pk=chosen[0]).history.first().last_reviewed == today
