"""The admin's "Data to check" list: clinic rows with a missing address, a missing or invalid phone, or
missing Russian, each named in the editor's language and linked to its change form (issue 15)."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from clinics.models import Clinic

pytestmark = pytest.mark.django_db

URL = reverse("admin:clinics_clinictocheck_changelist")
VALID = "+77212347042"  # the source's Қарағанды row 1 number
PROBLEMS = {
    "kk": {
        "no_address_kk": "Мекенжайы жоқ (қазақша)",
        "no_address_ru": "Мекенжайы жоқ (орысша)",
        "no_phone": "Телефоны жоқ",
        "invalid_phone": "Телефон нөмірі жарамсыз",
        "no_russian": "Орысшасы жоқ",
    },
    "ru": {
        "no_address_kk": "Нет адреса (на казахском)",
        "no_address_ru": "Нет адреса (на русском)",
        "no_phone": "Нет телефона",
        "invalid_phone": "Недействительный номер телефона",
        "no_russian": "Нет русского текста",
    },
}


def listed(client, language="kk", **params):
    """{clinic pk: the row's text} of the list, following its pages."""
    rows, page = {}, 0
    while True:
        response = client.get(URL, {**params, "p": page} if page else params, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200
        html = response.content.decode()
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S):
            for pk in re.findall(r'href="/[^"]*/clinics/clinic/(\d+)/change/"', row):
                rows[int(pk)] = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row))
        cl = response.context["cl"]
        page += 1
        if page >= cl.paginator.num_pages:
            return rows


@pytest.fixture
def clean_directory():
    """Every row complete and valid, so that a test adds exactly the problems it checks."""
    Clinic.objects.update(address_kk="Мекенжай", address_ru="Адрес", phone=VALID)
    Clinic.objects.exclude(transport_kk="").update(transport_ru="автобус")
    Clinic.objects.exclude(note_kk="").update(note_ru="примечание")
    return list(Clinic.objects.order_by("pk")[:6])


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_lists_exactly_the_problem_rows_named_in_the_editors_language(content_editor_client, clean_directory, language):
    a, b, c, d, e, fine = clean_directory
    Clinic.objects.filter(pk=a.pk).update(address_kk="", address_ru="")
    Clinic.objects.filter(pk=b.pk).update(address_ru="")
    Clinic.objects.filter(pk=c.pk).update(phone="")
    Clinic.objects.filter(pk=d.pk).update(phone="8728256258")  # the source's number with a digit missing
    Clinic.objects.filter(pk=e.pk).update(transport_kk="автобус", transport_ru="")
    rows = listed(content_editor_client, language)
    assert set(rows) == {a.pk, b.pk, c.pk, d.pk, e.pk}
    names = PROBLEMS[language]
    assert names["no_address_kk"] in rows[a.pk] and names["no_address_ru"] in rows[a.pk]
    assert names["no_address_ru"] in rows[b.pk] and names["no_address_kk"] not in rows[b.pk]
    assert names["no_phone"] in rows[c.pk]
    assert names["invalid_phone"] in rows[d.pk] and names["no_phone"] not in rows[d.pk]
    assert names["no_russian"] in rows[e.pk]


def test_an_empty_list_when_nothing_is_to_check(content_editor_client, clean_directory):
    assert listed(content_editor_client) == {}


@pytest.mark.parametrize("problem", ["no_address_kk", "no_address_ru", "no_phone", "invalid_phone", "no_russian"])
def test_the_filter_shows_one_kind_of_problem(content_editor_client, clean_directory, problem):
    a, b, c, d, e, fine = clean_directory
    Clinic.objects.filter(pk=a.pk).update(address_kk="", address_ru="")
    Clinic.objects.filter(pk=b.pk).update(address_ru="")
    Clinic.objects.filter(pk=c.pk).update(phone="")
    Clinic.objects.filter(pk=d.pk).update(phone="8728256258")
    Clinic.objects.filter(pk=e.pk).update(note_kk="ескерту", note_ru="")
    expected = {
        "no_address_kk": {a.pk},
        "no_address_ru": {a.pk, b.pk},
        "no_phone": {c.pk},
        "invalid_phone": {d.pk},
        "no_russian": {e.pk},
    }[problem]
    assert set(listed(content_editor_client, problem=problem)) == expected


def test_the_seed_rows_the_issue_names_are_listed(content_editor_client):
    rows = listed(content_editor_client, "ru")
    north_5 = Clinic.objects.get(region__slug="north-kazakhstan", position=5)
    almaty_region_2 = Clinic.objects.get(phone="8728256258")
    assert "Нет адреса (на казахском)" in rows[north_5.pk]
    assert "Недействительный номер телефона" in rows[almaty_region_2.pk]


def test_each_row_links_to_its_change_form_and_the_page_is_read_only(content_editor_client, clean_directory):
    Clinic.objects.filter(pk=clean_directory[0].pk).update(phone="")
    html = content_editor_client.get(URL).content.decode()
    assert reverse("admin:clinics_clinic_change", args=[clean_directory[0].pk]) in html
    assert content_editor_client.get(reverse("admin:clinics_clinictocheck_add")).status_code == 403


def test_content_editors_see_it_on_the_admin_index(content_editor_client):
    assert Group.objects.get(name="Content editors").permissions.filter(codename="view_clinictocheck").exists()
    html = content_editor_client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert URL in html
    assert "Данные для проверки" in html
