"""Admin: every model is editable, nothing is loaded from another host, and an editor's change shows on the site."""

import re

import pytest
from django.apps import apps
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from clinics.models import Clinic, Region
from faq.models import Entry

pytestmark = pytest.mark.django_db

EXTERNAL = re.compile(r"""(?:src|href)=["'](?:https?:)?//""")
# The admin's CSP allows no inline script: every <script> must load a file (JSON data blocks are not run).
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>")


# (model label, admin view) for every registered model: listed at collection time, resolved in the test.
ADMIN_VIEWS = [
    (f"{model._meta.app_label}.{model._meta.model_name}", view)
    for model in admin.site._registry
    for view in ("changelist", "add", "change")
]


def test_every_content_model_is_in_the_admin():
    content = {"faq.entry", "faq.topic", "faq.mci", "search.searchquery"} | {
        f"clinics.{name}" for name in ("region", "examinationtype", "clinic", "quotayear", "quota")
    }
    assert content <= {label for label, _view in ADMIN_VIEWS}


def _assert_admin_page_is_clean(editor_client, url):
    response = editor_client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    assert not EXTERNAL.search(html), (url, EXTERNAL.search(html).group(0))
    assert "googleapis" not in html, url  # modeltranslation's default jQuery UI host
    assert not INLINE_SCRIPT.search(html), (url, INLINE_SCRIPT.search(html).group(0))


@pytest.mark.parametrize("label, view", ADMIN_VIEWS, ids=[f"{label}-{view}" for label, view in ADMIN_VIEWS])
def test_admin_pages_render_and_reference_no_external_host(editor_client, editor, rf, label, view):
    model = apps.get_model(label)
    model_admin = admin.site._registry[model]
    name = f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}"
    if view == "add":
        request = rf.get("/")
        request.user = editor
        if not model_admin.has_add_permission(request):
            assert editor_client.get(reverse(name)).status_code == 403  # no add form, not even for a superuser
            return
        url = reverse(name)
    elif view == "change":
        if label == "search.searchquery":
            editor_client.get("/kk/search/", {"q": "квота"})  # the search log starts empty
        elif label in ("feedback.page", "feedback.answer"):  # readers' answers start empty
            from feedback.services import answer_record

            answer_record(path="/faq/onirlik-kvota/", language="kk", useful=False)
        elif label == "axes.accessattempt":
            Client().post(reverse("admin:login"), {"username": "nobody", "password": "wrong"})  # one wrong password
        elif label == "axes.accessfailurelog":  # written only when the failure log is switched on
            model.objects.create(
                username="nobody", ip_address="127.0.0.1", user_agent="test", path_info="/admin/login/"
            )
        obj = model.objects.first()
        assert obj is not None, f"no {label} to open"
        url = reverse(name, args=[obj.pk])
    else:
        url = reverse(name)
    _assert_admin_page_is_clean(editor_client, url)


def test_admin_index_renders_and_references_no_external_host(editor_client):
    _assert_admin_page_is_clean(editor_client, reverse("admin:index"))


def test_entry_form_shows_both_languages_side_by_side(editor_client):
    entry = Entry.objects.get(number=1)
    html = editor_client.get(reverse("admin:faq_entry_change", args=[entry.pk])).content.decode()
    # One form row holds both languages.
    assert re.search(r'form-row[^"]*field-question_kk[^"]*field-question_ru', html)


def test_editor_changes_an_answer_and_sees_it_on_the_site(editor_client, client):
    entry = Entry.objects.get(number=3)
    url = reverse("admin:faq_entry_change", args=[entry.pk])
    response = editor_client.get(url)
    form = response.context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {k: ("" if v is None else v) for k, v in data.items()}
    data["answer_kk"] = "<p>Орталыққа жаңа мекенжай бойынша жүгініңіз.</p>"
    data["published"] = "on"
    data["last_reviewed"] = "12.01.2026"
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    html = client.get(f"/kk/faq/{entry.slug}/").content.decode()
    assert "Орталыққа жаңа мекенжай бойынша жүгініңіз." in html
    assert "12 қаңтар 2026 ж." in html


def test_view_on_site_links_to_the_public_page(editor_client):
    entry = Entry.objects.get(number=1)
    html = editor_client.get(reverse("admin:faq_entry_change", args=[entry.pk])).content.decode()
    match = re.search(r'href="(/admin/r/[^"]+)"', html)
    assert match
    response = editor_client.get(match.group(1))
    assert response.status_code == 302
    assert response["Location"].endswith(f"/faq/{entry.slug}/")


