"""axe-core (WCAG 2.2 AA rule sets) finds no violation on any page type, in both languages and in the
light and dark colour schemes."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from clinics.models import Clinic
from faq.models import Entry

from .conftest import LANGS
from .pages import NOT_FOUND, PAGE_TYPES

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            summary = node.get("failureSummary", "").splitlines()[-1:]
            lines.append(f"    {' '.join(map(str, node['target']))}: {summary}")
    return "\n".join(lines)


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_axe_finds_no_violations(page, page_type):
    """Per page type: both languages, each in the light and the dark scheme (4 runs of axe)."""
    found = {}
    for lang in LANGS:
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            response = page.goto(page.base + PAGE_TYPES[page_type].format(lang=lang))
            assert response.status == (404 if page_type in NOT_FOUND else 200)
            assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") == (scheme == "dark")
            violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
            if violations:
                found[f"{lang} {scheme}"] = describe(violations)
    assert not found, "\n".join(f"{key}:\n{text}" for key, text in found.items())
    # No script, style or CSP error in the console (the 404 page's own status aside).
    assert [e for e in page.errors if not (page_type in NOT_FOUND and "404" in e)] == []


def test_axe_on_pages_with_a_pending_translation(page):
    """An entry and a clinic row whose Russian text is still empty show the Kazakh text, marked lang="kk",
    with a note; that state passes axe too, in both schemes."""
    Entry.objects.filter(number=7).update(question_ru="", answer_ru="", source_ru="")
    Clinic.objects.filter(region__slug="pavlodar").update(address_ru="", transport_ru="")
    found = {}
    for path in ("/ru/faq/onirlik-kvota/", "/ru/clinics/pavlodar/"):
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            page.goto(page.base + path)
            assert page.locator("[lang=kk]").count() >= 1
            violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
            if violations:
                found[f"{path} {scheme}"] = describe(violations)
    assert page.locator(".pending-inline").count() == 8
    assert not found, "\n".join(f"{key}:\n{text}" for key, text in found.items())
