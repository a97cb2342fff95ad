"""The Arabic-script and Latin pages: generated from the Kazakh page, linked to it, cached like it."""

import json
import re
from html.parser import HTMLParser

import pytest

from scripts.translit import CYRILLIC, to_arabic
from tests.support.public_pages import PUBLIC_PAGES, cases

pytestmark = pytest.mark.django_db

SCRIPT_LANGUAGES = ("kk-arab", "kk-latn")
CYRILLIC_LETTER = re.compile(f"[{CYRILLIC}]")
SHOWN_ATTRIBUTES = {"title", "alt", "aria-label", "placeholder", "data-label", "label"}


class VisibleText(HTMLParser):
    """What a reader sees or hears, and what machines read (meta content, JSON-LD), except inside
    an element marked as another language (the language switch's «Қазақша», «Русский»)."""

    def __init__(self):
        super().__init__()
        self.texts, self.stack, self.in_script, self.jsonld = [], [], None, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        foreign = attrs.get("lang") in ("kk", "ru")
        if tag not in ("meta", "link", "input", "br", "img", "hr", "source", "wbr"):
            self.stack.append(foreign)
        if any(self.stack):
            return
        self.in_script = tag if tag in ("script", "style") else None
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self.in_script = "jsonld"
        self.texts += [value for name, value in attrs.items() if name in SHOWN_ATTRIBUTES and value]
        if tag == "meta" and attrs.get("content"):
            self.texts.append(attrs["content"])

    def handle_endtag(self, tag):
        if self.stack:
            self.stack.pop()
        self.in_script = None

    def handle_data(self, data):
        if any(self.stack) or self.in_script in ("script", "style"):
            return
        (self.jsonld if self.in_script == "jsonld" else self.texts).append(data)


def visible(html: str) -> VisibleText:
    parser = VisibleText()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("language, page", cases(PUBLIC_PAGES, SCRIPT_LANGUAGES))
def test_every_page_has_no_cyrillic_letter_in_what_is_read(client, language, page):
    response = client.get(page.url(language))
    assert response.status_code == 200
    html = response.content.decode()
    parsed = visible(html)
    cyrillic = [text for text in parsed.texts + parsed.jsonld if CYRILLIC_LETTER.search(text)]
    assert cyrillic == []
    assert parsed.texts and parsed.jsonld
    # The switch names Kazakh and Russian in their own script, on purpose (lang="kk", lang="ru").
    assert '<a href="/language/ru/' in html and ">Русский</a>" in html


@pytest.mark.parametrize("language, tag, direction", [("kk-arab", "kk-Arab", ' dir="rtl"'), ("kk-latn", "kk-Latn", "")])
def test_html_language_tag_and_direction(client, language, tag, direction):
    response = client.get(f"/{language}/faq/jsn/")
    html = response.content.decode()
    assert f'<html lang="{tag}"{direction}>' in html
    assert response["Content-Language"] == language
    faq = [json.loads(b) for b in re.findall(r'ld\+json">(.*?)</script>', html, re.S)]
    assert {"inLanguage": tag}.items() <= [b for b in faq if b["@type"] == "FAQPage"][0].items()


def test_the_cyrillic_kazakh_page_is_left_as_it_is(client):
    html = client.get("/kk/faq/jsn/").content.decode()
    assert '<html lang="kk">' in html and "Жеке сәйкестендіру нөмірі" in html


def test_latin_page_spells_the_kazakh_page(client):
    html = client.get("/kk-latn/faq/jsn/").content.decode()
    assert "Jeke säikestendıru nömırı" in html
    assert "https://" in html and "ЖСН" not in html


@pytest.mark.parametrize("path", ["/kk/faq/jsn/", "/ru/quota/", "/kk-arab/", "/kk-latn/clinics/pavlodar/"])
def test_every_page_names_all_four_versions_with_hreflang(client, path):
    html = client.get(path).content.decode()
    rest = path.split("/", 2)[2]
    for tag, prefix in (("kk", "kk"), ("ru", "ru"), ("kk-Arab", "kk-arab"), ("kk-Latn", "kk-latn")):
        assert f'<link rel="alternate" hreflang="{tag}" href="http://testserver/{prefix}/{rest}">' in html


