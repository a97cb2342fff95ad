"""sitemap.xml: every public page in both languages, each with its hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from clinics.models import QuotaYear, Region
from faq import selectors as faq_selectors
from faq.models import Entry


class I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = False  # "/" redirects by language; there is no language-neutral page to name


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


class Topics(I18nSitemap):
    def items(self):
        # Only topics with published entries are public (a draft topic's title is not).
        return faq_selectors.topics_with_counts().order_by("order")


class Regions(I18nSitemap):
    def items(self):
        return Region.objects.order_by("slug")


class QuotaYears(I18nSitemap):
    def items(self):
        return QuotaYear.objects.filter(published=True).order_by("-year")


SITEMAPS = {"pages": StaticPages, "entries": Entries, "topics": Topics, "regions": Regions, "quota": QuotaYears}
