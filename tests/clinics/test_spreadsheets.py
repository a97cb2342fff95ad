"""Spreadsheet safety: exports that cannot run formulas, all-or-nothing confirm, upload storage and limits."""

import csv
import io
import os
import tempfile
import time
import zipfile
from unittest import mock

import openpyxl
import pytest
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from clinics.admin import upload_salt
from clinics.models import Clinic, ExaminationType, Region
from clinics.resources import ClinicResource, UploadStorage

pytestmark = pytest.mark.django_db

CSV, XLSX = "0", "1"  # positions in the admin's format list
COLUMNS = [
    "region",
    "position",
    "examination_type",
    "address_kk",
    "address_ru",
    "transport_kk",
    "transport_ru",
    "phone",
    "note_kk",
    "note_ru",
    "delete",
]
HEADER = ",".join(COLUMNS) + "\n"
DANGEROUS = ["=1+2", "+1+2", "-1+2", "@SUM(A1)", "\t=1+2", "\r=1+2", "'=1+2"]


def upload(client, model, content, name="rows.csv", fmt=CSV, **extra):
    return client.post(
        reverse(f"admin:clinics_{model}_import"),
        {"import_file": SimpleUploadedFile(name, content), "format": fmt, "resource": "0"},
        **extra,
    )


def confirm_data(preview):
    form = preview.context["confirm_form"]
    data = {name: form[name].value() for name in form.fields}
    return {k: v for k, v in data.items() if v not in (None, False)}


def confirm(client, model, data, **extra):
    return client.post(reverse(f"admin:clinics_{model}_process_import"), data, **extra)


def export(client, fmt, **filters):
    url = reverse("admin:clinics_clinic_export")
    if filters:
        url += "?" + "&".join(f"{k}={v}" for k, v in filters.items())
    response = client.post(
        url, {"format": fmt, "resource": "0", **{f"clinicresource_{name}": "on" for name in COLUMNS}}
    )
    assert response.status_code == 200, response.content[:500]
    return response.content


