"""Clinic phone numbers: stored in E.164, shown in the national format, invalid ones refused by the admin
and the spreadsheet import (issue 15, clinic data quality)."""

import csv
import importlib
import io

import pytest
from django.apps import apps as django_apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from clinics.models import Clinic, Region
from clinics.phones import normalize_phone, phone_is_valid
from clinics.templatetags.clinic_tags import phone_display, tel_href
from tests.support.admin import form_data

pytestmark = pytest.mark.django_db

# Numbers from the source document (Қарағанды and Алматы облысы rows).
KARAGANDA_1 = "8(7212)34-70-42"
KARAGANDA_1_E164 = "+77212347042"
ALMATY_REGION_10_DIGITS = "8728256258"  # one digit missing in the source; no way to fix it

HEADER = (
    "region,position,examination_type,address_kk,address_ru,transport_kk,transport_ru,phone,note_kk,note_ru,delete\n"
)
INVALID_MESSAGE = {
    "kk": "Қазақстандағы жарамды телефон нөмірі емес",
    "ru": "не является действительным номером телефона в Казахстане",
}


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        (KARAGANDA_1, KARAGANDA_1_E164),
        ("8 (7212) 34 70 42", KARAGANDA_1_E164),
        ("+7 7212 34-70-42", KARAGANDA_1_E164),
        (" 87212347042 ", KARAGANDA_1_E164),
        (" 12 ", " 12 "),
        # Invalid numbers stay as typed (the data-to-check page lists them); +7 872… is valid only in Russia.
        (ALMATY_REGION_10_DIGITS, ALMATY_REGION_10_DIGITS),
        ("тел. жоқ", "тел. жоқ"),
        ("", ""),
    ],
)
def test_normalize_phone(typed, stored):
    assert normalize_phone(typed) == stored


@pytest.mark.parametrize(
    ("value", "valid"),
    [(KARAGANDA_1, True), (KARAGANDA_1_E164, True), (ALMATY_REGION_10_DIGITS, False), ("12", False), ("abc", False)],
)
def test_phone_is_valid_only_for_kazakhstan(value, valid):
    assert phone_is_valid(value) is valid


@pytest.mark.parametrize(
    ("value", "shown", "href"),
    [
        (KARAGANDA_1_E164, "8 (7212) 34 70 42", "tel:+77212347042"),
        (KARAGANDA_1, "8 (7212) 34 70 42", "tel:+77212347042"),
        (ALMATY_REGION_10_DIGITS, ALMATY_REGION_10_DIGITS, ""),  # shown as typed, no link to a wrong number
        ("", "", ""),
    ],
)
def test_display_in_national_format_and_link_in_e164(value, shown, href):
    assert phone_display(value) == shown
    assert tel_href(value) == href


def test_seed_phones_are_stored_normalized_and_the_invalid_one_as_typed():
    karaganda = Clinic.objects.get(region__slug="karaganda", position=1)
    assert karaganda.phone == KARAGANDA_1_E164
    assert Clinic.objects.filter(phone=ALMATY_REGION_10_DIGITS).count() == 1
    assert all(
        c.phone.startswith("+7") for c in Clinic.objects.exclude(phone="").exclude(phone=ALMATY_REGION_10_DIGITS)
    )


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_region_page_shows_the_national_format_with_an_e164_link(client, language):
    html = client.get(f"/{language}/clinics/karaganda/").content.decode()
    assert '<a href="tel:+77212347042">8 (7212) 34 70 42</a>' in html
    astana = client.get(f"/{language}/clinics/astana/").content.decode()
    # Astana's rows have no phone: no phone column and no «—» lines (issue 14).
    assert "<td" in astana and "—</td>" not in astana and "tel:" not in astana


def _change(client, clinic, phone, language):
    url = reverse("admin:clinics_clinic_change", args=[clinic.pk])
    data = form_data(client.get(url))
    data["phone"] = phone
    return client.post(url, data, HTTP_ACCEPT_LANGUAGE=language)


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_admin_refuses_an_invalid_phone_in_the_editors_language(content_editor_client, language):
    clinic = Clinic.objects.get(region__slug="karaganda", position=2)
    before = clinic.phone
    response = _change(content_editor_client, clinic, "8 7212 34", language)
    assert response.status_code == 200
    assert INVALID_MESSAGE[language] in response.content.decode()
    clinic.refresh_from_db()
    assert clinic.phone == before


