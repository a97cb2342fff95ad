"""All reads of regions, clinic rows and quotas in one place; views stay thin."""

import datetime

from django.db.models import Count, Max, Prefetch, QuerySet
from django.utils import timezone

from scripts.languages import content_language
from search.textfold import fold

from .models import Clinic, ExaminationType, Quota, QuotaYear, Region

# Alphabets in their official order; databases sort by code point and would put Қ/Ә/Ө after Я.
ALPHABETS = {
    "kk": "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
}


def alphabet_key(text: str, language: str):
    """Sort key that follows the language's alphabet (other characters after, by code point)."""
    alphabet = ALPHABETS.get(language, ALPHABETS["ru"])
    # Letters foreign to the alphabet (Kazakh letters in a Russian list) sort by their plain twin.
    order = {ch: i for i, ch in enumerate(alphabet)}
    key = []
    for ch in (text or "").lower():
        if ch in order:
            key.append((0, order[ch], 0))
        else:
            twin = fold(ch)
            if twin in order:
                key.append((0, order[twin], 1))
            else:
                key.append((1, ord(ch), 0))
    return key


GENERIC_WORDS = {"облысы", "область", "қаласы", "город"}


def sort_name(name: str) -> str:
    """A region's name without «облысы», «область», «қаласы», «город», for alphabetical lists."""
    return " ".join(word for word in name.split() if word not in GENERIC_WORDS) or name


def _by_name(items, language=None):
    language = language or content_language()
    return sorted(items, key=lambda item: alphabet_key(sort_name(item.name), language))


def regions_with_counts() -> list[Region]:
    """All regions with `row_count`, in the alphabet of the active language."""
    return _by_name(Region.objects.annotate(row_count=Count("clinics")))


def directory() -> dict:
    """The examination types and the regions (with `row_count`), split by whether they have rows."""
    regions = regions_with_counts()
    return {
        "types": ExaminationType.objects.order_by("order", "pk"),
        "regions_with_rows": [r for r in regions if r.row_count],
        "regions_without_rows": [r for r in regions if not r.row_count],
    }


def get_region(slug: str) -> Region | None:
    return Region.objects.filter(slug=slug).first()


def region_examination_types(region: Region) -> QuerySet[ExaminationType]:
    return ExaminationType.objects.filter(clinics__region=region).distinct().order_by("order", "pk")


def region_clinics(region: Region, examination_type: ExaminationType | None = None) -> QuerySet[Clinic]:
    rows = Clinic.objects.filter(region=region).select_related("examination_type", "region")
    if examination_type is not None:
        rows = rows.filter(examination_type=examination_type)
    return rows.order_by("position", "pk")


def quota_year_is_public(quota_year: QuotaYear, *, region_count: int, today=None) -> bool:
    """Published, in force (its "shown from" date has come) and complete: every region has a count, or the
    editor marked the year final. Until a new year is all three, the public pages keep the previous one."""
    today = today or timezone.localdate()
    shown_from = quota_year.shown_from or datetime.date(quota_year.year, 1, 1)
    complete = quota_year.final or quota_year.region_total >= region_count
    return quota_year.published and shown_from <= today and complete


def public_quota_years() -> list[QuotaYear]:
    """The years the public pages show, latest first (there are a few years: checked in Python)."""
    region_count = Region.objects.count()
    years = QuotaYear.objects.filter(published=True).annotate(region_total=Count("quotas")).order_by("-year")
    return [y for y in years if quota_year_is_public(y, region_count=region_count)]


def get_quota_year(year: int | None = None, *, preview: bool = False) -> QuotaYear | None:
    """The given public year, or the latest public one, with `rows` (regions in alphabet order), `total` and
    `is_public`. With `preview` (staff), the given year whatever its state."""
    public = {y.year for y in public_quota_years()}
    if year is None:
        if not public:
            return None
        year = max(public)
    elif year not in public and not preview:
        return None
    quota_year = (
        QuotaYear.objects.filter(year=year)
        .prefetch_related(Prefetch("quotas", queryset=Quota.objects.select_related("region"), to_attr="quota_list"))
        .first()
    )
    if quota_year is not None:
        language = content_language()
        quota_year.is_public = year in public
        # A count of 0 says the order leaves the region out: it completes the year but is not listed.
        rows = [q for q in quota_year.quota_list if q.count]
        quota_year.rows = sorted(rows, key=lambda q: alphabet_key(sort_name(q.region.name), language))
        quota_year.total = sum(q.count for q in quota_year.quota_list)
    return quota_year