def xlsx(rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_with_inline_cell(text):
    """A workbook whose second row holds `text` inline in the sheet (openpyxl itself cuts cells at 32,767)."""
    cells = "".join(f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{name}</t></is></c>' for i, name in enumerate(COLUMNS))
    sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        f'<row r="1">{cells}</row><row r="2"><c r="A2" t="inlineStr"><is><t>{text}</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    source, buffer = zipfile.ZipFile(io.BytesIO(xlsx([]))), io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, sheet if item.filename == "xl/worksheets/sheet1.xml" else source.read(item))
    return buffer.getvalue()


def messages_of(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


def new_rows(region, count, start=90):
    exam = ExaminationType.objects.first().slug
    return [f"{region},{start + i},{exam},Мекенжай {i},Адрес {i},,,,,,\n" for i in range(count)]


# Item 4: formula injection ------------------------------------------------------------------


@pytest.mark.parametrize("value", DANGEROUS)
def test_csv_export_neutralises_cells_a_spreadsheet_would_run(content_editor_client, value):
    row = Clinic.objects.filter(region__slug="pavlodar").first()
    Clinic.objects.filter(pk=row.pk).update(address_kk=value, phone=value)
    rows = list(csv.reader(io.StringIO(export(content_editor_client, CSV).decode("utf-8-sig"), newline="")))
    cells = [cell for r in rows[1:] for cell in r]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    exported = next(r for r in rows if r[0] == "pavlodar" and r[1] == str(row.position))
    assert exported[COLUMNS.index("address_kk")] == "'" + value  # readable: the text follows the apostrophe
    assert exported[COLUMNS.index("phone")] == "'" + value


@pytest.mark.parametrize("value", DANGEROUS)
def test_xlsx_export_has_no_formula_cells_and_keeps_the_text(content_editor_client, value):
    row = Clinic.objects.filter(region__slug="pavlodar").first()
    Clinic.objects.filter(pk=row.pk).update(address_kk=value, phone=value)
    sheet = openpyxl.load_workbook(io.BytesIO(export(content_editor_client, XLSX))).active
    cells = [cell for r in sheet.iter_rows(min_row=2) for cell in r]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert not [c.value for c in cells if isinstance(c.value, str) and c.value[:1] in ("=", "+", "-", "@", "\t")]
    exported = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[:2] == ("pavlodar", row.position))
    # XML reads a carriage return back as a line feed; the rest of the text is kept.
    assert exported[COLUMNS.index("address_kk")] == "'" + value.replace("\r", "\n")


@pytest.mark.parametrize("fmt, name", [(CSV, "rows.csv"), (XLSX, "rows.xlsx")])
def test_reimporting_an_untouched_export_changes_nothing(content_editor_client, fmt, name):
    rows = list(Clinic.objects.filter(region__slug="pavlodar").order_by("position")[: len(DANGEROUS)])
    for row, value in zip(rows, DANGEROUS, strict=True):
        # A carriage return does not survive XML (it reads back as a line feed), so XLSX gets a tab there.
        value = value.replace("\r", "\t") if fmt == XLSX else value
        Clinic.objects.filter(pk=row.pk).update(address_kk=value, phone=value, note_ru="-")
    before = {c.pk: (c.address_kk, c.phone, c.note_ru) for c in Clinic.objects.all()}
    content = export(content_editor_client, fmt, region__id__exact=rows[0].region_id)
    preview = upload(content_editor_client, "clinic", content, name=name, fmt=fmt)
    result = preview.context["result"]
    assert not result.has_errors() and not result.has_validation_errors()
    assert {r.import_type for r in result.rows} == {"skip"}
    assert confirm(content_editor_client, "clinic", confirm_data(preview)).status_code == 302
    assert {c.pk: (c.address_kk, c.phone, c.note_ru) for c in Clinic.objects.all()} == before


# Item 12 (part): a control character in a cell ---------------------------------------------------


def test_a_control_character_in_a_cell_does_not_break_the_xlsx_export(content_editor_client):
    row = Clinic.objects.filter(region__slug="pavlodar").first()
    Clinic.objects.filter(pk=row.pk).update(address_kk="Көше\x07 1\x0b", note_ru="ok\x1b", phone="+7 700")
    sheet = openpyxl.load_workbook(io.BytesIO(export(content_editor_client, XLSX))).active
    exported = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[:2] == ("pavlodar", row.position))
    assert exported[COLUMNS.index("address_kk")].startswith("Көше")
    assert "\x07" not in exported[COLUMNS.index("address_kk")]
    assert exported[COLUMNS.index("phone")] == "'+7 700"  # neutralised once, not again
    assert sheet.max_row == Clinic.objects.count() + 1


# Item 7: confirm checks again and writes nothing if a row has become invalid ------------------------


def test_confirm_writes_nothing_when_a_row_became_invalid_after_the_preview(content_editor_client):
    doomed = Region.objects.create(slug="doomed", name_kk="Жойылатын", name_ru="Удаляемый")
    content = ("".join([HEADER, *new_rows("pavlodar", 1), *new_rows("doomed", 1)])).encode()
    preview = upload(content_editor_client, "clinic", content)
    assert not preview.context["result"].has_validation_errors()
    doomed.delete()
    response = confirm(content_editor_client, "clinic", confirm_data(preview), HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 200
    assert not Clinic.objects.filter(region__slug="pavlodar", position=90).exists()
    assert any("Ничего не импортировано" in m for m in messages_of(response))
    assert "doomed" in response.content.decode()  # the failing row is shown


# Item 8: the upload between preview and confirm ------------------------------------------------


def test_a_forged_file_name_cannot_import_or_delete_another_file(content_editor_client):
    exam = ExaminationType.objects.first().slug
    with tempfile.NamedTemporaryFile("w", delete=False, suffix="", encoding="utf-8") as other:
        other.write(HEADER + f"pavlodar,95,{exam},Бөтен,Чужой,,,,,,\n")
    try:
        preview = upload(content_editor_client, "clinic", (HEADER + new_rows("pavlodar", 1)[0]).encode())
        data = confirm_data(preview) | {"import_file_name": os.path.basename(other.name)}
        response = confirm(content_editor_client, "clinic", data, HTTP_ACCEPT_LANGUAGE="ru", follow=True)
        assert response.status_code == 200
        assert os.path.exists(other.name)
        assert not Clinic.objects.filter(region__slug="pavlodar", position__in=(90, 95)).exists()
        assert any("загрузите файл снова" in m for m in messages_of(response))
    finally:
        os.unlink(other.name)


@pytest.mark.parametrize("value", ["x", "7", "-1", "1.0"])
def test_a_bad_format_value_is_a_message_not_an_error_page(content_editor_client, value):
    content = (HEADER + new_rows("pavlodar", 1)[0]).encode()
    assert upload(content_editor_client, "clinic", content, fmt=value).context["form"].errors["format"]
    data = confirm_data(upload(content_editor_client, "clinic", content)) | {"format": value}
    response = confirm(content_editor_client, "clinic", data, HTTP_ACCEPT_LANGUAGE="ru", follow=True)
    assert response.status_code == 200
    assert any("загрузите файл снова" in m for m in messages_of(response))
    assert not Clinic.objects.filter(region__slug="pavlodar", position=90).exists()


def test_an_unconfirmed_upload_expires(content_editor_client, settings):
    preview = upload(content_editor_client, "clinic", (HEADER + new_rows("pavlodar", 1)[0]).encode())
    later = time.time() + settings.SPREADSHEET_IMPORT_LIFETIME + 1
    with mock.patch("time.time", return_value=later):
        response = confirm(content_editor_client, "clinic", confirm_data(preview), HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 302
    assert not Clinic.objects.filter(region__slug="pavlodar", position=90).exists()


def test_uploads_are_kept_in_the_cache_not_in_the_temp_folder(content_editor_client, content_editor):
    content = (HEADER + new_rows("pavlodar", 1)[0]).encode()
    token = confirm_data(upload(content_editor_client, "clinic", content))["import_file_name"]
    name = signing.loads(token, salt=upload_salt(content_editor))
    assert cache.get(UploadStorage.CACHE_PREFIX + name) == content
    assert not os.path.exists(os.path.join(tempfile.gettempdir(), name))


def test_an_upload_is_confirmed_only_by_the_editor_who_made_it(content_editor_client, editor):
    preview = upload(content_editor_client, "clinic", (HEADER + new_rows("pavlodar", 1)[0]).encode())
    other = Client()
    other.force_login(editor)
    response = confirm(other, "clinic", confirm_data(preview), HTTP_ACCEPT_LANGUAGE="ru", follow=True)
    assert any("загрузите файл снова" in m for m in messages_of(response))
    assert not Clinic.objects.filter(region__slug="pavlodar", position=90).exists()


def test_an_upload_gone_from_the_cache_is_a_message(content_editor_client):
    preview = upload(content_editor_client, "clinic", (HEADER + new_rows("pavlodar", 1)[0]).encode())
    cache.clear()
    response = confirm(content_editor_client, "clinic", confirm_data(preview), HTTP_ACCEPT_LANGUAGE="ru", follow=True)
    assert any("загрузите файл снова" in m for m in messages_of(response))
    assert not Clinic.objects.filter(region__slug="pavlodar", position=90).exists()


# Item 6: limits -----------------------------------------------------------------------------------


def refused(response):
    assert response.status_code == 200
    assert "confirm_form" not in response.context
    return " ".join(response.context["form"].errors.get("import_file", []))


def test_an_oversized_file_is_refused_with_a_message(content_editor_client, settings):
    settings.SPREADSHEET_IMPORT_MAX_BYTES = 1000
    content = ("".join([HEADER, *new_rows("pavlodar", 40)])).encode()
    assert len(content) > 1000
    assert "1000" in refused(upload(content_editor_client, "clinic", content, HTTP_ACCEPT_LANGUAGE="ru"))


@pytest.mark.parametrize("fmt", [CSV, XLSX])
def test_a_file_with_too_many_rows_is_refused(content_editor_client, settings, fmt):
    settings.SPREADSHEET_IMPORT_MAX_ROWS = 3
    lines = new_rows("pavlodar", 4)
    if fmt == CSV:
        content, name = ("".join([HEADER, *lines])).encode(), "rows.csv"
    else:
        content, name = xlsx([COLUMNS] + [line.rstrip("\n").split(",") for line in lines]), "rows.xlsx"
    message = refused(upload(content_editor_client, "clinic", content, name=name, fmt=fmt, HTTP_ACCEPT_LANGUAGE="ru"))
    assert "3" in message and "строк" in message
    assert not Clinic.objects.filter(region__slug="pavlodar", position=90).exists()


@pytest.mark.parametrize("fmt", [CSV, XLSX])
def test_a_huge_cell_is_refused(content_editor_client, settings, fmt):
    exam = ExaminationType.objects.first().slug
    huge = "Ж" * (settings.SPREADSHEET_IMPORT_MAX_CELL_CHARS + 1)
    if fmt == CSV:
        content, name = (HEADER + f"pavlodar,90,{exam},{huge},,,,,,,\n").encode(), "rows.csv"
    else:
        content, name = xlsx([COLUMNS, ["pavlodar", 90, exam, huge]]), "rows.xlsx"
    message = refused(upload(content_editor_client, "clinic", content, name=name, fmt=fmt, HTTP_ACCEPT_LANGUAGE="ru"))
    assert str(settings.SPREADSHEET_IMPORT_MAX_CELL_CHARS) in message


def test_a_small_xlsx_that_unpacks_to_a_huge_sheet_is_refused(content_editor_client, settings):
    settings.SPREADSHEET_IMPORT_MAX_CELL_CHARS = 10**9  # the unpacked size is checked before any cell is read
    content = xlsx_with_inline_cell("Ж" * 15_000_000)  # 30 MB of text
    assert len(content) < 100_000
    message = refused(upload(content_editor_client, "clinic", content, name="rows.xlsx", fmt=XLSX))
    assert "20" in message


# Item 5: checking happens outside the write transaction --------------------------------------------


def test_rows_are_checked_outside_a_transaction_and_written_in_one(content_editor_client):
    seen = []
    original = ClinicResource.import_row
    depth = len(connection.atomic_blocks)  # the test's own transaction

    def import_row(self, row, instance_loader, **kwargs):
        seen.append((kwargs.get("dry_run"), len(connection.atomic_blocks) > depth))
        return original(self, row, instance_loader, **kwargs)

    content = ("".join([HEADER, *new_rows("pavlodar", 2)])).encode()
    with mock.patch.object(ClinicResource, "import_row", import_row):
        preview = upload(content_editor_client, "clinic", content)
        assert seen == [(True, False)] * 2  # the preview takes no write lock
        seen.clear()
        assert confirm(content_editor_client, "clinic", confirm_data(preview)).status_code == 302
    assert seen == [(True, False)] * 2 + [(False, True)] * 2  # checked first, then written in one transaction
    assert Clinic.objects.filter(region__slug="pavlodar", position__in=(90, 91)).count() == 2


def test_a_preview_reads_the_related_records_and_existing_rows_once_not_per_row(content_editor_client):
    def queries_for(count):
        content = ("".join([HEADER, *new_rows("pavlodar", count)])).encode()
        with CaptureQueriesContext(connection) as queries:
            assert not upload(content_editor_client, "clinic", content).context["result"].has_validation_errors()
        return len(queries)

    # Per row only the uniqueness check of (region, position) is left (2,000 rows: 29 s before, 2.6 s after).
    assert queries_for(25) - queries_for(5) <= 20


def test_a_key_twice_in_one_file_creates_the_row_then_updates_it(content_editor_client):
    first, second = new_rows("pavlodar", 1)[0], new_rows("pavlodar", 1)[0].replace("Мекенжай 0", "Екінші")
    preview = upload(content_editor_client, "clinic", (HEADER + first + second).encode())
    assert confirm(content_editor_client, "clinic", confirm_data(preview)).status_code == 302
    assert list(Clinic.objects.filter(region__slug="pavlodar", position=90).values_list("address_kk", flat=True)) == [
        "Екінші"
    ]


def test_imported_rows_are_indexed_for_search_once_after_the_write_transaction(content_editor_client):
    from search.engine import search

    depth = len(connection.atomic_blocks)  # the test's own transaction
    writes = []

    def record(execute, sql, params, many, context):
        if "searchdocument" in sql and not sql.lstrip().upper().startswith("SELECT"):
            writes.append(len(connection.atomic_blocks) > depth + 1)  # inside the import's own transaction?
        return execute(sql, params, many, context)

    content = ("".join([HEADER, *new_rows("pavlodar", 20)])).replace("Мекенжай", "Жаңатұрмыс").encode()
    preview = upload(content_editor_client, "clinic", content)
    with connection.execute_wrapper(record):
        assert confirm(content_editor_client, "clinic", confirm_data(preview)).status_code == 302
    assert writes and not any(writes), writes  # a few bulk statements, none while the rows were written
    assert len(writes) <= 4, len(writes)  # not one per row
    assert search("Жаңатұрмыс", "kk").clinic_count == 20


@pytest.mark.parametrize("language, title", [("kk", "Емханалар анықтамалығы"), ("ru", "Справочник медучреждений")])
def test_the_xlsx_export_names_its_sheet_in_the_editors_language(content_editor_client, language, title):
    content_editor_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    book = openpyxl.load_workbook(io.BytesIO(export(content_editor_client, XLSX)))
    assert book.sheetnames == [title]
