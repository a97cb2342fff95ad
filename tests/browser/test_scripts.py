"""The Arabic-script and Latin pages in a real browser: every page type fits a 360 px phone and passes
axe; the Arabic script reads right to left with the chart mirrored, the map not, and numbers intact;
a keyboard-only reader switches script, searches in Arabic script and opens a result."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from .pages import NOT_FOUND, PAGE_TYPES
from .test_accessibility import AXE_OPTIONS, describe
from .test_phone import WIDEST

SCRIPTS = ("kk-arab", "kk-latn")


@pytest.mark.parametrize("page_type", PAGE_TYPES)
@pytest.mark.parametrize("lang", SCRIPTS)
def test_no_horizontal_scrolling_at_360_px_and_axe_finds_no_violations(phone, lang, page_type):
    path = PAGE_TYPES[page_type].format(lang=lang)
    response = phone.goto(phone.base + path)
    assert response.status == (404 if page_type in NOT_FOUND else 200), path
    assert phone.evaluate("document.documentElement.dir") == ("rtl" if lang == "kk-arab" else "")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, (width, phone.evaluate(WIDEST))
    violations = Axe().run(phone, options=AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)


@pytest.mark.parametrize("scheme", ("light", "dark"))
def test_axe_on_the_arabic_quota_page_in_both_schemes(page, scheme):
    page.emulate_media(color_scheme=scheme)
    assert page.goto(page.base + "/kk-arab/quota/").status == 200
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)


def box(page, selector, index=0):
    return page.locator(selector).nth(index).bounding_box()


def test_right_to_left_layout_of_the_quota_page(page):
    page.goto(page.base + "/kk-arab/quota/")
    # Text and table columns run from the right: the region column is right of the numbers.
    assert box(page, ".quota-table tbody th")["x"] > box(page, ".quota-table tbody td")["x"]
    assert page.evaluate("getComputedStyle(document.querySelector('.quota-table td.num')).textAlign") == "end"
    # Bars: label at the right, the bar growing leftwards from it, the number at the left end.
    label, track, value = (box(page, f".bars li:first-child {s}") for s in (".bar-label", ".bar-track", ".bar-value"))
    assert label["x"] > track["x"] > value["x"]
    bar = box(page, ".bars li:first-child .bar")
    assert abs((bar["x"] + bar["width"]) - (track["x"] + track["width"])) < 1  # anchored at the right
    # The map is a map: the westernmost column stays on the left.
    west, east = box(page, ".tiles .c1"), box(page, ".tiles .c6")
    assert west["x"] < east["x"]
    page.goto(page.base + "/kk/quota/")
    assert box(page, ".tiles .c1")["x"] < box(page, ".tiles .c6")["x"]


def test_numbers_and_phone_numbers_keep_their_order_in_right_to_left_text(page):
    page.goto(page.base + "/kk-arab/clinics/karaganda/")
    link = page.locator('a[href^="tel:"]').first
    text = link.inner_text().strip("\u2066\u2069")
    digits = re.findall(r"\d+", text)
    assert len(digits) >= 3
    # Each group of digits is laid out left of the next one, as written.
    lefts = link.evaluate(
        """(a, groups) => {
          const node = [...a.childNodes].find(n => n.nodeType === Node.TEXT_NODE) || a.firstChild;
          const text = node.textContent; let from = 0;
          return groups.map(g => { const i = text.indexOf(g, from); from = i + g.length;
            const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + g.length);
            return r.getBoundingClientRect().left; });
        }""",
        digits,
    )
    assert lefts == sorted(lefts), (text, lefts)


def test_keyboard_only_switch_to_arabic_search_in_arabic_and_open_a_result(page):
    page.goto(page.base + "/kk/faq/jsn/")
    page.keyboard.press("Tab")
    for _ in range(8):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('hreflang')") == "kk-Arab":
            break
    else:
        raise AssertionError("the Arabic-script link of the switch was not reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/kk-arab/faq/jsn/")
    assert page.evaluate("document.documentElement.lang") == "kk-Arab"
    # The choice is remembered: the site's root now opens in Arabic script.
    page.goto(page.base + "/")
    page.wait_for_url("**/kk-arab/")

    # The home page's one search box (the header has a search link).
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "q":
            break
    else:
        raise AssertionError("the search box was not reached with Tab")
    page.keyboard.type("كۆوتا")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/kk-arab/search/\?q="))
    first_result = page.locator("ol.results > li > a").first.get_attribute("href")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == first_result:
            break
    else:
        raise AssertionError("the first result was not reached with Tab")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    page.wait_for_url("**" + first_result)
    assert first_result.startswith("/kk-arab/faq/")
    assert page.locator("article.entry h1").is_visible()


def test_a_chinese_phone_is_offered_the_arabic_script(browser, site):
    context = browser.new_context(locale="zh-CN", viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(site + "/")
    assert page.url.endswith("/kk/?offer=arab")
    page.locator(".script-offer a").click()
    page.wait_for_url("**/kk-arab/")
    context.close()
