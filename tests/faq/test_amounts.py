"""MCI shortcodes in answers: linear matching, bounded amounts, checked when an editor saves."""

import time

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from faq.amounts import expand
from faq.models import ANSWER_MAX_LENGTH, Entry, Mci
from faq.shortcodes import MAX_AMOUNTS, SHORTCODE, shortcode_errors
from tests.support.admin import form_data

pytestmark = pytest.mark.django_db

MCI = Mci(year=2026, value=4325)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("[[70 АЕК]]", "70 АЕК (2026 жылы – 302 750 теңге)"),
        ("[[1625 АЕК-тен]]", "1 625 АЕК-тен (2026 жылы – 7 028 125 теңге)"),
        ("[[1 625 МРП]]", "1 625 МРП (в 2026 году – 7 028 125 тенге)"),
        ("[[ 70 МРП ]]", "70 МРП (в 2026 году – 302 750 тенге)"),
    ],
)
def test_shortcodes_show_the_tenge_figure(text, shown):
    assert expand(text, MCI).replace("\u00a0", " ") == shown


def _seconds(text):
    started = time.perf_counter()
    SHORTCODE.sub("", text)
    shortcode_errors(text)
    return time.perf_counter() - started


@pytest.mark.parametrize(
    "attack",
    [
        lambda n: "[[1" + " " * n + "X]]",
        lambda n: "[[" + "1 " * n + "АЕК]]",
        lambda n: "[[" * n,
        lambda n: "[[1" + "\u00a0" * n + "АЕК",
    ],
)
def test_matching_time_grows_linearly_with_the_text(attack):
    # Quadratic backtracking made 4× the text cost 16× the time; allow a wide margin for noise.
    small, large = _seconds(attack(5_000)), _seconds(attack(20_000))
    assert large < max(small * 10, 0.05), (small, large)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[[1" + " " * 3000 + "X]]", "not an amount"),
        ("[[" + "9" * 4400 + " АЕК]]", "not an amount"),
        ("[[200000 АЕК]]", "at most"),
        ("[[70 АЕКК]]", "not an amount"),
        ("[[70 АЕК", "not an amount"),
    ],
)
def test_malformed_or_huge_amounts_are_named_on_save(text, problem):
    with translation.override("en"):
        errors = shortcode_errors(f"<p>Ақы {text} құрайды.</p>")
    assert len(errors) == 1 and problem in errors[0]


def test_well_formed_amounts_pass_the_check():
    assert shortcode_errors("<p>[[70 АЕК]], [[1 625 АЕК-тен]], [[АЕК]] және [[70 МРП]]</p>") == []
    assert all(shortcode_errors(e.answer_kk) == [] for e in Entry.objects.all())


def test_the_entry_page_shows_a_huge_number_as_text_not_an_error(client):
    entry = Entry.objects.get(number=9)
    Entry.objects.filter(pk=entry.pk).update(answer_kk="<p>[[" + "9" * 4400 + " АЕК]]</p>")  # bypasses the check
    response = client.get(f"/kk/faq/{entry.slug}/")
    assert response.status_code == 200 and b"9999999999" in response.content


def test_the_admin_refuses_a_malformed_amount_and_keeps_the_text(content_editor_client):
    entry = Entry.objects.get(number=9)
    url = reverse("admin:faq_entry_change", args=[entry.pk])
    data = form_data(content_editor_client.get(url))
    data["answer_kk"] = "<p>Төлем [[1" + " " * 3000 + "X]] теңге.</p>"
    response = content_editor_client.post(url, data)
    assert response.status_code == 200  # the form again, with the message
    assert "[[70 АЕК]]" in response.context["adminform"].form.errors["answer_kk"][0]
    assert "Төлем [[1" in response.content.decode()  # the editor's text is still in the form
    entry.refresh_from_db()
    assert "X]]" not in entry.answer_kk


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_an_answer_longer_than_a_page_can_hold_is_refused_on_save(language):
    entry = Entry.objects.get(number=11)
    setattr(entry, f"answer_{language}", "<p>" + "сөз " * (ANSWER_MAX_LENGTH // 4) + "</p>")
    with pytest.raises(ValidationError) as refused:
        entry.full_clean()
    assert list(refused.value.message_dict) == [f"answer_{language}"]
    setattr(entry, f"answer_{language}", "<p>" + "сөз " * (ANSWER_MAX_LENGTH // 5) + "</p>")
    entry.full_clean()  # just under the cap: accepted


def test_more_amounts_than_an_answer_may_hold_are_refused_in_one_message():
    with translation.override("en"):
        assert shortcode_errors("[[70 АЕК]] " * MAX_AMOUNTS) == []
        errors = shortcode_errors("[[70 АЕК]] " * (MAX_AMOUNTS + 1))
    assert len(errors) == 1 and "at most 100" in errors[0]
