"""Safe publishing, as a content editor (not a superuser) in a real browser: a draft entry previewed then
published; a 2027 quota year entered in November that changes no public page until it is complete and in
force; a re-save that changes nothing records no history; a spreadsheet exported and imported again shows
no changes."""

import datetime
import importlib

import pytest
import time_machine
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect

from clinics.models import Clinic, QuotaYear, Region
from faq.models import Entry, Topic

from .test_accessibility import AXE_OPTIONS, describe

ADMIN = "/" + settings.ADMIN_PATH
PASSWORD = "a-long-test-password"
NOVEMBER = datetime.datetime(2026, 11, 15, 6, 0, tzinfo=datetime.UTC)
NEW_YEAR = datetime.datetime(2027, 1, 2, 6, 0, tzinfo=datetime.UTC)


@pytest.fixture
def content_editor(site, django_user_model):
    user = django_user_model.objects.create_user("aigerim", "aigerim@example.org", PASSWORD, is_staff=True)
    # The group comes from a migration; live-server tests empty every table after each test, so it is made again.
    group_migration = importlib.import_module("editing.migrations.0002_content_editors_group")
    group, _created = Group.objects.get_or_create(name=group_migration.GROUP)
    group.permissions.set(
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in group_migration.codenames()
    )
    user.groups.add(group)
    return user


def sign_in(page, user):
    page.goto(page.base + ADMIN)
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit], button[type=submit]").first.click()
    page.wait_for_url(page.base + ADMIN)


def save(page, button="_continue"):
    with page.expect_navigation():
        page.locator(f"input[name={button}]").click()
    assert page.locator(".errornote, .errorlist").count() == 0, page.locator("#content").inner_text()


def no_axe_violations(page):
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)


def test_a_draft_entry_is_previewed_then_published(page, browser, content_editor):
    sign_in(page, content_editor)
    page.goto(page.base + f"{ADMIN}faq/entry/add/")
    expect(page.locator("#id_published")).not_to_be_checked()  # a new entry starts as a draft
    page.fill("#id_number", "90")
    page.fill("#id_slug", "jana-suraq")
    page.select_option("#id_topic", str(Topic.objects.first().pk))
    page.fill("#id_question_kk", "Жаңа сұрақ қалай жарияланады?")
    answer = page.locator(".prose-editor", has=page.locator("#id_answer_kk")).locator("[contenteditable=true]")
    answer.click()
    page.keyboard.type("Алдымен жоба ретінде тексеріледі.")
    save(page)
    entry = Entry.objects.get(slug="jana-suraq")
    assert not entry.published

    reader = browser.new_context()
    try:
        assert reader.new_page().goto(page.base + "/kk/faq/jana-suraq/").status == 404
        # The editor previews it on the site ("View on site"), marked as a preview and never cached.
        change_url = page.url
        page.locator("a.viewsitelink").click()
        page.wait_for_url("**/kk/faq/jana-suraq/")
        expect(page.locator(".notice")).to_contain_text("алдын ала қарауды тек қызметкерлер")
        no_axe_violations(page)
        response = page.request.get(page.base + "/kk/faq/jana-suraq/")
        assert "no-store" in response.headers["cache-control"] and "private" in response.headers["cache-control"]

        page.goto(change_url)
        page.locator("#id_published").check()
        save(page)
        public = reader.new_page()
        assert public.goto(page.base + "/kk/faq/jana-suraq/").status == 200
        assert public.locator(".notice").count() == 0
        assert "Алдымен жоба ретінде тексеріледі." in public.locator(".answer").inner_text()
    finally:
        reader.close()


def test_a_2027_quota_year_entered_in_november_waits_until_complete_and_in_force(page, browser, content_editor):
    sign_in(page, content_editor)
    reader = browser.new_context()
    public = reader.new_page()
    try:
        with time_machine.travel(NOVEMBER, tick=True):
            page.goto(page.base + f"{ADMIN}clinics/quotayear/add/")
            expect(page.locator("#id_published")).not_to_be_checked()
            page.fill("#id_year", "2027")
            page.locator("#id_published").check()
            page.fill("#id_legal_order_kk", "2027 жылғы өңірлік квота туралы бұйрық")
            page.select_option("#id_quotas-0-region", str(Region.objects.get(slug="abai").pk))
            page.fill("#id_quotas-0-count", "1000")
            save(page)
            quota_year = QuotaYear.objects.get(year=2027)
            assert quota_year.shown_from == datetime.date(2027, 1, 1)

            for path in ("/kk/", "/ru/quota/", "/kk/quota/"):
                public.goto(page.base + path)
                assert "2027" not in public.locator("main").inner_text(), path
            assert "2026" in public.locator("main").inner_text()
            assert public.goto(page.base + "/kk/quota/2027/").status == 404

            # The editor previews the year at its address.
            page.goto(page.base + "/kk/quota/2027/")
            expect(page.locator(".notice")).to_be_visible()
            assert "1\xa0000" in page.locator("main").inner_text()
            no_axe_violations(page)

        with time_machine.travel(NEW_YEAR, tick=True):
            # In force, but one region of twenty and not marked final: 2026 stays.
            public.goto(page.base + "/kk/quota/")
            assert "2027" not in public.locator("main").inner_text()

            sign_in(page, content_editor)  # a session lasts 10 hours: it ended on the way to January
            page.goto(page.base + f"{ADMIN}clinics/quotayear/{quota_year.pk}/change/")
            page.locator("#id_final").check()
            save(page)
            public.goto(page.base + "/kk/quota/")
            assert "2027" in public.locator("h1").inner_text()
            public.goto(page.base + "/ru/")
            assert "2027 год: 1\xa0000" in public.locator("main").inner_text()
    finally:
        reader.close()