@pytest.mark.parametrize("term", ["АЕК", "аек", "ҚАНДАС", "кандас"])
def test_admin_search_folds_cyrillic_case_and_kazakh_letters(editor_client, term):
    response = editor_client.get(reverse("admin:faq_entry_changelist"), {"q": term})
    assert response.status_code == 200
    assert response.context["cl"].result_count > 0


def test_admin_search_finds_clinic_rows_by_region_name(editor_client):
    response = editor_client.get(reverse("admin:clinics_clinic_changelist"), {"q": "қарағанды"})
    assert response.context["cl"].result_count == Clinic.objects.filter(region__slug="karaganda").count()


@pytest.mark.parametrize(
    "model", ["faq_topic", "clinics_region", "clinics_examinationtype", "clinics_clinic", "clinics_quotayear"]
)
def test_every_translated_list_shows_missing_russian(editor_client, model):
    response = editor_client.get(reverse(f"admin:{model}_changelist"), {"ru": "missing"})
    assert response.status_code == 200
    assert response.context["cl"].result_count == 0  # the seed is fully translated
    assert "has_russian" in response.context["cl"].list_display


def test_entry_list_filters_missing_russian(editor_client):
    Entry.objects.filter(number__in=[4, 5]).update(answer_ru="")
    Entry.objects.filter(number=6).update(question_ru=None)
    response = editor_client.get(reverse("admin:faq_entry_changelist"), {"ru": "missing"})
    assert sorted(e.number for e in response.context["cl"].result_list) == [4, 5, 6]
    response = editor_client.get(reverse("admin:faq_entry_changelist"), {"ru": "present"})
    assert response.context["cl"].result_count == 24


def test_deleting_a_region_in_use_is_refused(editor_client):
    region = Region.objects.get(slug="pavlodar")
    response = editor_client.post(reverse("admin:clinics_region_delete", args=[region.pk]), {"post": "yes"})
    assert Region.objects.filter(pk=region.pk).exists()
    assert response.status_code == 200
    # The confirmation page lists the clinic rows that protect the region instead of deleting.
    assert len(response.context["protected"]) == Clinic.objects.filter(region=region).count() + 1


ENGLISH_ADMIN_TEXT = [
    "Revert",
    "Changed by",
    "File to import",
    "Import",
    "Export",
    "Not reviewed for 12 months",
    "Publish selected entries",
    "monthly calculation index",
    "Save and continue editing",
]


def _editor_page(name):
    """The URL of an admin page by name, with the objects it needs from the seed."""
    entry = Entry.objects.get(number=9)
    clinic = Clinic.objects.first()
    args = {
        "admin:faq_entry_change": [entry.pk],
        "admin:faq_entry_history": [entry.pk],
        "admin:faq_entry_simple_history": [entry.pk, entry.history.first().history_id],
        "admin:clinics_clinic_history": [clinic.pk],
    }.get(name, [])
    return reverse(name, args=args)


EDITOR_PAGES = [
    "admin:index",
    "admin:faq_entry_changelist",
    "admin:faq_entry_change",
    "admin:faq_entry_history",
    "admin:faq_entry_simple_history",
    "admin:clinics_clinic_changelist",
    "admin:clinics_clinic_import",
    "admin:clinics_clinic_export",
    "admin:clinics_clinic_history",
    "admin:faq_mci_changelist",
]


@pytest.mark.parametrize("name", EDITOR_PAGES)
@pytest.mark.parametrize("language", ["kk", "ru"])
def test_editor_pages_speak_the_editors_language(content_editor_client, language, name):
    html = content_editor_client.get(_editor_page(name), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    visible = re.sub(r"<[^>]+>", "\n", re.sub(r"<(script|style|svg)\b.*?</\1>", "", html, flags=re.S))
    lines = {line.strip() for line in visible.splitlines()}
    leaked = [text for text in ENGLISH_ADMIN_TEXT if text in lines]
    assert not leaked


@pytest.mark.parametrize(
    "language, name, text",
    [
        ("kk", "admin:faq_entry_simple_history", "Қайтару"),
        ("ru", "admin:faq_entry_simple_history", "Восстановить"),
        ("kk", "admin:clinics_clinic_import", "Импорттайтын файл"),
        ("ru", "admin:clinics_clinic_import", "Файл для импорта"),
    ],
)
def test_revert_and_import_pages_are_translated(content_editor_client, language, name, text):
    assert text in content_editor_client.get(_editor_page(name), HTTP_ACCEPT_LANGUAGE=language).content.decode()