def test_admin_stores_a_valid_phone_in_e164(content_editor_client):
    clinic = Clinic.objects.get(region__slug="astana", position=1)
    response = _change(content_editor_client, clinic, "8 (7212) 34-70-42", "kk")
    assert response.status_code == 302
    clinic.refresh_from_db()
    assert clinic.phone == KARAGANDA_1_E164


def test_model_clean_refuses_an_invalid_phone():
    from django.core.exceptions import ValidationError

    clinic = Clinic.objects.get(region__slug="astana", position=1)
    clinic.phone = "12345"
    with translation.override("ru"), pytest.raises(ValidationError) as error:
        clinic.full_clean()
    assert INVALID_MESSAGE["ru"] in str(error.value.message_dict["phone"])


def _row(clinic, phone):
    buffer = io.StringIO()
    csv.writer(buffer).writerow(
        ["astana", clinic.position, clinic.examination_type.slug, clinic.address_kk, clinic.address_ru, "", "", phone]
        + ["", "", ""]
    )
    return buffer.getvalue()


def _upload(client, content, language):
    return client.post(
        reverse("admin:clinics_clinic_import"),
        {"import_file": SimpleUploadedFile("rows.csv", content.encode()), "format": "0", "resource": "0"},
        HTTP_ACCEPT_LANGUAGE=language,
    )


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_import_refuses_an_invalid_phone_with_a_message(content_editor_client, language):
    clinic = Clinic.objects.get(region__slug="astana", position=1)
    response = _upload(content_editor_client, HEADER + _row(clinic, "8 7212 34"), language)
    assert response.status_code == 200
    result = response.context["result"]
    assert result.has_validation_errors() or result.has_errors()
    assert "confirm_form" not in response.context
    assert INVALID_MESSAGE[language] in response.content.decode()


def test_import_stores_a_valid_phone_in_e164(content_editor_client):
    clinic = Clinic.objects.get(region__slug="astana", position=1)
    preview = _upload(content_editor_client, HEADER + _row(clinic, KARAGANDA_1), "kk")
    assert "confirm_form" in preview.context, preview.content.decode()[:2000]
    form = preview.context["confirm_form"]
    data = {k: v for k, v in ((n, form[n].value()) for n in form.fields) if v not in (None, False)}
    content_editor_client.post(reverse("admin:clinics_clinic_process_import"), data)
    clinic.refresh_from_db()
    assert clinic.phone == KARAGANDA_1_E164


def test_data_migration_normalizes_valid_phones_and_keeps_invalid_ones():
    migration = importlib.import_module("clinics.migrations.0003_normalize_phones")
    region = Region.objects.get(slug="karaganda")
    valid = Clinic.objects.get(region=region, position=1)
    Clinic.objects.filter(pk=valid.pk).update(phone=KARAGANDA_1)  # as typed before this change
    invalid = Clinic.objects.get(phone=ALMATY_REGION_10_DIGITS)
    migration.normalize_phones(django_apps, None)
    valid.refresh_from_db()
    invalid.refresh_from_db()
    assert valid.phone == KARAGANDA_1_E164
    assert invalid.phone == ALMATY_REGION_10_DIGITS


def test_a_stored_invalid_phone_does_not_block_other_fixes_to_its_row(content_editor_client):
    clinic = Clinic.objects.get(phone=ALMATY_REGION_10_DIGITS)
    url = reverse("admin:clinics_clinic_change", args=[clinic.pk])
    data = form_data(content_editor_client.get(url))
    data["note_ru"] = "проверено"
    assert content_editor_client.post(url, data).status_code == 302
    clinic.refresh_from_db()
    assert (clinic.note_ru, clinic.phone) == ("проверено", ALMATY_REGION_10_DIGITS)
