"""Both languages everywhere: complete catalogs, no foreign interface text, local formats and alphabets,
and Russian content that keeps every fact of its Kazakh original."""

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import polib
import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from clinics.models import Clinic, ExaminationType, QuotaYear, Region
from faq import amounts
from faq.models import Entry, Topic
from journeys.models import Journey, Step
from tests.support.public_pages import LANGUAGES, PUBLIC_PAGES, cases

pytestmark = pytest.mark.django_db

CATALOGS = sorted(p for base in settings.LOCALE_PATHS for p in Path(base).glob("*/LC_MESSAGES/*.po"))
KAZAKH_LETTERS = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
LATIN = re.compile(r"[A-Za-z]")


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_catalog_is_complete_and_compiled(path):
    po = polib.pofile(str(path))
    assert len(po) > 0
    assert not po.untranslated_entries(), [e.msgid for e in po.untranslated_entries()][:5]
    assert not po.fuzzy_entries(), [e.msgid for e in po.fuzzy_entries()][:5]
    mo = polib.mofile(str(path.with_suffix(".mo")))
    compiled = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in mo}
    for entry in po.translated_entries():
        assert compiled.get((entry.msgctxt, entry.msgid)) == (entry.msgstr, entry.msgstr_plural), (
            f"{path.name}: compiled catalog is stale for {entry.msgid!r}; run `make messages`"
        )


class UIText(HTMLParser):
    """Text a visitor sees in the page's own language (text nodes and labelling attributes)."""

    VOID = {"meta", "link", "input", "br", "img", "hr", "source"}
    SKIP = {"script", "style"}

    def __init__(self, language):
        super().__init__()
        self.stack = [language]
        self.page_language = language
        self.skip = 0
        self.chunks = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang", self.stack[-1])
        if attrs.get("translate") == "no":
            lang = "none"  # a name written the same in every language (the foundation's oq.gov.kz)
        if tag in self.SKIP:
            self.skip += 1
        if lang == self.page_language:
            for name in ("aria-label", "title", "placeholder", "alt"):
                if attrs.get(name):
                    self.chunks.append(attrs[name])
        if tag not in self.VOID:
            self.stack.append(lang)

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skip -= 1
        if tag not in self.VOID and len(self.stack) > 1:
            self.stack.pop()

    def handle_data(self, data):
        if not self.skip and self.stack[-1] == self.page_language and data.strip():
            self.chunks.append(" ".join(data.split()))


def content_strings():
    """Every editable text (both languages): what remains after removing them is interface text."""
    values = set()
    for model, fields in (
        (Entry, ("question", "source")),
        (Topic, ("title",)),
        (Region, ("name", "short_name")),
        (ExaminationType, ("name", "short_name")),
        (Clinic, ("address", "transport", "note")),
        (QuotaYear, ("legal_order", "eligibility")),
        (Journey, ("title", "summary")),
        (Step, ("title", "summary", "cost", "duration")),
    ):
        for obj in model.objects.all():
            for field in fields:
                for lang in ("kk", "ru"):
                    value = getattr(obj, f"{field}_{lang}") or ""
                    values.update(line.strip() for line in value.splitlines() if line.strip())
        if model is Clinic:
            values.update(Clinic.objects.exclude(phone="").values_list("phone", flat=True))
    from clinics.selectors import tile_label

    for region in Region.objects.all():
        for lang in ("kk", "ru"):
            with translation.override(lang):
                values.add(tile_label(region))  # the quota map's short names
    for entry in Entry.objects.all():
        for lang in ("kk", "ru"):
            from editing.html import html_to_text

            html = getattr(entry, f"answer_{lang}") or ""
            values.update(" ".join(p.split()) for p in re.split(r"<[^>]+>", html) if p.strip())
            values.add(html_to_text(html))
            # "In short" is shown with its amounts written out.
            with translation.override(lang):
                values.add(str(amounts.expand(getattr(entry, f"summary_{lang}") or "")).strip())
    values.discard("")
    return sorted(values, key=len, reverse=True)