def test_the_sitemap_lists_the_script_pages_with_their_tags(client):
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/kk-arab/faq/jsn/</loc>" in xml
    assert "<loc>http://testserver/kk-latn/faq/jsn/</loc>" in xml
    assert 'hreflang="kk-Arab" href="http://testserver/kk-arab/faq/jsn/"' in xml
    assert 'hreflang="kk-Latn" href="http://testserver/kk-latn/faq/jsn/"' in xml
    assert 'hreflang="kk-arab"' not in xml


def test_the_switch_keeps_the_page_and_the_choice_is_remembered(client):
    html = client.get("/kk/faq/jsn/").content.decode()
    assert (
        'href="/language/kk-arab/?next=%2Fkk-arab%2Ffaq%2Fjsn%2F" hreflang="kk-Arab" lang="kk-Arab">قازاقشا</a>' in html
    )
    assert 'hreflang="kk-Latn" lang="kk-Latn">Qazaqşa</a>' in html
    response = client.get("/language/kk-arab/?next=/kk-arab/faq/jsn/")
    assert response.status_code == 302 and response["Location"] == "/kk-arab/faq/jsn/"
    assert response.cookies["lang"].value == "kk-arab"
    assert client.get("/")["Location"] == "/kk-arab/"
    # And back to Cyrillic from the Arabic page.
    html = client.get("/kk-arab/faq/jsn/").content.decode()
    assert 'href="/language/kk/?next=%2Fkk%2Ffaq%2Fjsn%2F" hreflang="kk" lang="kk">Қазақша</a>' in html


@pytest.mark.parametrize(
    "accept, location",
    [
        ("kk-Arab", "/kk-arab/"),
        ("kk-CN,kk;q=0.9", "/kk-arab/"),
        ("kk-Latn-KZ, ru;q=0.5", "/kk-latn/"),
        ("kk-KZ", "/kk/"),
        ("ru-RU,ru;q=0.9", "/ru/"),
        ("zh-CN,zh;q=0.9,en;q=0.8", "/kk/?offer=arab"),
        ("zh-CN,ru;q=0.8", "/ru/"),
        ("en-US", "/kk/"),
    ],
)
def test_first_visit_goes_to_the_script_the_browser_asks_for(client, accept, location):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302 and response["Location"] == location
    assert "Accept-Language" in response["Vary"]


def test_a_chinese_browser_gets_the_kazakh_page_with_an_offer_in_arabic_script(client):
    offer = to_arabic("Бұл сайтты төте жазумен оқыңыз")
    html = client.get("/kk/?offer=arab").content.decode()
    assert (
        '<p class="script-offer" lang="kk-Arab" dir="rtl">'
        f'<a href="/language/kk-arab/?next=%2Fkk-arab%2F">{offer}</a></p>' in html
    )
    assert "script-offer" not in client.get("/kk/").content.decode()
    assert "script-offer" not in client.get("/ru/?offer=arab").content.decode()


def test_script_pages_are_cached_transliterated(client, django_assert_num_queries):
    first = client.get("/kk-latn/faq/jsn/")
    with django_assert_num_queries(0):
        second = client.get("/kk-latn/faq/jsn/")
    assert second.content == first.content and "Jeke säikestendıru" in second.content.decode()
    assert client.get("/kk/faq/jsn/").content != first.content


def test_not_found_and_search_pages_are_transliterated(client):
    response = client.get("/kk-arab/no-such-page/")
    assert response.status_code == 404
    assert not CYRILLIC_LETTER.search("".join(visible(response.content.decode()).texts))
    html = client.get("/kk-arab/search/", {"q": "<mark>квота</mark>"}).content.decode()
    assert not CYRILLIC_LETTER.search("".join(visible(html).texts).replace("квота", ""))
