"""Editor flows on clinic rows and quotas: spreadsheets, safe deletion, one quota per region per year."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from clinics.models import Clinic, ExaminationType, Quota, QuotaYear, Region
from tests.support.admin import form_data

pytestmark = pytest.mark.django_db

CSV, XLSX = "0", "1"  # positions in the admin's format list
HEADER = (
    "region,position,examination_type,address_kk,address_ru,transport_kk,transport_ru,phone,note_kk,note_ru,delete\n"
)


def upload(client, model, content, name="rows.csv", fmt=CSV):
    return client.post(
        reverse(f"admin:clinics_{model}_import"),
        {"import_file": SimpleUploadedFile(name, content), "format": fmt, "resource": "0"},
    )


def confirm(client, model, preview):
    form = preview.context["confirm_form"]
    data = {name: form[name].value() for name in form.fields}
    data = {k: v for k, v in data.items() if v not in (None, False)}
    return client.post(reverse(f"admin:clinics_{model}_process_import"), data)


def test_a_file_with_one_bad_row_writes_nothing_and_names_the_row(content_editor_client):
    before = list(Clinic.objects.values_list("pk", "address_kk").order_by("pk"))
    type_slug = ExaminationType.objects.first().slug
    content = (
        HEADER
        + f"pavlodar,90,{type_slug},Жаңа мекенжай 1,Новый адрес 1,,,,,,\n"
        + f"atlantida,91,{type_slug},Жаңа мекенжай 2,Новый адрес 2,,,,,,\n"
    ).encode()
    response = upload(content_editor_client, "clinic", content)
    assert response.status_code == 200
    result = response.context["result"]
    assert result.has_validation_errors()
    assert [row.number for row in result.invalid_rows] == [2]
    assert "confirm_form" not in response.context
    assert "atlantida" in response.content.decode()
    assert list(Clinic.objects.values_list("pk", "address_kk").order_by("pk")) == before


def test_a_good_file_is_previewed_then_imported_with_history(content_editor_client):
    region = Region.objects.get(slug="pavlodar")
    exam = ExaminationType.objects.first()
    existing = Clinic.objects.filter(region=region).order_by("position").first()
    content = (
        HEADER
        + f"pavlodar,90,{exam.slug},Жаңа мекенжай,Новый адрес,,,+7 700 000 00 00,,,\n"
        + f"pavlodar,{existing.position},{existing.examination_type.slug},"
        + "Түзетілген мекенжай,Исправленный адрес,,,,,,\n"
    ).encode()
    preview = upload(content_editor_client, "clinic", content)
    result = preview.context["result"]
    assert not result.has_errors() and not result.has_validation_errors()
    assert [r.import_type for r in result.rows] == ["new", "update"]
    assert not Clinic.objects.filter(region=region, position=90).exists()  # the preview wrote nothing
    assert confirm(content_editor_client, "clinic", preview).status_code == 302
    created = Clinic.objects.get(region=region, position=90)
    assert (created.address_kk, created.address_ru, created.examination_type) == ("Жаңа мекенжай", "Новый адрес", exam)
    existing.refresh_from_db()
    assert existing.address_ru == "Исправленный адрес"
    assert existing.history.first().history_type == "~"
    # The public page shows the imported row.
    assert "Жаңа мекенжай" in Client().get("/kk/clinics/pavlodar/").content.decode()


def test_a_row_marked_delete_removes_the_record(content_editor_client):
    row = Clinic.objects.filter(region__slug="pavlodar").order_by("position").last()
    content = (HEADER + f"pavlodar,{row.position},{row.examination_type.slug},,,,,,,,yes\n").encode()
    preview = upload(content_editor_client, "clinic", content)
    assert [r.import_type for r in preview.context["result"].rows] == ["delete"]
    confirm(content_editor_client, "clinic", preview)
    assert not Clinic.objects.filter(pk=row.pk).exists()


def test_quotas_export_and_import_as_xlsx_by_year_and_region_slug(content_editor_client):
    quota = Quota.objects.select_related("quota_year", "region").first()
    response = content_editor_client.post(
        reverse("admin:clinics_quota_export"),
        {
            "format": XLSX,
            "resource": "0",
            **{f"quotaresource_{name}": "on" for name in ("year", "region", "count", "delete")},
        },
    )
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Жыл", "Өңір", "Адам саны")  # headers in the admin's language (here Kazakh)
    assert (str(quota.quota_year.year), quota.region.slug, str(quota.count)) in [
        tuple(map(str, r[:3])) for r in rows[1:]
    ]

    # Change one count in the workbook and import it back.
    for row in sheet.iter_rows(min_row=2):
        if str(row[0].value) == str(quota.quota_year.year) and row[1].value == quota.region.slug:
            row[2].value = quota.count + 5
    buffer = io.BytesIO()
    sheet.parent.save(buffer)
    preview = upload(content_editor_client, "quota", buffer.getvalue(), name="quotas.xlsx", fmt=XLSX)
    result = preview.context["result"]
    assert not result.has_errors() and not result.has_validation_errors()
    assert sum(1 for r in result.rows if r.import_type == "update") == 1
    confirm(content_editor_client, "quota", preview)
    assert Quota.objects.get(pk=quota.pk).count == quota.count + 5


@pytest.mark.parametrize("count", ["-3", "2.5", "many", ""])
def test_quota_counts_must_be_whole_numbers_not_below_zero(content_editor_client, count):
    quota = Quota.objects.select_related("quota_year", "region").first()
    content = f"year,region,count\n{quota.quota_year.year},{quota.region.slug},{count}\n".encode()
    response = upload(content_editor_client, "quota", content)
    assert response.context["result"].has_validation_errors()
    assert Quota.objects.get(pk=quota.pk).count == quota.count


def test_one_quota_per_region_per_year_in_the_year_form(content_editor_client):
    year = QuotaYear.objects.first()
    url = reverse("admin:clinics_quotayear_change", args=[year.pk])
    data = form_data(content_editor_client.get(url))
    taken = year.quotas.first()
    prefix = "quotas"
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-{total - 1}-region"] = taken.region_id  # the empty extra form
    data[f"{prefix}-{total - 1}-count"] = "10"
    response = content_editor_client.post(url, data, HTTP_ACCEPT_LANGUAGE="kk")
    assert response.status_code == 200
    assert "әр өңірді бір рет енгізіңіз" in response.content.decode()
    assert year.quotas.filter(region=taken.region).count() == 1


def test_quota_form_refuses_negative_counts(content_editor_client):
    year = QuotaYear.objects.first()
    url = reverse("admin:clinics_quotayear_change", args=[year.pk])
    data = form_data(content_editor_client.get(url))
    data["quotas-0-count"] = "-1"
    response = content_editor_client.post(url, data)
    assert response.status_code == 200
    assert year.quotas.filter(count__lt=0).count() == 0


@pytest.mark.parametrize("model, lookup", [("region", {"slug": "pavlodar"}), ("examinationtype", {})])
def test_deleting_a_region_or_examination_type_in_use_is_refused_with_a_message(content_editor_client, model, lookup):
    obj = (
        (Region if model == "region" else ExaminationType)
        .objects.filter(**lookup)
        .filter(clinics__isnull=False)
        .first()
    )
    response = content_editor_client.post(reverse(f"admin:clinics_{model}_delete", args=[obj.pk]), {"post": "yes"})
    assert type(obj).objects.filter(pk=obj.pk).exists()
    assert response.context["protected"]
    assert any("Cannot delete" in str(m) or "Өшіру мүмкін емес" in str(m) for m in response.context["messages"])


def test_bulk_delete_of_types_in_use_is_refused_too(content_editor_client):
    used = list(ExaminationType.objects.filter(clinics__isnull=False).distinct().values_list("pk", flat=True))
    response = content_editor_client.post(
        reverse("admin:clinics_examinationtype_changelist"),
        {"action": "delete_selected", "_selected_action": used, "post": "yes"},
    )
    assert response.status_code == 200
    assert ExaminationType.objects.filter(pk__in=used).count() == len(used)


def test_clinic_rows_and_quotas_keep_history_in_both_languages(content_editor_client):
    row = Clinic.objects.first()
    url = reverse("admin:clinics_clinic_change", args=[row.pk])
    data = form_data(content_editor_client.get(url))
    data["address_ru"] = "Новый адрес"
    assert content_editor_client.post(url, data).status_code == 302
    record = row.history.first()
    assert record.address_ru == "Новый адрес" and record.address_kk == row.address_kk
    assert content_editor_client.get(reverse("admin:clinics_clinic_history", args=[row.pk])).status_code == 200
    for model in ("region", "examinationtype", "quotayear", "quota"):
        obj = {"region": Region, "examinationtype": ExaminationType, "quotayear": QuotaYear, "quota": Quota}[
            model
        ].objects.first()
        assert content_editor_client.get(reverse(f"admin:clinics_{model}_history", args=[obj.pk])).status_code == 200


# Less typing (issue 17, item 5) ---------------------------------------------------------------


def test_a_new_clinic_row_goes_to_the_end_of_its_region(content_editor_client):
    region = Region.objects.get(slug="pavlodar")
    last = Clinic.objects.filter(region=region).order_by("-position").first().position
    data = form_data(content_editor_client.get(reverse("admin:clinics_clinic_add")))
    assert data.get("position", "") == ""
    data.update(region=region.pk, examination_type=ExaminationType.objects.first().pk, address_kk="Мекенжай")
    response = content_editor_client.post(reverse("admin:clinics_clinic_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Clinic.objects.get(region=region, address_kk="Мекенжай").position == last + 1


def test_a_position_the_editor_gives_is_kept(content_editor_client):
    region = Region.objects.get(slug="abai")
    data = form_data(content_editor_client.get(reverse("admin:clinics_clinic_add")))
    data.update(region=region.pk, examination_type=ExaminationType.objects.first().pk, position="7")
    assert content_editor_client.post(reverse("admin:clinics_clinic_add"), data).status_code == 302
    assert Clinic.objects.get(region=region).position == 7


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("model", ["clinic", "quota", "clinictocheck"])
def test_the_region_filter_follows_the_admins_alphabet(content_editor_client, language, model):
    from django.conf import settings
    from django.utils import translation

    from clinics.selectors import alphabet_key, sort_name

    content_editor_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = content_editor_client.get(reverse(f"admin:clinics_{model}_changelist"))
    region_filter = next(f for f in response.context["cl"].filter_specs if getattr(f, "field_path", "") == "region")
    names = [name for _pk, name in region_filter.lookup_choices]
    with translation.override(language):
        assert names == [
            str(r) for r in sorted(Region.objects.all(), key=lambda r: alphabet_key(sort_name(r.name), language))
        ]
        assert len(names) == Region.objects.count()
    # Абай (А) comes first in both alphabets; the database's order (by slug, or by code point) would not say so.
    assert names[0] == getattr(Region.objects.get(slug="abai"), f"name_{language}")
