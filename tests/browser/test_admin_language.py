"""The admin in Kazakh and in Russian from top to bottom, as a content editor sees it in chromium: no
Latin-script interface word on the entry form (rich-text editor, its menus and table dialog included),
the clinic form and the import pages; the language switch in the header."""

import importlib
import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission

from clinics.resources import ClinicResource, QuotaResource
from faq.models import Entry
from tests.test_i18n import content_strings

from .conftest import LANGS

ADMIN = "/" + settings.ADMIN_PATH
PASSWORD = "a-long-test-password"

# Every text a reader or a screen reader meets: text nodes and labelling attributes, shown or hidden (a
# hidden toolbar button appears once the cursor is in a table). Left out: what the editor is editing
# (textareas, the editor's content), icon ligature names (material-icons: a font's glyph names, never
# shown as words) and form values other than buttons'.
UI_TEXT = """() => {
  const out = [];
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.data.trim();
      if (text && !node.parentElement.closest('.material-icons')) out.push(text);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    if (['SCRIPT', 'STYLE', 'TEXTAREA', 'svg'].includes(node.tagName) || node.isContentEditable) return;
    for (const name of ['title', 'aria-label', 'placeholder', 'alt']) {
      if (node.getAttribute(name)) out.push(node.getAttribute(name));
    }
    if (node.tagName === 'INPUT' && ['submit', 'button'].includes(node.type) && node.value) out.push(node.value);
    node.childNodes.forEach(walk);
  };
  walk(document.body);
  return out;
}"""
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


def allowed_latin():
    """Latin words that are not interface text, each named: file formats, and the spreadsheet columns
    (the import page lists the names a file's header must use; issue 17 item 3 gives them each language)."""
    formats = {"csv", "xlsx", "CSV", "XLSX"}
    columns = {
        word
        for resource in (ClinicResource, QuotaResource)
        for field in resource().get_import_fields()
        for word in LATIN_WORD.findall(field.column_name)
    }
    return formats | columns | {"aigerim"}  # the editor's own user name, in the header


def content_editor(django_user_model):
    """A member of "Content editors" with the group's permissions (the live server's flush drops groups)."""
    migration = importlib.import_module("editing.migrations.0002_content_editors_group")
    group, _created = Group.objects.get_or_create(name=migration.GROUP)
    codenames = [*migration.codenames(), ("clinics", "view_clinictocheck")]
    group.permissions.set(
        [Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in codenames]
    )
    user = django_user_model.objects.create_user("aigerim", "aigerim@example.org", PASSWORD, is_staff=True)
    user.groups.add(group)
    return user


def sign_in(page, language):
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": page.base}])
    page.goto(page.base + ADMIN)
    page.fill("#id_username", "aigerim")
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit], button[type=submit]").first.click()
    page.wait_for_url(page.base + ADMIN)


def latin_words(page, contents):
    text = " | ".join(page.evaluate(UI_TEXT))
    for value in contents:  # what editors wrote (titles in breadcrumbs, options), not interface text
        text = text.replace(value, " ")
    return sorted(set(LATIN_WORD.findall(text)) - allowed_latin())


@pytest.fixture
def editor_page(page, django_user_model):
    content_editor(django_user_model)
    page.failed = []  # addresses answered with an error (the browser's own favicon.ico guess aside)
    page.on("response", lambda r: r.status >= 400 and not r.url.endswith("/favicon.ico") and page.failed.append(r.url))
    return page


@pytest.mark.parametrize("language", LANGS)
def test_entry_form_and_its_rich_text_editor_have_no_latin_interface_words(editor_page, language):
    page = editor_page
    sign_in(page, language)
    entry = Entry.objects.get(number=1)
    page.goto(page.base + f"{ADMIN}faq/entry/{entry.pk}/change/")
    toolbar = page.locator(".prose-menubar").first
    toolbar.wait_for()
    contents = content_strings()
    assert latin_words(page, contents) == []
    # The menu's arrow is drawn in CSS: the editor's own "⏷" is missing from the admin's fonts (a box).
    arrow = toolbar.locator(".prose-menubar__selected").evaluate("e => getComputedStyle(e, '::after').content")
    assert arrow == '""'
    # The block-type menu and the table dialog, opened.
    toolbar.locator(".prose-menubar__selected").click()
    assert latin_words(page, contents) == []
    page.keyboard.press("Escape")
    toolbar.locator("[data-name=table]").click()
    dialog = page.locator("dialog[open]")
    dialog.wait_for()
    assert latin_words(page, contents) == []
    # The translated Yes/No still insert the table the editor asked for (the editor reads the option's value).
    dialog.locator("select").select_option(index=0)  # Иә / Да
    dialog.locator("button[type=submit]").click()
    assert page.locator(".prose-editor [contenteditable] table th").count() == 3
    assert latin_words(page, contents) == []
    assert [e for e in page.errors if not e.startswith("Failed to load resource")] == []
    assert page.failed == []


@pytest.mark.parametrize("language", LANGS)
@pytest.mark.parametrize("path", ["clinics/clinic/add/", "clinics/clinic/import/", "clinics/quota/import/"])
def test_clinic_form_and_import_pages_have_no_latin_interface_words(editor_page, language, path):
    page = editor_page
    sign_in(page, language)
    response = page.goto(page.base + ADMIN + path)
    assert response.status == 200
    assert latin_words(page, content_strings()) == []


def test_the_admin_header_switches_the_language_and_stays_on_the_page(editor_page):
    page = editor_page
    sign_in(page, "kk")
    page.goto(page.base + f"{ADMIN}faq/entry/")
    assert page.locator("html").get_attribute("lang") == "kk"
    assert page.locator("#site-name").inner_text() == "«Отандастар қоры» КеАҚ"
    page.locator("#user-tools a[hreflang=ru]").click()
    page.wait_for_url(page.base + f"{ADMIN}faq/entry/")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator("#site-name").inner_text() == "НАО «Отандастар қоры»"
    assert page.title().endswith("НАО «Отандастар қоры»")
    page.locator("#user-tools a[hreflang=kk]").click()
    page.wait_for_url(page.base + f"{ADMIN}faq/entry/")
    assert page.locator("html").get_attribute("lang") == "kk"


@pytest.mark.parametrize("language", LANGS)
def test_start_page_and_guide_pass_axe(editor_page, language):
    from axe_playwright_python.sync_playwright import Axe

    from .test_accessibility import AXE_OPTIONS, describe

    page = editor_page
    sign_in(page, language)
    for path in ("", "help/"):
        page.goto(page.base + ADMIN + path)
        # Our parts of the page: the header (guide, language switch), the start page's list, the guide.
        for selector in ("#header", ".attention" if not path else ".editors-guide"):
            result = Axe().run(page, context=selector, options=AXE_OPTIONS).response
            assert not result["violations"], (path, selector, describe(result["violations"]))
