"""All reads of regions, clinic rows and quotas in one place; views stay thin."""

from django.db.models import Count, Prefetch, QuerySet
from django.utils.translation import get_language

from otandastar.textfold import alphabet_key

from .models import Clinic, ExaminationType, Quota, QuotaYear, Region


def _by_name(items, language=None):
    language = language or get_language()
    return sorted(items, key=lambda item: alphabet_key(item.name, language))


def regions_with_counts() -> list[Region]:
    """All regions with `row_count`, in the alphabet of the active language."""
    return _by_name(Region.objects.annotate(row_count=Count("clinics")))


def get_region(slug: str) -> Region | None:
    return Region.objects.filter(slug=slug).first()


def region_examination_types(region: Region) -> QuerySet[ExaminationType]:
    return ExaminationType.objects.filter(clinics__region=region).distinct().order_by("order", "pk")


def region_clinics(region: Region, examination_type: ExaminationType | None = None) -> QuerySet[Clinic]:
    rows = Clinic.objects.filter(region=region).select_related("examination_type")
    if examination_type is not None:
        rows = rows.filter(examination_type=examination_type)
    return rows.order_by("position", "pk")


def published_quota_years() -> QuerySet[QuotaYear]:
    return QuotaYear.objects.filter(published=True).order_by("-year")


def get_quota_year(year: int | None = None) -> QuotaYear | None:
    """The given published year, or the latest one, with `rows` (regions in alphabet order) and `total`."""
    years = published_quota_years().prefetch_related(
        Prefetch("quotas", queryset=Quota.objects.select_related("region"), to_attr="quota_list")
    )
    quota_year = years.filter(year=year).first() if year is not None else years.first()
    if quota_year is not None:
        language = get_language()
        quota_year.rows = sorted(quota_year.quota_list, key=lambda q: alphabet_key(q.region.name, language))
        quota_year.total = sum(q.count for q in quota_year.quota_list)
    return quota_year
