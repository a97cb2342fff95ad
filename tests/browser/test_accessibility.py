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


SCHEMES = ("light", "dark")


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_axe_finds_no_violations(page, page_type, lang, scheme):
    """Each page type, in each language and colour scheme."""
    page.emulate_media(color_scheme=scheme)
    response = page.goto(page.base + PAGE_TYPES[page_type].format(lang=lang))
    assert response.status == (404 if page_type in NOT_FOUND else 200)
    assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") == (scheme == "dark")
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)
    # No script, style or CSP error in the console (the 404 page's own status aside).
    assert [e for e in page.errors if not (page_type in NOT_FOUND and "404" in e)] == []


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize(
    "path, note, inline_notes",
    [
        ("/ru/faq/onirlik-kvota/", "Перевод этого текста готовится", 0),  # one note for the whole entry
        ("/ru/clinics/pavlodar/", "(перевод готовится)", 8),  # a note by each untranslated cell
    ],
)
def test_axe_on_pages_with_a_pending_translation(page, path, note, inline_notes, scheme):
    """An entry and a clinic row whose Russian text is still empty show the Kazakh text, marked lang="kk",
    with a note; that state passes axe too, in both schemes."""
    Entry.objects.filter(number=7).update(question_ru="", answer_ru="", source_ru="")
    Clinic.objects.filter(region__slug="pavlodar").update(address_ru="", transport_ru="")
    page.emulate_media(color_scheme=scheme)
    page.goto(page.base + path)
    assert page.locator("[lang=kk]").count() >= 1
    assert note in page.content()
    assert page.locator(".pending-inline").count() == inline_notes
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)
