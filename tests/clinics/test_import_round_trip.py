"""Importing a file just exported changes nothing, whoever saved the rows and however; the preview says
so in a summary, shows the file's own row numbers and each row's errors beside it, in the admin's language."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from clinics.models import Clinic
from tests.clinics.test_spreadsheets import COLUMNS, CSV, XLSX, upload
from tests.support.admin import form_data

pytestmark = pytest.mark.django_db


def export(client, fmt, language="kk", model="clinic", columns=COLUMNS):
    resource = "clinicresource" if model == "clinic" else "quotaresource"
    response = client.post(
        reverse(f"admin:clinics_{model}_export"),
        {"format": fmt, "resource": "0", **{f"{resource}_{name}": "on" for name in columns}},
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 200
    return response.content


def preview(client, content, fmt, language="kk", model="clinic"):
    response = upload(
        client, model, content, name="rows.xlsx" if fmt == XLSX else "rows.csv", fmt=fmt, HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 200
    return response


def save_in_admin(client, row, **changes):
    url = reverse("admin:clinics_clinic_change", args=[row.pk])
    data = form_data(client.get(url)) | changes
    assert client.post(url, data).status_code == 302


@pytest.mark.parametrize("fmt", [CSV, XLSX])
@pytest.mark.parametrize("language", ["kk", "ru"])
def test_an_export_imported_again_shows_no_changes_and_writes_no_history(content_editor_client, fmt, language):
    rows = list(Clinic.objects.filter(region__slug="pavlodar")[:2])
    # Saved in the admin with an empty Russian note and stray spaces, and one stored by an older import as None.
    save_in_admin(content_editor_client, rows[0], note_ru="", address_kk=f"  {rows[0].address_kk} ")
    Clinic.objects.filter(pk=rows[1].pk).update(note_ru=None, transport_ru=None)
    versions = sum(row.history.count() for row in Clinic.objects.all())

    response = preview(content_editor_client, export(content_editor_client, fmt, language), fmt, language)
    totals = response.context["result"].totals
    assert (totals["new"], totals["update"], totals["delete"], totals["error"], totals["invalid"]) == (0, 0, 0, 0, 0)
    assert totals["skip"] == Clinic.objects.count()
    html = response.content.decode()
    assert 'class="import-no-changes"' in html
    assert 'id="import-only-changes" class="import-only-changes" checked' in html

    response = content_editor_client.post(
        reverse("admin:clinics_clinic_process_import"),
        {
            k: v
            for k, v in {
                n: response.context["confirm_form"][n].value() for n in response.context["confirm_form"].fields
            }.items()
            if v not in (None, False)
        },
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 302
    assert sum(row.history.count() for row in Clinic.objects.all()) == versions


def test_export_headers_are_in_the_admins_language(content_editor_client):
    for language, expected in (("kk", "Мекенжайы, қазақша"), ("ru", "Адрес, на казахском")):
        header = next(csv.reader(io.StringIO(export(content_editor_client, CSV, language).decode("utf-8-sig"))))
        assert expected in header, header
        assert "address_kk" not in header and "Delete" not in header


def test_an_import_accepts_either_languages_headers_and_the_field_names(content_editor_client):
    kk = export(content_editor_client, CSV, "kk").decode("utf-8-sig")
    ru_header = export(content_editor_client, CSV, "ru").decode("utf-8-sig").splitlines()[0]
    mixed = ru_header + "\n" + "\n".join(kk.splitlines()[1:]) + "\n"
    response = preview(content_editor_client, mixed.encode(), CSV, "kk")
    assert response.context["result"].totals["skip"] == Clinic.objects.count()
    slugs = ",".join(COLUMNS) + "\n" + "\n".join(kk.splitlines()[1:]) + "\n"
    assert (
        preview(content_editor_client, slugs.encode(), CSV, "ru").context["result"].totals["skip"]
        == Clinic.objects.count()
    )


def test_errors_stand_beside_their_row_with_the_spreadsheets_row_numbers(content_editor_client):
    row = Clinic.objects.filter(region__slug="pavlodar").first()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(COLUMNS)
    sheet.append(["pavlodar", row.position, row.examination_type.slug, row.address_kk, row.address_ru])
    sheet.append([])  # a blank row: the next one is row 4 in the spreadsheet
    sheet.append(["nowhere", 90, row.examination_type.slug, "Мекенжай"])
    sheet.append(["pavlodar", 91, row.examination_type.slug, "Жаңа мекенжай"])
    buffer = io.BytesIO()
    book.save(buffer)
    response = preview(content_editor_client, buffer.getvalue(), XLSX, "ru")
    result = response.context["result"]
    assert [(r.sheet_row, r.import_type) for r in result.rows] == [(2, "update"), (4, "invalid"), (5, "new")]
    html = response.content.decode()
    bad = html.split('<th scope="row">4</th>')[1].split("</tr>")[0]
    assert "nowhere" in bad and "Регион" in bad and 'class="errorlist"' in bad
    assert "None" not in html.split('class="import-preview"')[1]
    summary = html.split('class="import-summary"')[1].split("</ul>")[0]
    assert "<strong>1</strong>" in summary
