"""The public pages, listed at collection time from the seed files (no database needed), so that each
page can be its own parametrized test case.

A Page is a URL name with its arguments; page.url(language) resolves it in that language.
tests/test_site.py checks that this list covers every topic, entry and region in the database.
"""

import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("kk", "ru")


def _toml(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


TOPIC_SLUGS = [topic["slug"] for topic in _toml(ROOT / "faq/seed/topics.toml")["topic"]]
ENTRY_SLUGS = [_toml(path)["slug"] for path in sorted((ROOT / "faq/seed/entries").glob("*.toml"))]
REGION_SLUGS = [region["slug"] for region in _toml(ROOT / "clinics/seed/regions.toml")["region"]]
JOURNEY_SLUGS = [_toml(path)["journey"]["slug"] for path in sorted((ROOT / "journeys/seed").glob("*.toml"))]


@dataclass(frozen=True)
class Page:
    name: str
    slug: str = ""
    year: int = 0
    query: str = ""

    def url(self, language: str) -> str:
        kwargs = {"slug": self.slug} if self.slug else {"year": self.year} if self.year else {}
        with translation.override(language):
            return reverse(self.name, kwargs=kwargs) + (f"?q={self.query}" if self.query else "")

    @property
    def id(self) -> str:
        return "-".join(filter(None, [self.name, self.slug, str(self.year or ""), self.query and f"q={self.query}"]))


# One page of every public page type.
PAGE_TYPES = [
    Page("home"),
    Page("faq:index"),
    Page("clinics:directory"),
    Page("clinics:quota"),
    Page("clinics:quota_year", year=2026),
    Page("search", query="квота"),
    Page("search", query="zzzzqqq"),
    Page("search"),
    Page("journeys:journey", slug=JOURNEY_SLUGS[0]),
    Page("contacts:page"),
]
# … plus every topic, entry and region page.
PUBLIC_PAGES = [
    *PAGE_TYPES,
    *(Page("faq:topic", slug=slug) for slug in TOPIC_SLUGS),
    *(Page("faq:entry", slug=slug) for slug in ENTRY_SLUGS),
    *(Page("clinics:region", slug=slug) for slug in REGION_SLUGS),
    *(Page("journeys:journey", slug=slug) for slug in JOURNEY_SLUGS[1:]),
]


def cases(pages, languages=LANGUAGES) -> list:
    """(language, page) parameters, one test case for each page in each language."""
    return [pytest.param(language, page, id=f"{language}:{page.id}") for language in languages for page in pages]