def interface_text(html, language, contents, url=""):
    # A search page echoes the visitor's query: that is not interface text either.
    query = parse_qs(urlsplit(url).query).get("q", [""])[0]
    contents = [query, *contents] if query else contents
    parser = UIText(language)
    parser.feed(html)
    text = " | ".join(parser.chunks).replace("\u00ad", "")  # soft hyphens in long names (quota map)
    for value in contents:
        if value in text:
            text = text.replace(value, " ")
    return text


@pytest.fixture(scope="module")
def contents(django_db_setup, django_db_blocker):
    """content_strings() of the seed, read once for the many pages of this module."""
    with django_db_blocker.unblock():
        return content_strings()


@pytest.fixture(scope="module")
def russian_only():
    """Russian interface texts that differ from their Kazakh translation."""
    kk = {
        (e.msgctxt, e.msgid): e
        for e in polib.pofile(str(settings.BASE_DIR / "otandastar/locale/kk/LC_MESSAGES/django.po"))
    }
    texts = set()
    for e in polib.pofile(str(settings.BASE_DIR / "otandastar/locale/ru/LC_MESSAGES/django.po")):
        kk_entry = kk.get((e.msgctxt, e.msgid))
        for text in [e.msgstr, *e.msgstr_plural.values()]:
            plain = re.sub(r"%\(\w+\)s", "", text).strip(" :«»“”")
            if (
                len(plain) > 4
                and kk_entry is not None
                and plain not in (kk_entry.msgstr, *kk_entry.msgstr_plural.values())
            ):
                texts.add(plain)
    assert texts
    return texts


@pytest.mark.parametrize("language, page", cases(PUBLIC_PAGES, ["ru"]))
def test_russian_pages_have_no_kazakh_or_untranslated_interface_text(client, contents, language, page):
    url = page.url(language)
    ui = interface_text(client.get(url).content.decode(), "ru", contents, url)
    # Proper names and quoted titles (НАО «Отандастар қоры») may keep their Kazakh spelling.
    ui = re.sub(r"«[^»]*»", "«»", ui)
    assert not KAZAKH_LETTERS.search(ui), (KAZAKH_LETTERS.findall(ui)[:5], ui[:500])
    assert not LATIN.search(ui), re.findall(r"[A-Za-z]+", ui)[:5]


@pytest.mark.parametrize("language, page", cases(PUBLIC_PAGES, ["kk"]))
def test_kazakh_pages_have_no_russian_or_untranslated_interface_text(client, contents, russian_only, language, page):
    url = page.url(language)
    ui = interface_text(client.get(url).content.decode(), "kk", contents, url)
    assert not LATIN.search(ui), re.findall(r"[A-Za-z]+", ui)[:5]
    found = [r for r in russian_only if r in ui]
    assert not found, found


def render(template, language, **context):
    with translation.override(language):
        return Template("{% load humanize %}" + template).render(Context(context))


def test_kazakh_date_and_number_formats():
    import datetime

    day = datetime.date(2026, 1, 12)
    assert render("{{ d|date }}", "kk", d=day) == "12 қаңтар 2026 ж."
    assert render("{{ d|date }}", "kk", d=datetime.date(2026, 9, 1)) == "1 қыркүйек 2026 ж."
    assert render("{{ d|date:'SHORT_DATE_FORMAT' }}", "kk", d=day) == "12.01.2026"
    assert render("{{ n|floatformat:2 }}", "kk", n=1234.5) == "1234,50"
    assert render("{{ n|intcomma }}", "kk", n=7028125) == "7\xa0028\xa0125"
    assert render("{{ d|date }}", "ru", d=day) == "12 января 2026 г."
    assert render("{{ n|floatformat:2 }}", "ru", n=1234.5) == "1234,50"