# A schematic map: each region a tile, placed roughly where it lies (column, row; west→east, north→south).
TILE_LAYOUT = {
    "west-kazakhstan": (0, 0),
    "aktobe": (1, 0),
    "kostanay": (2, 0),
    "north-kazakhstan": (3, 0),
    "pavlodar": (4, 0),
    "atyrau": (0, 1),
    "ulytau": (2, 1),
    "akmola": (3, 1),
    "astana": (4, 1),
    "east-kazakhstan": (5, 1),
    "mangystau": (0, 2),
    "kyzylorda": (1, 2),
    "karaganda": (3, 2),
    "abai": (4, 2),
    "turkistan": (1, 3),
    "shymkent": (2, 3),
    "jambyl": (3, 3),
    "almaty-region": (4, 3),
    "jetisu": (5, 3),
    "almaty": (4, 4),
}


def tile_label(region: Region) -> str:
    """A short name for a tile: the abbreviation, or the name without «облысы»/«область»."""
    if region.short_name:
        return region.short_name
    if region.kind == Region.Kind.OBLAST:
        return sort_name(region.name)
    return region.name


def quota_tile_map(quota_year: QuotaYear) -> dict:
    """All regions as tiles of a grid (CSS classes c1…, r1… place them), those in the quota marked."""
    in_quota = {q.region_id: q.count for q in quota_year.rows}
    tiles = []
    for region in Region.objects.filter(slug__in=TILE_LAYOUT):
        column, row = TILE_LAYOUT[region.slug]
        tiles.append(
            {"label": tile_label(region), "count": in_quota.get(region.pk), "column": column + 1, "row": row + 1}
        )
    return {"tiles": sorted(tiles, key=lambda t: (t["row"], t["column"]))}


def quota_bars(quota_year: QuotaYear) -> dict:
    """Bars for the year's quota, largest first, as percentages of the largest."""
    rows = sorted(quota_year.rows, key=lambda q: -q.count)
    largest = max((q.count for q in rows), default=0) or 1
    return {
        "bars": [
            {"quota": q, "label": tile_label(q.region), "percent": max(1, round(q.count * 100 / largest))} for q in rows
        ]
    }


def next_clinic_position(region: Region) -> int:
    """The position after the region's last row: where a new row goes unless the editor says otherwise."""
    return (Clinic.objects.filter(region=region).aggregate(last=Max("position"))["last"] or 0) + 1


def regions_in_alphabet_order(language=None) -> list[Region]:
    """All regions by name in the alphabet of the language (the admin's region filters)."""
    return _by_name(Region.objects.all(), language)


def regions_with_examination(examination_type: ExaminationType) -> list[Region]:
    """The regions that have rows for an examination type (with their `row_count` of it), in alphabet order."""
    regions = Region.objects.filter(clinics__examination_type=examination_type).annotate(row_count=Count("clinics"))
    return _by_name(regions)


def nearest_listed_regions(region: Region, limit: int = 3) -> list[Region]:
    """Regions that list institutions and touch `region` on the quota page's tile map (TILE_LAYOUT),
    sides before corners, at most `limit`; none for a region not on the map.

    The map is schematic (each region a tile placed roughly where it lies), so this is a hint for the
    reader, not a distance: the page says so.
    """
    if region.slug not in TILE_LAYOUT:
        return []
    column, row = TILE_LAYOUT[region.slug]
    candidates = []
    for other in Region.objects.filter(slug__in=TILE_LAYOUT).exclude(pk=region.pk).annotate(row_count=Count("clinics")):
        other_column, other_row = TILE_LAYOUT[other.slug]
        reach = (other_column - column) ** 2 + (other_row - row) ** 2
        if other.row_count and reach <= 2:  # a side (1) or a corner (2) touches
            candidates.append((reach, other))
    language = content_language()
    candidates.sort(key=lambda pair: (pair[0], alphabet_key(sort_name(pair[1].name), language)))
    return [other for _reach, other in candidates[:limit]]
