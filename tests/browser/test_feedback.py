""" "Was this page useful?" in a real browser without JavaScript, on a 360 px phone, in both languages:
No → what were you looking for → thanks; the forms and answer pages pass axe; the answer is stored
without personal data."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from feedback.models import Answer

from .conftest import LANGS
from .test_accessibility import AXE_OPTIONS, describe

WORDS = {
    "kk": {"no": "Жоқ", "yes": "Иә", "send": "Жіберу", "ask": "Сіз не іздедіңіз?", "thanks": "Рақмет"},
    "ru": {"no": "Нет", "yes": "Да", "send": "Отправить", "ask": "Что вы искали?", "thanks": "Спасибо"},
}


def assert_axe_clean(page):
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)


def assert_no_horizontal_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize("lang", LANGS)
def test_no_then_what_was_missing_on_a_phone(phone, settings, lang):
    settings.FEEDBACK_MIN_SECONDS = 0  # the reader below types faster than any person
    page, words = phone, WORDS[lang]
    path = f"/{lang}/faq/onirlik-kvota/"
    page.goto(page.base + path)
    page.goto(page.base + path)  # the second time from the page cache
    form = page.locator("form.feedback")
    assert form.locator("legend").is_visible()
    assert not page.locator("#feedback-website").is_visible()  # the honeypot is hidden from people
    assert_no_horizontal_scroll(page)

    form.get_by_role("button", name=words["no"], exact=True).click()
    assert page.locator("h1").inner_text() == words["ask"]
    assert_axe_clean(page)
    assert_no_horizontal_scroll(page)
    page.get_by_label(words["ask"], exact=False).fill("Квота — 8 701 123 45 67, aigerim@mail.kz")
    page.get_by_role("button", name=words["send"]).click()

    assert page.locator("h1").inner_text() == words["thanks"]
    assert_axe_clean(page)
    answer = Answer.objects.get()
    assert (answer.page.path, answer.language, answer.useful) == ("/faq/onirlik-kvota/", lang, False)
    assert answer.comment == "Квота — [телефон], [e-mail]"
    page.get_by_role("link", name={"kk": "Бетке оралу", "ru": "Вернуться на страницу"}[lang]).click()
    page.wait_for_url(page.base + path)


def test_yes_by_keyboard_only(page):
    page.goto(page.base + "/ru/clinics/pavlodar/")
    yes = page.locator("form.feedback").get_by_role("button", name="Да", exact=True)
    yes.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "Спасибо"
    assert Answer.objects.get().useful is True
    assert page.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_feedback_form_and_the_map_links_pass_axe(page, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(page.base + "/kk/clinics/almaty-region/")
    assert page.locator(".map-links a").count() >= 2
    assert page.locator("form.feedback").is_visible()
    assert_axe_clean(page)
