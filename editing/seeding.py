"""Idempotent loading of the seed content (the TOML files under each app's seed/ folder).

Called by `manage.py load_content`; each app reads its own files (faq/seed.py, clinics/seed.py)
and hands every record to load_record().

Rules, so that `make run` can load on every start:
- a record seen for the first time is created (or, if a row with its natural key
  already exists, adopted) and remembered in SeedRecord;
- a record loaded before only fills the fields that are still empty (e.g. Russian
  texts added to the seed later), never overwriting an editor's text;
- a record whose row an editor deleted is not created again.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from .models import SeedRecord


def read_toml(path: Path) -> dict:
    with path.open("rb") as fh:
        return tomllib.load(fh)


@dataclass
class LoadStats:
    created: int = 0
    filled: int = 0
    unchanged: int = 0
    deleted_by_editor: int = 0
    per_model: dict = field(default_factory=dict)

    def add(self, model: type[models.Model], outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)
        counts = self.per_model.setdefault(model._meta.label, {})
        counts[outcome] = counts.get(outcome, 0) + 1

    def __str__(self):
        return (
            f"created {self.created}, filled {self.filled}, unchanged {self.unchanged}, "
            f"kept deleted {self.deleted_by_editor}"
        )


def _is_empty(value) -> bool:
    return value is None or value == ""


def load_record(
    key: str,
    model: type[models.Model],
    lookup: dict,
    values: dict,
    stats: LoadStats,
) -> models.Model | None:
    """Create, adopt or fill one row. `values` uses concrete field names (question_kk, topic…)."""
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

    to_fill = []
    for name, value in values.items():
        attname = model._meta.get_field(name).attname
        if _is_empty(value):
            continue
        current = obj.__dict__.get(attname)
        if _is_empty(current):
            setattr(obj, name, value)
            to_fill.append(name)
    if to_fill:
        obj.save(update_fields=to_fill)
        stats.add(model, "filled")
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
