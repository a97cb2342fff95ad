"""What readers and editors do, in a real browser: read, switch language, search, filter, use the
keyboard only, and edit an answer in the admin."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from clinics.models import Clinic, ExaminationType
from faq.models import Entry

ENTRY_KK = "/kk/faq/onirlik-kvota/"


def test_read_an_entry_and_switch_language_on_it(page):
    page.goto(page.base + "/kk/")
    page.locator(".menu > summary").click()  # the sections sit in the header's <details> menu
    page.get_by_role("navigation", name="Негізгі бөлімдер").get_by_role("link").first.click()
    page.get_by_role("link", name=Entry.objects.get(number=7).question_kk, exact=True).click()
    page.wait_for_url(page.base + ENTRY_KK)
    entry = Entry.objects.get(number=7)
    assert page.locator("h1").inner_text() == entry.question_kk
    assert "2281" in page.locator(".answer").inner_text()
    assert page.locator("html").get_attribute("lang") == "kk"

    switch = page.locator(".lang-switch a[hreflang=ru]")
    assert switch.get_attribute("href").startswith("/language/ru/?next=")
    switch.click()
    page.wait_for_url(page.base + "/ru/faq/onirlik-kvota/")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator("h1").inner_text() == entry.question_ru
    # The choice is remembered: the bare root now leads to Russian.
    page.goto(page.base + "/")
    page.wait_for_url(page.base + "/ru/")
    page.locator(".lang-switch a[hreflang=kk]").click()
    page.wait_for_url(page.base + "/kk/")


def test_search_and_open_a_result(page):
    page.goto(page.base + "/ru/")
    box = page.get_by_role("search").first.locator("input[name=q]")  # a combobox once suggest.js runs
    box.fill("квота")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/ru/search/\?q="))
    status = page.get_by_role("status").inner_text()
    assert "квота" in status
    results = page.locator("ol.results > li > a")
    assert results.count() >= 3
    title = results.first.inner_text()
    results.first.click()
    page.wait_for_url(re.compile(r"/ru/faq/[\w-]+/$"))
    assert page.locator("h1").inner_text() == title


def test_filter_a_regions_clinics_by_examination_type(page):
    page.goto(page.base + "/kk/clinics/pavlodar/")
    rows = page.locator("table.clinic-table tbody tr")
    every = rows.count()
    assert every == 8
    select = page.get_by_label("Тексерілу", exact=True)  # the form's label, Kazakh for "Examination"
    chosen = select.locator("option").nth(1)
    value = chosen.get_attribute("value")
    kind = ExaminationType.objects.get(slug=value)
    select.select_option(value)
    page.locator("form.filter-form button[type=submit]").click()
    page.wait_for_url(f"**/kk/clinics/pavlodar/?type={value}")
    expected = Clinic.objects.filter(region__slug="pavlodar", examination_type=kind).count()
    assert 0 < rows.count() == expected < every
    assert page.locator("select#id_type").input_value() == value
    assert kind.short_name_kk in page.locator("table.clinic-table caption").inner_text()
    for i in range(rows.count()):
        assert rows.nth(i).locator("th").inner_text().startswith(kind.name_kk)


def test_keyboard_only_skip_link_search_language_switch_and_an_entry(page):
    page.goto(page.base + "/kk/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    skip = page.locator(".skip-link")
    box = skip.bounding_box()
    assert box and box["y"] >= 0 and box["width"] > 1  # shown when focused, not clipped away
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"

    # Tabbing on reaches the language switch, then the header's search link.
    reached = []
    for _ in range(6):
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate("(e => e.getAttribute('hreflang') || e.className || e.tagName)(document.activeElement)")
        )
        if reached[-1] == "search-link":
            break
    assert "ru" in reached and reached[-1] == "search-link", reached
    assert reached.index("ru") < reached.index("search-link")

    # The skip link moves focus to the main content.
    page.goto(page.base + "/kk/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/kk/#main-content")
    page.wait_for_function("document.activeElement.id === 'main-content'")

    # Search with the keyboard, then open the first result with Tab and Enter.
    page.goto(page.base + "/kk/")
    page.keyboard.press("Tab")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "home-search-q":
            break
    page.keyboard.type("квота")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/kk/search/\?q="))
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
    assert page.locator("article.entry h1").is_visible()

    # The language switch works from the keyboard too and keeps the entry.
    page.locator(".lang-switch a[hreflang=ru]").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**" + first_result.replace("/kk/", "/ru/"))


def test_an_editor_edits_an_answer_and_sees_it_on_the_site(page, site_editor):
    admin = "/" + settings.ADMIN_PATH
    entry = Entry.objects.get(number=1)
    page.goto(page.base + f"/kk/faq/{entry.slug}/")  # the page is now in the page cache
    assert "Өзгертілген жауап" not in page.locator(".answer").inner_text()

    page.goto(page.base + admin)
    assert "/login/" in page.url
    page.fill("#id_username", site_editor[0])
    page.fill("#id_password", site_editor[1])
    page.locator("input[type=submit], button[type=submit]").first.click()
    page.wait_for_url(page.base + admin)

    page.goto(page.base + f"{admin}faq/entry/{entry.pk}/change/")
    # The answer is edited in the rich-text editor (ProseMirror), as an editor would: type at its end.
    editor = page.locator(".prose-editor", has=page.locator("#id_answer_kk")).locator("[contenteditable=true]")
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("Өзгертілген жауап: тексеру.")
    with page.expect_navigation():
        page.locator("input[name=_continue]").click()
    assert page.locator(".errornote, .errorlist").count() == 0, page.locator("#content").inner_text()
    expect(page.locator(".messagelist .success")).to_have_count(1)

    page.goto(page.base + f"/kk/faq/{entry.slug}/")
    assert "Өзгертілген жауап: тексеру." in page.locator(".answer").inner_text()
    entry.refresh_from_db()
    assert "Өзгертілген жауап" in entry.answer_kk


RING = """() => {
  const el = document.activeElement, style = getComputedStyle(el);
  let node = el.parentElement, background = 'rgba(0, 0, 0, 0)';
  while (node && /rgba\\(.*, 0\\)$|transparent/.test(background)) {
    background = getComputedStyle(node).backgroundColor; node = node.parentElement;
  }
  return {element: el.tagName + '.' + el.className, outline: style.outlineStyle, width: style.outlineWidth,
          color: style.outlineColor, background};
}"""


def _luminance(rgb):
    channels = [int(x) / 255 for x in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a, b):
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_focus_ring_is_visible_in_both_schemes(page, scheme):
    """Keyboard focus shows a ring of at least 3:1 against what surrounds it (WCAG 2.2 SC 1.4.11)."""
    page.emulate_media(color_scheme=scheme)
    page.goto(page.base + "/kk/clinics/pavlodar/")
    # Skip link, site name, language switch, search link, menu, breadcrumbs, filter: every stop until the
    # focus leaves the page after the last one.
    checked = 0
    for _ in range(20):
        page.keyboard.press("Tab")
        ring = page.evaluate(RING)
        if ring["element"] == "BODY.":
            break
        assert ring["outline"] != "none" and ring["width"] == "3px", ring
        assert _contrast(ring["color"], ring["background"]) >= 3, ring
        checked += 1
    assert checked >= 8
