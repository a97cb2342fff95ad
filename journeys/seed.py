"""Seed journeys: one TOML file per journey in journeys/seed/, loaded after the faq entries they cite."""

from pathlib import Path

from django.conf import settings

from editing.models import SeedRecord
from editing.seeding import LoadStats, load_record, read_toml
from faq.models import Entry

from .models import Journey, Step

SEED_DIR = Path(__file__).resolve().parent / "seed"


def _translated(data: dict, *names: str) -> dict:
    return {f"{n}_{lang}": data.get(f"{n}_{lang}", "") for n in names for lang in settings.MODELTRANSLATION_LANGUAGES}


def journey_files() -> list[Path]:
    return sorted(SEED_DIR.glob("*.toml"))


def load(stats: LoadStats) -> None:
    for path in journey_files():
        data = read_toml(path)
        slug = data["journey"]["slug"]
        journey = load_record(
            f"journeys.journey:{slug}",
            Journey,
            {"slug": slug},
            {"order": data["journey"].get("order", 0), **_translated(data["journey"], "title", "summary")},
            stats,
        )
        if journey is None:  # an editor deleted it: its steps are not recreated either
            continue
        for step_data in data["step"]:
            key = f"journeys.step:{slug}:{step_data['key']}"
            new = not SeedRecord.objects.filter(key=key).exists()
            step = load_record(
                key,
                Step,
                {"journey": journey, "order": step_data["order"]},
                {
                    "relation": step_data.get("relation", ""),
                    **_translated(step_data, "title", "summary", "cost", "duration"),
                },
                stats,
            )
            if step is not None and new:
                # Cited entries are set once, with the step; afterwards they are the editors' to change.
                step.entries.set(Entry.objects.filter(number__in=step_data["entries"]))
