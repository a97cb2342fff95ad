"""Idempotent loading of the seed content (the TOML files under each app's seed/ folder).

Called by `manage.py load_content`; each app reads its own files (faq/seed.py, clinics/seed.py)
and hands every record to load_record().

Rules, so that `make run` can load on every start:
- a record seen for the first time is created (or, if a row with its natural key
  already exists, adopted) and remembered in SeedRecord;
- a record loaded before only fills the fields that are still empty (e.g. Russian
  texts added to the seed later), never overwriting an editor's text;
- a record whose row an editor deleted is not created again;
- a field the seed corrects (see "Corrections" below) changes only where it still holds the old
  seed text; where an editor changed it, the editor's text stays.

Corrections
-----------
A seed file that corrects a text it shipped before declares, per field, the SHA-256 hashes
(seed_hash()) of the earlier texts the new one replaces. In an entry file (faq/seed/entries/*.toml):

    [replaces]
    # old answer_ru: «центр карьеры» → «карьерный центр»
    answer_ru = ["9f2c…"]

and for a record in an array of tables (clinics/seed/*.toml), a sub-table after its fields:

    [[type]]
    slug = "sti"
    name_kk = "…"
    [type.replaces]
    name_kk = ["…"]

Keys are the model's field names (answer_ru, name_kk). On every load, for each such field:
- it already holds the new text: nothing to do;
- it holds a text whose hash is listed: no editor changed it, so it gets the new text. The change
  goes through save(), so the history records it (reason "seed correction") and the page cache
  and search index follow through their signals;
- anything else is an editor's text and is kept (counted as "kept edited").
A hash is of the text as stored, without surrounding whitespace: the loader receives values in
their stored form (faq/seed.py cleans answers as Entry.save() does), so the hash of an old text is
seed_hash() of the value the old seed left in the database. To correct a field: copy its current
seed text's hash (`seed_hash(value)` on the loaded row, or `manage.py shell`) into `replaces`, then
edit the text. Keep the hashes of every earlier version, so databases loaded from any of them follow.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from .models import SeedRecord

CORRECTION_REASON = "seed correction"


def seed_hash(text: str) -> str:
    """The hash a seed file lists in `replaces` for a text it corrects (of the stored text, stripped)."""
    return hashlib.sha256((text or "").strip().encode("utf-8")).hexdigest()


def read_toml(path: Path) -> dict:
    with path.open("rb") as fh:
        return tomllib.load(fh)


@dataclass
class LoadStats:
    created: int = 0
    filled: int = 0
    corrected: int = 0
    unchanged: int = 0
    deleted_by_editor: int = 0
    kept_edited: int = 0  # fields a correction left alone because an editor changed them
    per_model: dict = field(default_factory=dict)

    def add(self, model: type[models.Model], outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)
        counts = self.per_model.setdefault(model._meta.label, {})
        counts[outcome] = counts.get(outcome, 0) + 1

    def __str__(self):
        return (
            f"created {self.created}, filled {self.filled}, corrected {self.corrected}, unchanged {self.unchanged}, "
            f"kept deleted {self.deleted_by_editor}, kept edited {self.kept_edited}"
        )


def _is_empty(value) -> bool:
    return value is None or value == ""


def load_record(
    key: str,
    model: type[models.Model],
    lookup: dict,
    values: dict,
    stats: LoadStats,
    replaces: Mapping[str, Iterable[str]] | None = None,
) -> models.Model | None:
    """Create, adopt, fill or correct one row. `values` uses concrete field names (question_kk, topic…);
    `replaces` maps a field to the seed_hash() of the earlier seed texts its value corrects."""
    replaces = {name: set(hashes) for name, hashes in (replaces or {}).items()}
    unknown = set(replaces) - set(values)
    if unknown:
        raise ValueError(f"{key}: `replaces` names fields the seed does not set: {sorted(unknown)}")
    record = SeedRecord.objects.filter(key=key).first()
    if record is not None:
        obj = model.objects.filter(pk=record.object_id).first()
        if obj is None:
            stats.add(model, "deleted_by_editor")
            return None
    else:
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            obj = model(**lookup, **values)
            obj.save()
            _remember(key, obj)
            stats.add(model, "created")
            return obj
        _remember(key, obj)

    to_fill, to_correct = [], []
    for name, value in values.items():
        attname = model._meta.get_field(name).attname
        if _is_empty(value):
            continue
        current = obj.__dict__.get(attname)
        if _is_empty(current):
            setattr(obj, name, value)
            to_fill.append(name)
        elif name in replaces and current != value:
            if seed_hash(current) in replaces[name]:
                setattr(obj, name, value)
                to_correct.append(name)
            else:
                stats.kept_edited += 1
    if to_correct:
        # django-simple-history reads the reason from the instance.
        obj._change_reason = CORRECTION_REASON
    if to_fill or to_correct:
        obj.save(update_fields=to_fill + to_correct)
        stats.add(model, "corrected" if to_correct else "filled")
    else:
        stats.add(model, "unchanged")
    return obj


def _remember(key: str, obj: models.Model) -> None:
    SeedRecord.objects.create(
        key=key,
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True),
        object_id=obj.pk,
    )


def load_all() -> LoadStats:
    """Load every app's seed files, in one transaction.

    Each app that has seed content says how to load it: its AppConfig has a
    `load_seed(stats)` method. Apps load in INSTALLED_APPS order.
    """
    stats = LoadStats()
    with transaction.atomic():
        for app_config in apps.get_app_configs():
            if hasattr(app_config, "load_seed"):
                app_config.load_seed(stats)
    return stats
