"""Issue 14 on a 360 × 740 phone: home → journey → a step's entry → the next step, by touch and by
keyboard, in both languages; axe finds nothing, nothing scrolls sideways; every entry's answer (or its
"In short" box) starts on the first screen."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.support.public_pages import ENTRY_SLUGS

from .conftest import LANGS
from .test_accessibility import AXE_OPTIONS, describe

JOURNEY = "/{lang}/journeys/moving-as-kandas/"


def check(phone):
    """The page as it stands: no axe violation and no sideways scrolling at 360 px."""
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    violations = Axe().run(phone, options=AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)


def header_height(phone):
    return phone.evaluate("document.querySelector('.site-header').getBoundingClientRect().height")


@pytest.mark.parametrize("lang", LANGS)
def test_walk_the_journey_on_a_phone(phone, lang):
    phone.goto(phone.base + f"/{lang}/")
    # The compact header: one row of name, language switch and search, then the closed menu.
    assert header_height(phone) < 120
    check(phone)
    phone.locator(".journey-lead .step-title a").first.click()
    phone.wait_for_url("**" + JOURNEY.format(lang=lang) + "#step-1")
    assert phone.locator("ol.steps > li[id]").count() == 7
    check(phone)
    # The step on the regional quota, then its first entry.
    phone.locator("#step-4 .step-entries a").first.click()
    phone.wait_for_url(f"**/{lang}/faq/onirlik-kvota/")
    box = phone.locator(".journey-box")
    assert "4" in box.inner_text() and "7" in box.inner_text()
    check(phone)
    box.locator("a[rel=next]").click()
    phone.wait_for_url("**" + JOURNEY.format(lang=lang) + "#step-5")
    assert phone.locator("#step-5").is_visible()


def tab_to(phone, selector, limit=80):
    """Press Tab until the element matching `selector` has focus; return how many presses it took."""
    for presses in range(1, limit + 1):
        phone.keyboard.press("Tab")
        if phone.evaluate(f"document.activeElement.matches({selector!r})"):
            return presses
    raise AssertionError(f"{selector} was not reached with Tab")


@pytest.mark.parametrize("lang", LANGS)
def test_walk_the_journey_with_the_keyboard_only(phone, lang):
    journey = JOURNEY.format(lang=lang)
    phone.goto(phone.base + f"/{lang}/")
    tab_to(phone, ".journey-lead h2 a")
    assert phone.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    phone.keyboard.press("Enter")
    phone.wait_for_url("**" + journey)
    tab_to(phone, "#step-4 .step-entries a")
    phone.keyboard.press("Enter")
    phone.wait_for_url(f"**/{lang}/faq/onirlik-kvota/")
    tab_to(phone, ".journey-box a[rel=next]")
    phone.keyboard.press("Enter")
    phone.wait_for_url("**" + journey + "#step-5")
    # The menu opens from the keyboard too.
    phone.goto(phone.base + f"/{lang}/")
    tab_to(phone, ".menu > summary")
    phone.keyboard.press("Enter")
    assert phone.locator(".main-nav a").first.is_visible()


@pytest.mark.parametrize("lang", LANGS)
def test_four_short_language_options_still_fit_one_header_row(phone, lang):
    """Another branch adds two script options to the switch: the row must hold four."""
    phone.goto(phone.base + f"/{lang}/faq/jsn/")
    # Up to four options (the real ones once that branch is merged, else two short script names).
    phone.evaluate(
        """() => { const ul = document.querySelector('.lang-switch ul'); const names = ['Latın', 'توتە'];
        while (ul.children.length < 4) { const li = ul.lastElementChild.cloneNode(true);
          li.firstElementChild.textContent = names.shift(); ul.appendChild(li); } }"""
    )
    tops = phone.evaluate(
        "[...document.querySelectorAll('.site-name, .lang-switch li, .search-link')]"
        ".map(e => Math.round(e.getBoundingClientRect().top))"
    )
    assert len(tops) == 6 and max(tops) - min(tops) < 20, tops
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize("lang", LANGS)
def test_every_entry_starts_its_answer_on_the_first_screen(phone, lang):
    for slug in ENTRY_SLUGS:
        phone.goto(phone.base + f"/{lang}/faq/{slug}/")
        first = phone.locator(".in-short p, .answer > *").first
        top = first.evaluate("e => e.getBoundingClientRect().top")
        assert top + 24 <= 740, (slug, top)  # at least its first line shows
