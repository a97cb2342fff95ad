"""Step-by-step journeys: the seeded journey, its page, the entries' "part of" box, the home and quota pages."""

import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from faq.models import Entry
from journeys.models import Journey, Step
from journeys.selectors import entry_position
from tests.conftest import tags, text_of

pytestmark = pytest.mark.django_db
SLUG = "moving-as-kandas"


def url(name, language="kk", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def test_the_seeded_journey_cites_entries_in_every_step():
    journey = Journey.objects.get(slug=SLUG)
    steps = list(journey.steps.order_by("order"))
    assert len(steps) == 8
    assert all(step.title_kk and step.title_ru and step.summary_kk and step.summary_ru for step in steps)
    assert all(step.entries.exists() for step in steps)
    numbers = {step.order: sorted(step.entries.values_list("number", flat=True)) for step in steps}
    assert numbers[10] == [2, 5, 6, 15] and numbers[40] == [7, 8, 10] and numbers[60] == [11]
    # Time only where the reference states it (entries 12, 20, 8, 11); no costs are stated.
    assert [s.order for s in steps if s.duration_kk] == [20, 30, 40, 60]
    assert not any(s.cost_kk or s.cost_ru for s in steps)


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_journey_page_numbers_the_steps_and_links_their_entries(client, language):
    html = client.get(url("journeys:journey", language, slug=SLUG)).content.decode()
    journey = Journey.objects.get(slug=SLUG)
    assert getattr(journey, f"title_{language}") in html
    ids = [attrs["id"] for _tag, attrs in tags(html, "li") if attrs.get("id", "").startswith("step-")]
    # Eight steps, seven numbers: the housing certificate is done "and" alongside the payments.
    assert ids == [f"step-{n}" for n in range(1, 8)]
    assert len(re.findall(r'class="step step-grouped"', html)) == 1
    with translation.override(language):
        for entry in Entry.objects.filter(journey_steps__journey=journey).distinct():
            assert f'href="{entry.get_absolute_url()}"' in html
    assert "29" in text_of(html)  # the digital assessment's time (entry 20)


def test_unpublished_journey_is_not_public(client):
    Journey.objects.filter(slug=SLUG).update(published=False)
    assert client.get(url("journeys:journey", slug=SLUG)).status_code == 404
    home = client.get(url("home")).content.decode()
    assert 'class="journey-lead"' not in home
    assert "part of" not in client.get(url("faq:entry", slug="kvota-tolemaqylary")).content.decode().lower()


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_entry_in_a_journey_shows_its_step_and_the_steps_around_it(client, language):
    entry = Entry.objects.get(number=9)  # payments: step 5 of 7
    html = client.get(url("faq:entry", language, slug=entry.slug)).content.decode()
    journey_url = url("journeys:journey", language, slug=SLUG)
    assert 'class="journey-box"' in html
    expected = "5-қадам" if language == "kk" else "Шаг 5 из 7"
    assert expected in text_of(html)
    prev = [a for _t, a in tags(html, "a") if a.get("rel") == "prev"]
    nxt = [a for _t, a in tags(html, "a") if a.get("rel") == "next"]
    assert prev[0]["href"] == f"{journey_url}#step-4"
    # The "and" step (housing certificate) shares number 5; the next stage is 6.
    assert nxt[0]["href"] == f"{journey_url}#step-6"


def test_first_and_last_steps_have_one_neighbour():
    first = entry_position(Entry.objects.get(number=5))
    last = entry_position(Entry.objects.get(number=27))
    assert first.step.number == 1 and first.previous is None and first.next.number == 2
    assert last.step.number == 7 and last.next is None and last.previous.number == 6


def test_entry_outside_any_journey_has_no_box(client):
    step_entries = Step.entries.through.objects.filter(entry__number=13)
    assert not step_entries.exists()
    html = client.get(url("faq:entry", slug="ata-joly-kartasy")).content.decode()
    assert 'class="journey-box"' not in html


def test_home_leads_with_the_journey_and_has_one_search_box(client):
    html = client.get(url("home")).content.decode()
    assert html.index('class="journey-lead"') < html.index('id="topics-title"')
    assert html.index('class="journey-lead"') < html.index('role="search"')
    assert len(tags(html, "form")) == 1
    assert f'href="{url("journeys:journey", slug=SLUG)}#step-1"' in html


def test_the_loader_keeps_editors_changes_to_steps():
    step = Step.objects.get(journey__slug=SLUG, order=40)
    step.title_kk = "Редактордың атауы"
    step.summary_ru = ""
    step.save()
    step.entries.set(Entry.objects.filter(number=7))
    call_command("load_content", stdout=io.StringIO())
    step.refresh_from_db()
    assert step.title_kk == "Редактордың атауы"
    assert step.summary_ru  # an empty field is filled again
    assert list(step.entries.values_list("number", flat=True)) == [7]
    Step.objects.filter(pk=step.pk).delete()
    call_command("load_content", stdout=io.StringIO())
    assert not Step.objects.filter(journey__slug=SLUG, order=40).exists()


def test_journey_edit_changes_the_cached_page(client):
    page = url("journeys:journey", slug=SLUG)
    client.get(page)
    journey = Journey.objects.get(slug=SLUG)
    journey.title_kk = "Жаңа атау"
    journey.save()
    assert "Жаңа атау" in client.get(page).content.decode()
