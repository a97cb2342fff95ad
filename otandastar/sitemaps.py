"""sitemap.xml: every public page in both languages, each with its hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from clinics import selectors as clinic_selectors
from clinics.models import Region
from faq import selectors as faq_selectors
from faq.models import Entry
from journeys import selectors as journey_selectors
from scripts.languages import language_tag


class I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = False  # "/" redirects by language; there is no language-neutral page to name

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url in urls:  # hreflang="kk-Arab", not the URL prefix's "kk-arab"
            for alternate in url["alternates"]:
                alternate["lang_code"] = language_tag(alternate["lang_code"])
        return urls


class StaticPages(I18nSitemap):
    priority = 0.8

    def items(self):
        return ["home", "faq:index", "clinics:directory", "clinics:quota", "contacts:page"]

    def location(self, item):
        return reverse(item)


class Entries(I18nSitemap):
    priority = 1.0

    def items(self):
        return Entry.objects.published().only("slug", "updated").order_by("number")

    def lastmod(self, entry):
        return entry.updated


class Journeys(I18nSitemap):
    priority = 1.0

    def items(self):
        return journey_selectors.published_journeys()

    def lastmod(self, journey):
        return journey.updated


class Topics(I18nSitemap):
    def items(self):
        # Only topics with published entries are public (a draft topic's title is not).
        return faq_selectors.topics_with_counts().order_by("order")


class Regions(I18nSitemap):
    def items(self):
        return Region.objects.order_by("slug")


class QuotaYears(I18nSitemap):
    def items(self):
        # Only years in force and complete; a year being entered is not public yet.
        return clinic_selectors.public_quota_years()


SITEMAPS = {
    "pages": StaticPages,
    "journeys": Journeys,
    "entries": Entries,
    "topics": Topics,
    "regions": Regions,
    "quota": QuotaYears,
}