def test_a_resave_that_changes_nothing_records_no_history(page, content_editor):
    entry = Entry.objects.get(number=3)
    # As older answers hold emphasis; the rich-text editor rewrites <i> as <em> when it loads the answer.
    Entry.objects.filter(pk=entry.pk).update(answer_kk=f"<p>Бір <i>маңызды</i> сөз.</p>{entry.answer_kk}")
    versions = entry.history.count()
    sign_in(page, content_editor)
    page.goto(page.base + f"{ADMIN}faq/entry/{entry.pk}/change/")
    expect(page.locator(".prose-editor", has=page.locator("#id_answer_kk")).locator("em")).to_have_count(1)
    save(page)
    assert entry.history.count() == versions

    page.goto(page.base + f"{ADMIN}faq/entry/{entry.pk}/history/")
    breadcrumbs = page.locator(".breadcrumbs").inner_text()
    assert "istorical" not in breadcrumbs and "Faq" not in breadcrumbs

    # A real change, with a note, is recorded and shown as words, not HTML.
    page.goto(page.base + f"{ADMIN}faq/entry/{entry.pk}/change/")
    answer = page.locator(".prose-editor", has=page.locator("#id_answer_kk")).locator("[contenteditable=true]")
    answer.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Қосымша сөйлем.")
    page.fill("#id_change_note", "Сөйлем қосылды")
    save(page)
    assert entry.history.count() == versions + 1
    page.goto(page.base + f"{ADMIN}faq/entry/{entry.pk}/history/")
    latest = page.locator("#change-history tbody tr").first
    expect(latest).to_contain_text("Сөйлем қосылды")
    expect(latest.locator("ins", has_text="Қосымша сөйлем.")).to_have_count(1)
    assert "<p>" not in latest.inner_text() and "None" not in latest.inner_text()


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_an_export_imported_again_shows_no_changes(page, content_editor, tmp_path, file_format):
    sign_in(page, content_editor)
    # A row saved in the admin with its Russian note left empty (the admin once stored that as NULL, the
    # import as "", so the round trip showed the row as changed).
    row = Clinic.objects.filter(note_ru="").first()
    page.goto(page.base + f"{ADMIN}clinics/clinic/{row.pk}/change/")
    page.fill("#id_transport_kk", row.transport_kk + " (тексерілді)")
    save(page)
    versions = sum(row.history.count() for row in Clinic.objects.all())
    page.goto(page.base + f"{ADMIN}clinics/clinic/export/")
    page.select_option("#id_format", label=file_format)
    with page.expect_download() as download:
        page.locator("input[type=submit], button[type=submit]").last.click()
    path = tmp_path / f"clinics.{file_format}"
    download.value.save_as(path)

    page.goto(page.base + f"{ADMIN}clinics/clinic/import/")
    page.set_input_files("#id_import_file", str(path))
    page.select_option("#id_format", label=file_format)
    with page.expect_navigation():
        page.locator("input[type=submit], button[type=submit]").last.click()
    expect(page.locator(".import-no-changes")).to_be_visible()
    summary = page.locator(".import-summary")
    expect(summary.locator("li.update strong")).to_have_text("0")
    expect(summary.locator("li.skip strong")).to_have_text(str(Clinic.objects.count()))
    expect(page.locator(".import-preview tr.skip").first).to_be_hidden()  # only changes, by default
    page.locator("label[for=import-only-changes]").click()
    expect(page.locator(".import-preview tr.skip").first).to_be_visible()
    with page.expect_navigation():
        page.locator("input[name=confirm]").click()
    assert sum(row.history.count() for row in Clinic.objects.all()) == versions
