"""Search engines and sharing: sitemap with hreflang, robots.txt, descriptions, Open Graph, JSON-LD."""

import json
import re

import pytest

from faq.models import Entry
from tests.conftest import tags
from tests.support.public_pages import LANGUAGES, PAGE_TYPES, PUBLIC_PAGES, cases

pytestmark = pytest.mark.django_db


def jsonld_blocks(html):
    return [
        json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


@pytest.mark.parametrize("language, page", cases(PUBLIC_PAGES[1:5] + PUBLIC_PAGES[len(PAGE_TYPES) :]))
def test_sitemap_lists_the_page_with_its_alternates(client, language, page):
    xml = client.get("/sitemap.xml").content.decode()
    url = page.url(language)
    assert f"<loc>http://testserver{url}</loc>" in xml
    for other in LANGUAGES:
        assert f'hreflang="{other}" href="http://testserver{page.url(other)}"' in xml


def test_robots_txt_points_to_the_sitemap_and_hides_admin_and_search(client):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text and "Disallow: /kk/search/" in text


def test_entry_page_has_faq_jsonld_description_and_open_graph(client):
    entry = Entry.objects.get(number=7)
    html = client.get("/ru/faq/onirlik-kvota/").content.decode()
    faq = [b for b in jsonld_blocks(html) if b["@type"] == "FAQPage"][0]
    assert faq["mainEntity"][0]["name"] == entry.question_ru
    assert "2281" in faq["mainEntity"][0]["acceptedAnswer"]["text"]
    meta = {a.get("property") or a.get("name"): a.get("content") for t, a in tags(html, "meta")}
    assert meta["description"].startswith("Региональная квота приема кандасов")
    assert meta["og:title"] == entry.question_ru
    assert meta["og:url"] == "http://testserver/ru/faq/onirlik-kvota/"
    assert meta["og:locale"] == "ru_RU" and meta["og:type"] == "article"


@pytest.mark.parametrize(
    "url", ["/kk/", "/kk/faq/", "/ru/faq/jsn/", "/kk/clinics/pavlodar/", "/ru/quota/", "/kk/faq/topic/education/"]
)
def test_every_page_has_a_breadcrumb_list(client, url):
    html = client.get(url).content.decode()
    crumbs = [b for b in jsonld_blocks(html) if b["@type"] == "BreadcrumbList"][0]["itemListElement"]
    assert crumbs[0]["item"] == f"http://testserver/{url[1:3]}/"
    assert crumbs[-1]["item"] == f"http://testserver{url}"
    assert [c["position"] for c in crumbs] == list(range(1, len(crumbs) + 1))
