"""The foundation's contacts: one editable record, seeded only with what the source states, shown on a
page linked from every page's footer; empty fields stay hidden."""

import pytest
from django.urls import reverse

from contacts.models import FoundationContacts
from tests.conftest import tags, text_of
from tests.support.public_pages import PAGE_TYPES, cases

pytestmark = pytest.mark.django_db


def test_the_seed_sets_only_the_name_and_the_website():
    contacts = FoundationContacts.objects.get()
    assert (contacts.name_kk, contacts.name_ru, contacts.website) == (
        "«Отандастар қоры» КеАҚ",
        "НАО «Отандастар қоры»",
        "https://oq.gov.kz/",
    )
    # Nothing the source document does not state.
    fields = [
        contacts.phone,
        contacts.email,
        contacts.address_kk,
        contacts.address_ru,
        contacts.hours_kk,
        contacts.hours_ru,
    ]
    assert [value or "" for value in fields] == [""] * 6


@pytest.mark.parametrize("language, page", cases(PAGE_TYPES))
def test_every_page_links_the_contacts_page_from_its_footer(client, language, page):
    html = client.get(page.url(language)).content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert f'href="/{language}/contacts/"' in footer


@pytest.mark.parametrize("language, name", [("kk", "«Отандастар қоры» КеАҚ"), ("ru", "НАО «Отандастар қоры»")])
def test_the_page_shows_what_is_filled_and_hides_the_rest(client, language, name):
    html = client.get(f"/{language}/contacts/").content.decode()
    text = text_of(html)
    assert name in text and "oq.gov.kz" in text
    assert [a["href"] for t, a in tags(html, "a") if "oq.gov.kz" in a.get("href", "")] == ["https://oq.gov.kz/"]
    assert "tel:" not in html and "mailto:" not in html
    assert len(tags(html, "dt")) == 2  # organisation and website only


def test_an_editor_fills_a_field_and_every_page_shows_it_at_once(content_editor_client, client):
    client.get("/ru/contacts/")  # cached now
    url = reverse("admin:contacts_foundationcontacts_change", args=[1])
    form = content_editor_client.get(url)
    assert form.status_code == 200
    response = content_editor_client.post(
        url,
        {
            "name_kk": "«Отандастар қоры» КеАҚ",
            "name_ru": "НАО «Отандастар қоры»",
            "website": "https://oq.gov.kz/",
            "phone": "8 (7172) 00 00 00",
            "email": "",
            "address_kk": "",
            "address_ru": "",
            "hours_kk": "",
            "hours_ru": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    contacts = FoundationContacts.objects.get()
    assert contacts.phone == "+77172000000"
    html = client.get("/ru/contacts/").content.decode()
    assert 'href="tel:+77172000000"' in html and "8 (7172) 00 00 00" in html


def test_an_invalid_phone_is_refused_in_the_editors_language(content_editor_client):
    url = reverse("admin:contacts_foundationcontacts_change", args=[1])
    response = content_editor_client.post(
        url, {"name_kk": "«Отандастар қоры» КеАҚ", "website": "https://oq.gov.kz/", "phone": "12345"}
    )
    assert response.status_code == 200  # the form again, with the error
    assert FoundationContacts.objects.get().phone == ""


def test_there_is_one_record_nothing_to_add_or_delete(content_editor_client):
    assert content_editor_client.get(reverse("admin:contacts_foundationcontacts_add")).status_code == 403
    assert content_editor_client.get(reverse("admin:contacts_foundationcontacts_delete", args=[1])).status_code == 403
    # The list opens the one record.
    assert content_editor_client.get(reverse("admin:contacts_foundationcontacts_changelist")).status_code == 200


def test_the_page_without_a_record_still_answers(client):
    FoundationContacts.objects.all().delete()
    response = client.get("/kk/contacts/")
    assert response.status_code == 200 and len(tags(response.content.decode(), "h1")) == 1
