"""Seed content of the regional directory: regions, examination types, clinic rows, quotas."""

from pathlib import Path

from django.conf import settings

from editing.seeding import LoadStats, load_record, read_toml

from .models import Clinic, ExaminationType, Quota, QuotaYear, Region

SEED_DIR = Path(__file__).resolve().parent / "seed"


def _translated(data: dict, **names: str) -> dict:
    """Map seed keys (e.g. short_kk) to model fields (short_name_kk)."""
    return {
        f"{field}_{lang}": (data.get(f"{key}_{lang}", "") or "").strip()
        for field, key in names.items()
        for lang in settings.MODELTRANSLATION_LANGUAGES
    }


def load_regions(stats: LoadStats) -> None:
    for data in read_toml(SEED_DIR / "regions.toml")["region"]:
        load_record(
            f"clinics.region:{data['slug']}",
            Region,
            {"slug": data["slug"]},
            {"kind": data["kind"], **_translated(data, name="name", short_name="short")},
            stats,
        )
    for data in read_toml(SEED_DIR / "examination_types.toml")["type"]:
        load_record(
            f"clinics.type:{data['slug']}",
            ExaminationType,
            {"slug": data["slug"]},
            {"order": data["order"], **_translated(data, name="name", short_name="short")},
            stats,
            replaces=data.get("replaces"),  # corrected names (editing/seeding.py)
        )


def load_directory(stats: LoadStats) -> None:
    regions = {r.slug: r for r in Region.objects.all()}
    types = {t.slug: t for t in ExaminationType.objects.all()}
    for data in read_toml(SEED_DIR / "clinics.toml")["clinic"]:
        region, exam = regions.get(data["region"]), types.get(data["type"])
        if region is None or exam is None:
            continue  # an editor deleted the region or type; nothing to attach the row to
        key = f"clinics.clinic:{data['region']}:{data['position']}"
        values = {
            "examination_type": exam,
            "phone": data.get("phone", ""),
            **_translated(data, address="address", transport="transport", note="note"),
        }
        load_record(
            key,
            Clinic,
            {"region": region, "position": data["position"]},
            values,
            stats,
            replaces=data.get("replaces"),  # corrected texts (editing/seeding.py)
        )


def load_quotas(stats: LoadStats) -> None:
    regions = {r.slug: r for r in Region.objects.all()}
    for data in read_toml(SEED_DIR / "quotas.toml")["year"]:
        year = load_record(
            f"clinics.quotayear:{data['year']}",
            QuotaYear,
            {"year": data["year"]},
            # The source's orders are in force and list every region they give a quota to.
            {"published": True, "final": True, **_translated(data, legal_order="order", eligibility="eligibility")},
            stats,
        )
        if year is None:
            continue
        for slug, count in data["counts"].items():
            region = regions.get(slug)
            if region is None:
                continue
            load_record(
                f"clinics.quota:{data['year']}:{slug}",
                Quota,
                {"quota_year": year, "region": region},
                {"count": count},
                stats,
            )