@pytest.mark.parametrize("language", LANGUAGES)
def test_region_lists_follow_each_alphabet(client, language):
    html = client.get(f"/{language}/clinics/").content.decode()
    with translation.override(language):
        names = [r.name for r in Region.objects.all()]
    positions = sorted(names, key=lambda n: html.index(f">{n}<"))
    from clinics.selectors import alphabet_key, sort_name

    with_rows = [n for n in positions if n in html.split("<h2>")[1]]
    assert len(with_rows) >= 2
    assert with_rows == sorted(with_rows, key=lambda n: alphabet_key(sort_name(n), language))


def test_region_lists_sort_marked_letters_and_ignore_city_and_region_words(client):
    kk = client.get("/kk/clinics/").content.decode()
    assert kk.index("Ақмола облысы") < kk.index("Жамбыл облысы")  # Ә/Ақ sort with А, not after Я
    ru = client.get("/ru/clinics/").content.decode()
    # «город», «область» are not part of the sort: Акмолинская, Алматы, Астана, Восточно-…, Жамбылская …
    assert (
        ru.index("Акмолинская область")
        < ru.index("город Алматы")
        < ru.index("город Астана")
        < ru.index("Восточно-Казахстанская область")
        < ru.index("Жамбылская область")
    )


def test_every_record_has_russian_text():
    for model, fields in (
        (Entry, ("question", "answer")),
        (Topic, ("title",)),
        (Region, ("name",)),
        (ExaminationType, ("name", "short_name")),
        (QuotaYear, ("legal_order", "eligibility")),
        (Journey, ("title", "summary")),
        (Step, ("title", "summary")),
    ):
        for obj in model.objects.all():
            for field in fields:
                assert getattr(obj, f"{field}_ru"), (model.__name__, obj.pk, field)
    for step in Step.objects.all():
        for field in ("cost", "duration"):
            assert bool(getattr(step, f"{field}_kk")) == bool(getattr(step, f"{field}_ru")), (step.pk, field)
    for entry in Entry.objects.all():
        assert bool(entry.summary_kk) == bool(entry.summary_ru), entry.number
    for entry in Entry.objects.exclude(source_kk=""):
        assert entry.source_ru, entry.number
    for row in Clinic.objects.all():
        for field in ("address", "transport", "note"):
            assert bool(getattr(row, f"{field}_kk")) == bool(getattr(row, f"{field}_ru")), (
                row.region.slug,
                row.position,
                field,
            )


URL = re.compile(r"""(?:https?://|mailto:)[^\s"'<>«»]+""")


# The Kazakh and Russian versions of one page (adilet /kaz/ ↔ /rus/, gov.kz ?lang=kk ↔ ?lang=ru) are one link.
SAME_PAGE = [
    (re.compile(r"^(https://adilet\.zan\.kz/)(?:kaz|rus)/"), r"\1*/"),
    (re.compile(r"([?&]lang=)(?:kk|ru)\b"), r"\1*"),
]


def same_page(url):
    for pattern, replacement in SAME_PAGE:
        url = pattern.sub(replacement, url)
    return url


def facts(text):
    """Digit runs and link targets: what a translation must carry over unchanged."""
    return Counter(re.findall(r"\d+", text)), sorted({same_page(u.rstrip(".,;)")) for u in URL.findall(text)})


@pytest.mark.parametrize("number", range(1, 28))
def test_russian_entry_keeps_the_facts_of_its_kazakh_original(number):
    entry = Entry.objects.get(number=number)
    for field in ("question", "answer", "source"):
        kk, ru = getattr(entry, f"{field}_kk") or "", getattr(entry, f"{field}_ru") or ""
        assert facts(ru) == facts(kk), (number, field)


def test_russian_clinic_rows_keep_every_number():
    for row in Clinic.objects.all():
        for field in ("address", "transport", "note"):
            kk, ru = getattr(row, f"{field}_kk") or "", getattr(row, f"{field}_ru") or ""
            assert facts(ru) == facts(kk), (row.region.slug, row.position, field)
