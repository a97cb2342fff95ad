"""Editors keep journeys current in the admin (as "Content editors", not superusers), with history."""

import pytest
from django.urls import reverse

from faq.models import Entry
from journeys.models import Journey, Step
from tests.support.admin import form_data

pytestmark = pytest.mark.django_db


def test_editor_edits_a_step_in_the_journey_form_and_the_page_follows(content_editor_client):
    client = content_editor_client
    journey = Journey.objects.get(slug="moving-as-kandas")
    url = reverse("admin:journeys_journey_change", args=[journey.pk])
    response = client.get(url)
    assert response.status_code == 200
    data = form_data(response)
    prefix = next(k for k, v in data.items() if k.endswith("-title_kk") and v == "Медициналық анықтама")
    data[prefix] = "Медициналық анықтама алу"
    assert client.post(url, data).status_code == 302
    assert "Медициналық анықтама алу" in client.get(journey.get_absolute_url()).content.decode()


def test_editor_changes_a_steps_entries_and_reverts_it_from_history(content_editor_client):
    client = content_editor_client
    step = Step.objects.get(journey__slug="moving-as-kandas", order=70)
    url = reverse("admin:journeys_step_change", args=[step.pk])
    data = form_data(client.get(url))
    data["entries"] = [Entry.objects.get(number=17).pk, Entry.objects.get(number=13).pk]
    data["duration_kk"] = "Редактор жазған мерзім"
    assert client.post(url, data).status_code == 302
    assert sorted(step.entries.values_list("number", flat=True)) == [13, 17]
    page = client.get(step.journey.get_absolute_url()).content.decode()
    assert "ata-joly-kartasy" in page and "Редактор жазған мерзім" in page

    history = client.get(reverse("admin:journeys_step_history", args=[step.pk]))
    assert history.status_code == 200
    first = step.history.order_by("history_date")[0]
    revert_url = reverse("admin:journeys_step_simple_history", args=[step.pk, first.history_id])
    assert client.post(revert_url, form_data(client.get(revert_url))).status_code == 302
    step.refresh_from_db()
    assert not step.duration_kk


def test_a_published_journeys_address_stays(content_editor_client):
    journey = Journey.objects.get(slug="moving-as-kandas")
    url = reverse("admin:journeys_journey_change", args=[journey.pk])
    data = form_data(content_editor_client.get(url))
    data["slug"] = "another-address"
    response = content_editor_client.post(url, data)
    assert response.status_code == 200 and "moving-as-kandas" in response.content.decode()
    journey.refresh_from_db()
    assert journey.slug == "moving-as-kandas"


def test_lists_open_for_editors(content_editor_client):
    for name in ("admin:journeys_journey_changelist", "admin:journeys_step_changelist"):
        assert content_editor_client.get(reverse(name)).status_code == 200
    assert content_editor_client.get(reverse("admin:journeys_step_changelist") + "?ru=missing").status_code == 200
