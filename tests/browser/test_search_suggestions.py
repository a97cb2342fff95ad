"""Typing suggestions under the search box: the WAI-ARIA combobox pattern by keyboard, and axe."""

import re

from axe_playwright_python.sync_playwright import Axe

from .test_accessibility import AXE_OPTIONS, describe


def test_suggestions_by_keyboard_and_axe(page):
    page.goto(page.base + "/kk/")
    box = page.get_by_role("combobox").first
    assert box.get_attribute("aria-expanded") == "false"
    box.press_sequentially("павл", delay=30)
    listbox = page.get_by_role("listbox").first
    listbox.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    options = listbox.get_by_role("option")
    assert 1 <= options.count() <= 6 and options.first.inner_text() == "Павлодар облысы"
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == options.first.get_attribute("id")
    assert options.first.get_attribute("aria-selected") == "true"
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false" and listbox.is_hidden()
    box.press("Backspace")  # typing again opens the list again
    page.get_by_role("listbox").first.wait_for()
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/kk/clinics/pavlodar/$"))
    assert page.errors == []


def test_enter_without_a_chosen_suggestion_searches(page):
    page.goto(page.base + "/ru/")
    box = page.get_by_role("combobox").first
    box.press_sequentially("квот", delay=30)
    page.get_by_role("listbox").first.wait_for()
    box.press("Enter")
    page.wait_for_url(re.compile(r"/ru/search/\?q="))
