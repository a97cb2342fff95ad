"""Seed of the foundation's details (contacts/seed/contacts.toml), through the shared loader: created once,
then only empty fields are filled; an editor's text is never overwritten."""

from pathlib import Path

from editing.seeding import load_record, read_toml

from .models import FoundationContacts

SEED = Path(__file__).resolve().parent / "seed" / "contacts.toml"


def load(stats) -> None:
    values = read_toml(SEED)
    load_record(
        "contacts:foundation",
        FoundationContacts,
        {"pk": FoundationContacts.singleton_instance_id},
        {name: values.get(name, "") for name in ("name_kk", "name_ru", "website")},
        stats,
    )
