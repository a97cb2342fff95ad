"""Editor flows on entries, as a member of "Content editors" (not a superuser), through the admin."""

import json
import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from faq.models import Entry, Mci, Topic
from search.models import SearchDocument
from tests.support.admin import form_data, login

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


def change_url(entry):
    return reverse("admin:faq_entry_change", args=[entry.pk])


def test_editor_logs_in_edits_an_answer_sees_it_and_reverts_it_from_history(client, content_editor):
    assert not content_editor.is_superuser
    assert login(client, "aigerim", PASSWORD).status_code == 302
    entry = Entry.objects.get(number=3)
    original = entry.answer_kk
    data = form_data(client.get(change_url(entry)))
    data["answer_kk"] = "<p>Орталыққа жаңа мекенжай бойынша жүгініңіз.</p>"
    assert client.post(change_url(entry), data).status_code == 302
    assert "Орталыққа жаңа мекенжай бойынша жүгініңіз." in client.get(f"/kk/faq/{entry.slug}/").content.decode()

    history = client.get(reverse("admin:faq_entry_history", args=[entry.pk]))
    assert history.status_code == 200
    before = entry.history.order_by("history_date")[0]  # the version the seed loader created
    revert_url = reverse("admin:faq_entry_simple_history", args=[entry.pk, before.history_id])
    assert revert_url in history.content.decode()
    response = client.post(revert_url, form_data(client.get(revert_url)))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.answer_kk == original
    assert "Орталыққа жаңа мекенжай" not in client.get(f"/kk/faq/{entry.slug}/").content.decode()
    assert entry.history.first().history_user == content_editor


def test_history_tables_keep_both_languages():
    entry = Entry.objects.get(number=5)
    record = entry.history.first()
    assert record.question_kk == entry.question_kk and record.question_ru == entry.question_ru
    assert record.answer_ru == entry.answer_ru


def test_hostile_html_is_stripped_on_save(content_editor_client):
    entry = Entry.objects.get(number=4)
    data = form_data(content_editor_client.get(change_url(entry)))
    data["answer_ru"] = (
        '<p onclick="steal()" style="color:red">Текст <a href="javascript:alert(1)">ссылка</a>'
        '<a href="https://egov.kz">eGov</a></p><script>alert(1)</script><img src=x onerror=alert(1)>'
    )
    assert content_editor_client.post(change_url(entry), data).status_code == 302
    entry.refresh_from_db()
    stored = entry.answer_ru
    for bad in ("<script", "alert(1)", "onclick", "style=", "javascript:", "<img", "onerror"):
        assert bad not in stored
    assert '<a href="https://egov.kz" rel="noopener noreferrer">eGov</a>' in stored
    assert "Текст" in stored


