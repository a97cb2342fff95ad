"""Admin: every model is editable, nothing is loaded from another host, and an editor's change shows on the site."""

import re

import pytest
from django.contrib import admin
from django.urls import reverse

from clinics.models import Clinic, Region
from faq.models import Entry

pytestmark = pytest.mark.django_db

EXTERNAL = re.compile(r"""(?:src|href)=["'](?:https?:)?//""")
# The admin's CSP allows no inline script: every <script> must load a file (JSON data blocks are not run).
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>")


def admin_urls(request):
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        yield reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        if model_admin.has_add_permission(request):
            yield reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
        obj = model.objects.first()
        if obj is not None:
            yield reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def test_admin_pages_render_and_reference_no_external_host(editor_client, editor, rf):
    request = rf.get("/")
    request.user = editor
    urls = list(admin_urls(request))
    assert len(urls) >= 15
    for url in urls + [reverse("admin:index")]:
        response = editor_client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert not EXTERNAL.search(html), (url, EXTERNAL.search(html).group(0))
        assert "googleapis" not in html, url  # modeltranslation's default jQuery UI host
        assert not INLINE_SCRIPT.search(html), (url, INLINE_SCRIPT.search(html).group(0))


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


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_editor_pages_speak_the_editors_language(content_editor_client, language):
    entry = Entry.objects.get(number=9)
    clinic = Clinic.objects.first()
    urls = [
        reverse("admin:index"),
        reverse("admin:faq_entry_changelist"),
        reverse("admin:faq_entry_change", args=[entry.pk]),
        reverse("admin:faq_entry_history", args=[entry.pk]),
        reverse("admin:faq_entry_simple_history", args=[entry.pk, entry.history.first().history_id]),
        reverse("admin:clinics_clinic_changelist"),
        reverse("admin:clinics_clinic_import"),
        reverse("admin:clinics_clinic_export"),
        reverse("admin:clinics_clinic_history", args=[clinic.pk]),
        reverse("admin:faq_mci_changelist"),
    ]
    for url in urls:
        html = content_editor_client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
        visible = re.sub(r"<[^>]+>", "\n", re.sub(r"<(script|style|svg)\b.*?</\1>", "", html, flags=re.S))
        lines = {line.strip() for line in visible.splitlines()}
        leaked = [text for text in ENGLISH_ADMIN_TEXT if text in lines]
        assert not leaked, (url, language, leaked)
    revert_page = content_editor_client.get(urls[4], HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert {"kk": "Қайтару", "ru": "Восстановить"}[language] in revert_page
    import_page = content_editor_client.get(urls[6], HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert {"kk": "Импорттайтын файл", "ru": "Файл для импорта"}[language] in import_page
