"""Site-wide rules: every public page renders in both languages, with one <h1>, the right
<html lang>, canonical and hreflang links, and a language switch to the same page."""

from io import StringIO
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import call_command
from django.utils import translation

from clinics.models import Region
from faq.models import Entry, Topic
from tests.conftest import tags
from tests.support.public_pages import ENTRY_SLUGS, PAGE_TYPES, PUBLIC_PAGES, REGION_SLUGS, TOPIC_SLUGS, cases

pytestmark = pytest.mark.django_db

LANGS = ("kk", "ru")


def test_the_page_list_covers_every_topic_entry_and_region():
    """The parametrized page list is read from the seed files; it must be what the database holds."""
    assert sorted(TOPIC_SLUGS) == sorted(Topic.objects.values_list("slug", flat=True))
    assert sorted(ENTRY_SLUGS) == sorted(Entry.objects.values_list("slug", flat=True))
    assert sorted(REGION_SLUGS) == sorted(Region.objects.values_list("slug", flat=True))


@pytest.mark.parametrize("language, page", cases(PUBLIC_PAGES))
def test_every_public_page_renders_with_one_h1(client, language, page):
    response = client.get(page.url(language))
    assert response.status_code == 200
    html = response.content.decode()
    assert len(tags(html, "h1")) == 1
    assert tags(html, "html")[0][1]["lang"] == language


@pytest.mark.parametrize("language", LANGS)
def test_head_has_canonical_and_hreflang_alternates(client, language):
    with translation.override(language):
        url = Entry.objects.get(number=7).get_absolute_url()
    html = client.get(url).content.decode()
    links = tags(html, "link")
    canonical = [a["href"] for t, a in links if a.get("rel") == "canonical"]
    assert canonical == [f"http://testserver{url}"]
    alternates = {a["hreflang"]: a["href"] for t, a in links if a.get("rel") == "alternate"}
    assert alternates == {
        "kk": "http://testserver/kk/faq/onirlik-kvota/",
        "ru": "http://testserver/ru/faq/onirlik-kvota/",
        "kk-Arab": "http://testserver/kk-arab/faq/onirlik-kvota/",
        "kk-Latn": "http://testserver/kk-latn/faq/onirlik-kvota/",
    }


@pytest.mark.parametrize("path", ["/kk/faq/jsn/", "/ru/clinics/pavlodar/?type=tuberculosis", "/kk/quota/2026/"])
def test_language_switch_leads_to_the_same_page(client, path):
    source, target = path[1:3], ("ru" if path.startswith("/kk/") else "kk")
    html = client.get(path).content.decode()
    assert tags(html, "html")[0][1]["lang"] == source
    switch = [a["href"] for t, a in tags(html, "a") if a.get("hreflang") == target]
    assert len(switch) == 1
    response = client.get(switch[0])
    assert response.status_code == 302
    expected = f"/{target}/" + path[4:]
    assert response["Location"] == expected
    assert response.cookies["lang"].value == target
    assert client.get(expected).status_code == 200
    assert parse_qs(urlsplit(switch[0]).query)["next"] == [expected]


def test_switch_refuses_foreign_targets(client):
    response = client.get("/language/ru/?next=https://evil.example/")
    assert response["Location"] == "/ru/"
    response = client.get("/language/xx/?next=/kk/faq/")
    assert response["Location"] == "/kk/faq/"


@pytest.mark.parametrize(
    "headers, cookie, expected",
    [
        ({}, None, "/kk/"),
        ({"HTTP_ACCEPT_LANGUAGE": "ru-RU,ru;q=0.9"}, None, "/ru/"),
        ({"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}, None, "/kk/"),
        ({"HTTP_ACCEPT_LANGUAGE": "kk-KZ,kk;q=0.9"}, None, "/kk/"),
        ({"HTTP_ACCEPT_LANGUAGE": "ru"}, "kk", "/kk/"),
        ({"HTTP_ACCEPT_LANGUAGE": "kk"}, "ru", "/ru/"),
    ],
)
def test_root_redirects_by_cookie_then_accept_language(client, headers, cookie, expected):
    if cookie:
        client.cookies["lang"] = cookie
    response = client.get("/", **headers)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"] and "Cookie" in response["Vary"]


@pytest.mark.parametrize("language, title", [("kk", "Бет табылмады"), ("ru", "Страница не найдена")])
def test_404_page_in_the_visitors_language(client, language, title):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert title in html
    assert len(tags(html, "h1")) == 1


@pytest.mark.parametrize("language, title", [("kk", "Қате орын алды"), ("ru", "Что-то пошло не так")])
def test_500_page_in_the_visitors_language(rf, language, title):
    from otandastar.views import server_error

    response = server_error(rf.get(f"/{language}/faq/"))
    assert response.status_code == 500
    assert title in response.content.decode()
    assert f'lang="{language}"' in response.content.decode()


def test_no_pending_migrations():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


@pytest.mark.parametrize("language, page", cases(PAGE_TYPES[:6]))
def test_pages_load_nothing_from_other_hosts(client, language, page):
    html = client.get(page.url(language)).content.decode()
    for tag, attrs in tags(html):
        assert not attrs.get("src", "/").startswith(("http", "//")), (tag, attrs)
        if tag == "link" and attrs.get("rel") == "stylesheet":
            assert attrs["href"].startswith("/static/"), attrs