def test_saving_over_another_editors_change_warns_instead(content_editor_client):
    entry = Entry.objects.get(number=6)
    data = form_data(content_editor_client.get(change_url(entry)))
    # Meanwhile another editor saves the entry.
    other = Entry.objects.get(pk=entry.pk)
    other.answer_kk = "<p>Басқа редактордың мәтіні.</p>"
    other.save()
    data["answer_kk"] = "<p>Менің мәтінім.</p>"
    response = content_editor_client.post(change_url(entry), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.non_field_errors().as_data()
    assert [e.code for e in errors] == ["changed_meanwhile"]
    entry.refresh_from_db()
    assert entry.answer_kk == "<p>Басқа редактордың мәтіні.</p>"
    # Saving again from the warning is a deliberate overwrite.
    data["seen_updated"] = response.context["adminform"].form["seen_updated"].value()
    assert content_editor_client.post(change_url(entry), data).status_code == 302
    entry.refresh_from_db()
    assert entry.answer_kk == "<p>Менің мәтінім.</p>"


def test_published_slug_cannot_change_but_a_draft_slug_can(content_editor_client):
    entry = Entry.objects.get(number=7)
    data = form_data(content_editor_client.get(change_url(entry)))
    data["slug"] = "jana-slug"
    response = content_editor_client.post(change_url(entry), data)
    assert response.status_code == 200
    assert [e.code for e in response.context["adminform"].form.errors.as_data()["slug"]] == ["slug_published"]
    Entry.objects.filter(pk=entry.pk).update(published=False)
    data = form_data(content_editor_client.get(change_url(entry)))
    data["slug"] = "jana-slug"
    assert content_editor_client.post(change_url(entry), data).status_code == 302
    assert Entry.objects.get(pk=entry.pk).slug == "jana-slug"


def test_kazakh_question_and_answer_are_required_and_errors_speak_the_editors_language(content_editor_client):
    entry = Entry.objects.get(number=8)
    data = form_data(content_editor_client.get(change_url(entry)))
    data.update(question_kk="", answer_kk="")
    response = content_editor_client.post(change_url(entry), data, HTTP_ACCEPT_LANGUAGE="ru")
    errors = response.context["adminform"].form.errors
    assert set(errors) >= {"question_kk", "answer_kk"}
    assert "Обязательное поле." in response.content.decode()


def test_bulk_unpublish_and_publish_refresh_pages_and_search(content_editor_client):
    client = Client()  # a visitor: staff would see the unpublished preview
    entries = list(Entry.objects.filter(number__in=[10, 12]))
    slug = entries[0].slug
    assert client.get(f"/kk/faq/{slug}/").status_code == 200  # now in the page cache
    changelist = reverse("admin:faq_entry_changelist")
    response = content_editor_client.post(
        changelist, {"action": "unpublish", "_selected_action": [e.pk for e in entries]}
    )
    assert response.status_code == 302
    assert not Entry.objects.filter(number__in=[10, 12], published=True).exists()
    assert client.get(f"/kk/faq/{slug}/").status_code == 404  # the cached page is not served
    assert not SearchDocument.objects.filter(kind="entry", object_id__in=[e.pk for e in entries]).exists()
    assert entries[0].history.first().published is False
    content_editor_client.post(changelist, {"action": "publish", "_selected_action": [e.pk for e in entries]})
    assert client.get(f"/kk/faq/{slug}/").status_code == 200
    assert SearchDocument.objects.filter(kind="entry", object_id=entries[0].pk).exists()


def test_not_reviewed_for_12_months_filter(content_editor_client):
    today = timezone.localdate()
    Entry.objects.update(last_reviewed=today)
    Entry.objects.filter(number=2).update(last_reviewed=today.replace(year=today.year - 2))
    Entry.objects.filter(number=3).update(last_reviewed=None)
    response = content_editor_client.get(reverse("admin:faq_entry_changelist"), {"review": "stale"})
    assert sorted(e.number for e in response.context["cl"].result_list) == [2, 3]


def test_entry_list_orders_by_number_and_shows_what_editors_need(content_editor_client):
    cl = content_editor_client.get(reverse("admin:faq_entry_changelist")).context["cl"]
    assert [e.number for e in cl.result_list] == sorted(e.number for e in cl.result_list)
    assert {"number", "topic", "published", "last_reviewed", "has_russian"} <= set(cl.list_display)


def test_deleting_a_topic_in_use_is_refused_with_a_clear_message(content_editor_client):
    topic = Topic.objects.filter(entries__isnull=False).first()
    response = content_editor_client.post(reverse("admin:faq_topic_delete", args=[topic.pk]), {"post": "yes"})
    assert Topic.objects.filter(pk=topic.pk).exists()
    assert response.context["protected"]
    messages = [str(m) for m in response.context["messages"]]
    assert any(str(topic.entries.count()) in m for m in messages), messages


def amount(count, value, language, year=2026):
    """How a page writes an MCI amount: kk/ru group thousands with a non-breaking space."""
    unit, tenge = {"kk": ("АЕК", "теңге"), "ru": ("МРП", "тенге")}[language]
    in_year = {"kk": f"{year} жылы", "ru": f"в {year} году"}[language]

    def group(n):
        return f"{n:,}".replace(",", "\xa0")

    return f"{group(count)} {unit} ({in_year} – {group(count * value)} {tenge})"


def test_amounts_in_mci_show_the_tenge_figure_of_the_current_year(client):
    value = Mci.objects.get(year=2026).value
    kk = client.get("/kk/faq/kvota-tolemaqylary/").content.decode()
    ru = client.get("/ru/faq/kvota-tolemaqylary/").content.decode()
    assert amount(70, value, "kk") in kk and amount(70, value, "ru") in ru
    assert "[[" not in kk and "[[" not in ru
    assert "2026 жылға бір АЕК 4\xa0325 теңгені құрайды" in kk
    assert "На 2026 год один МРП составляет 4\xa0325 тенге" in ru


def test_converted_seed_amounts_keep_the_figures_the_source_states_for_2026(client):
    # The tenge figures below are the ones the reference document states for 2026.
    assert (
        "1\xa0625 АЕК-тен (2026 жылы – 7\xa0028\xa0125 теңге)"
        in client.get("/kk/faq/ekonomikalyq-utqyrlyq-sertifikaty/").content.decode()
    )
    assert (
        "1\xa0625 МРП (в 2026 году – 7\xa0028\xa0125 тенге)"
        in client.get("/ru/faq/ekonomikalyq-utqyrlyq-sertifikaty/").content.decode()
    )
    assert (
        "400 АЕК-ті (2026 жылы – 1\xa0730\xa0000 теңге)"
        in client.get("/kk/faq/qaitarymsyz-biznes-granttar/").content.decode()
    )
    assert (
        "400 МРП (в 2026 году – 1\xa0730\xa0000 тенге)"
        in client.get("/ru/faq/qaitarymsyz-biznes-granttar/").content.decode()
    )


def test_editor_changes_the_years_mci_and_every_page_follows(content_editor_client):
    visitor = Client()
    mci = Mci.objects.get(year=2026)
    assert amount(70, mci.value, "kk") in visitor.get("/kk/faq/kvota-tolemaqylary/").content.decode()  # cached now
    new_value = mci.value + 100
    url = reverse("admin:faq_mci_change", args=[mci.pk])
    assert content_editor_client.post(url, {"year": mci.year, "value": new_value}).status_code == 302
    html = visitor.get("/kk/faq/kvota-tolemaqylary/").content.decode()
    assert amount(70, new_value, "kk") in html and amount(70, mci.value, "kk") not in html


def test_the_current_years_value_applies_from_its_first_day():
    from faq.selectors import current_mci

    Mci.objects.create(year=2027, value=5000)
    assert current_mci(2026).year == 2026
    assert current_mci(2027).value == 5000
    assert current_mci(2030).year == 2027
    assert current_mci(2020).year == 2026  # before any value: the earliest one known


@pytest.mark.parametrize("view", ["change", "add", "history"])
def test_admin_entry_pages_load_no_inline_script(content_editor_client, view):
    entry = Entry.objects.get(number=9)
    url = reverse(f"admin:faq_entry_{view}", args=[] if view == "add" else [entry.pk])
    html = content_editor_client.get(url).content.decode()
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts
    inline = [s for s in scripts if "src=" not in s and 'type="application/json"' not in s]
    assert not inline


def test_the_entry_form_loads_the_editor_from_static_files(content_editor_client):
    html = content_editor_client.get(change_url(Entry.objects.get(number=9))).content.decode()
    assert 'src="/static/editing/admin/prose-editor.js" type="module"' in html
    assert html.count("data-otandastar-prose-editor") == 2


def test_prose_editor_module_imports_only_local_files():
    from pathlib import Path

    from django.conf import settings

    source = (Path(settings.BASE_DIR) / "static/editing/admin/prose-editor.js").read_text()
    assert re.findall(r'from\s+"([^"]+)"', source) == ["../../django_prose_editor/editor.js"]


def test_content_editors_group_has_exactly_the_content_permissions():
    group = Group.objects.get(name="Content editors")
    perms = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}
    apps = {p.split(".")[0] for p in perms}
    assert apps == {"faq", "clinics", "search", "journeys", "contacts", "feedback"}
    # Visitor searches read-only; synonym groups managed (search migration 0003).
    assert {p for p in perms if p.startswith("search.")} == {"search.view_searchquery"} | {
        f"search.{action}_synonymgroup" for action in ("view", "add", "change", "delete")
    }
    # The foundation's contacts: view and change (one record, nothing to add or delete); readers' answers: read only.
    assert {p for p in perms if p.startswith(("contacts.", "feedback."))} == {
        "contacts.view_foundationcontacts",
        "contacts.change_foundationcontacts",
        "contacts.view_historicalfoundationcontacts",
        "feedback.view_page",
        "feedback.view_answer",
    }
    for model in (
        "faq.entry",
        "faq.topic",
        "faq.mci",
        "clinics.region",
        "clinics.examinationtype",
        "clinics.clinic",
        "clinics.quotayear",
        "clinics.quota",
        "journeys.journey",
        "journeys.step",
    ):
        app, name = model.split(".")
        assert {f"{app}.{action}_{name}" for action in ("view", "add", "change", "delete")} <= perms
    assert not any("seedrecord" in p or "searchdocument" in p for p in perms)


def test_content_editor_cannot_reach_user_management(content_editor_client):
    for name in ("admin:auth_user_changelist", "admin:auth_group_changelist", "admin:auth_user_add"):
        assert content_editor_client.get(reverse(name)).status_code == 403
    index = content_editor_client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:auth_user_changelist") not in index


def test_repeated_failed_logins_lock_the_account_out(client, content_editor, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        assert login(client, "aigerim", "wrong-password").status_code in (200, 429)
    response = login(client, "aigerim", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("language, text", [("kk", "Кесте кірістіру"), ("ru", "Вставить таблицу")])
def test_editor_dialogs_are_translated_through_the_admin_js_catalog(content_editor_client, language, text):
    html = content_editor_client.get(
        change_url(Entry.objects.get(number=1)), HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()
    catalog = html.index(f'src="{reverse("admin:jsi18n")}"')
    assert catalog < html.index("editing/admin/prose-editor.js")  # window.gettext exists when the editor loads
    catalog_js = content_editor_client.get(reverse("admin:jsi18n"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert json.dumps(text)[1:-1] in catalog_js  # the catalog escapes non-ASCII
