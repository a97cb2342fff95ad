"""The Russian content a reviewer checked (issue 15): official terminology, Russian versions of linked
official pages, one spelling convention for «ё»."""

import re
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.conf import settings

from faq.models import Entry
from faq.seed import entry_files

pytestmark = pytest.mark.django_db

WRONG_TERM = re.compile(r"центр\w*\s+карьеры", re.IGNORECASE)  # «Мансап орталығы» is «карьерный центр»
CAREER_CENTRE_KK = re.compile(r"мансап\s+орталы", re.IGNORECASE)
CAREER_CENTRE_RU = re.compile(r"карьерн\w+\s+центр", re.IGNORECASE)
# Official sites whose pages exist in Russian at a known address: how a Russian-version link looks.
RUSSIAN_VERSION = {
    "adilet.zan.kz": lambda url: "/rus/" in url,
    "www.gov.kz": lambda url: "lang=ru" in url,
}


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a" and dict(attrs).get("href"):
            self.hrefs.append(dict(attrs)["href"])


def hrefs(html):
    parser = Links()
    parser.feed(html)
    return parser.hrefs


def russian_page(entry, client):
    return client.get(f"/ru/faq/{entry.slug}/").content.decode()


@pytest.mark.parametrize("path", entry_files(), ids=lambda p: p.name)
def test_no_seed_file_says_centr_karery(path):
    # Comments may quote the old wording; the content may not.
    content = "\n".join(line for line in path.read_text().splitlines() if not line.lstrip().startswith("#"))
    assert not WRONG_TERM.search(content)


@pytest.mark.parametrize("number", range(1, 28))
def test_russian_text_says_karernyi_centr_where_the_kazakh_says_mansap_ortalygy(client, number):
    entry = Entry.objects.get(number=number)
    for field in ("question", "answer", "source"):
        assert not WRONG_TERM.search(getattr(entry, f"{field}_ru") or ""), field
        kk, ru = getattr(entry, f"{field}_kk") or "", getattr(entry, f"{field}_ru") or ""
        assert len(CAREER_CENTRE_RU.findall(ru)) == len(CAREER_CENTRE_KK.findall(kk)), field
    page = russian_page(entry, client)
    assert not WRONG_TERM.search(page)
    if CAREER_CENTRE_KK.search(entry.answer_kk):
        assert CAREER_CENTRE_RU.search(page)


def test_the_entries_the_issue_named_use_the_term():
    numbers = sorted(e.number for e in Entry.objects.all() if CAREER_CENTRE_KK.search(e.answer_kk))
    assert numbers == [3, 11, 16, 27]


@pytest.mark.parametrize("number", range(1, 28))
def test_russian_pages_link_the_russian_version_of_official_pages(client, number):
    entry = Entry.objects.get(number=number)
    page = russian_page(entry, client)
    texts = [*hrefs(page), *re.findall(r"https?://\S+", entry.source_ru or "")]
    for url in texts:
        for host, is_russian in RUSSIAN_VERSION.items():
            if f"//{host}/" in url:
                assert is_russian(url), url


def test_the_kazakh_pages_keep_the_kazakh_versions(client):
    page = client.get("/kk/faq/ata-joly-kartasy/").content.decode()
    assert "https://adilet.zan.kz/kaz/docs/U050001587" in hrefs(page)
    assert "https://adilet.zan.kz/rus/docs/U050001587" in hrefs(russian_page(Entry.objects.get(number=13), client))


def test_russian_content_and_interface_write_e_not_yo():
    for entry in Entry.objects.all():
        for field in ("question", "answer", "source"):
            assert "ё" not in (getattr(entry, f"{field}_ru") or "").lower(), (entry.number, field)
    for base in settings.LOCALE_PATHS:
        for path in Path(base).glob("ru/LC_MESSAGES/*.po"):
            for item in polib.pofile(str(path)):
                for text in (item.msgstr, *item.msgstr_plural.values()):
                    assert "ё" not in text.lower(), (path.name, item.msgid)
