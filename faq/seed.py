"""Seed content of the FAQ: faq/seed/topics.toml and one file per entry in faq/seed/entries/."""

from pathlib import Path

from django.conf import settings

from editing.html import clean_html
from editing.seeding import LoadStats, load_record, read_toml

from .models import Entry, Mci, Topic

SEED_DIR = Path(__file__).resolve().parent / "seed"


def _translated(data: dict, *names: str) -> dict:
    return {f"{n}_{lang}": data.get(f"{n}_{lang}", "") for n in names for lang in settings.MODELTRANSLATION_LANGUAGES}


def entry_files() -> list[Path]:
    return sorted((SEED_DIR / "entries").glob("*.toml"))


def load(stats: LoadStats) -> None:
    for data in read_toml(SEED_DIR / "mci.toml")["mci"]:
        load_record(f"faq.mci:{data['year']}", Mci, {"year": data["year"]}, {"value": data["value"]}, stats)

    topics = {}
    for data in read_toml(SEED_DIR / "topics.toml")["topic"]:
        topic = load_record(
            f"faq.topic:{data['slug']}",
            Topic,
            {"slug": data["slug"]},
            {"order": data["order"], **_translated(data, "title")},
            stats,
        )
        topics[data["slug"]] = topic

    for path in entry_files():
        data = read_toml(path)
        topic = topics.get(data["topic"]) or Topic.objects.filter(slug=data["topic"]).first()
        if topic is None:
            # The editor deleted the topic; the entry cannot be placed, so it is not recreated.
            continue
        values = {
            "slug": data["slug"],
            "topic": topic,
            "feature": data.get("feature", ""),
            # The reference's answers are public; a new entry an editor adds starts as a draft.
            "published": True,
            **_translated(data, "question", "answer", "source", "summary"),
        }
        if data.get("checklist"):
            # Only for a new entry (the loader never changes a set value); faq migration 0004 marks loaded ones.
            values["checklist"] = True
        # Seed text is kept as written, but without the surrounding blank lines of TOML blocks.
        values = {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}
        # Answers in the form Entry.save() stores them, so that the loader compares like with like
        # (the hashes in `replaces` are of stored texts).
        for lang in settings.MODELTRANSLATION_LANGUAGES:
            values[f"answer_{lang}"] = clean_html(values[f"answer_{lang}"])
        load_record(
            f"faq.entry:{data['number']}",
            Entry,
            {"number": data["number"]},
            values,
            stats,
            replaces=data.get("replaces"),
        )
