"""Migrations keep what a running site already holds.

tests/support/previous_version.sqlite3.gz is a database made by commit c1d5cee (before search and
editing became apps of their own): `migrate`, `load_content`, one edit of entry 1 (a history
record) and two visitor searches. Migrating it must keep every row, the search index and log, and
the content editors' rights.
"""

import gzip
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from django.conf import settings

PREVIOUS = Path(__file__).parent / "support" / "previous_version.sqlite3.gz"
KEPT_TABLES = [
    "faq_entry",
    "faq_historicalentry",
    "faq_topic",
    "clinics_clinic",
    "clinics_quota",
    "otandastar_searchdocument",
    "otandastar_searchquery",
    "otandastar_seedrecord",
    "auth_group_permissions",
]

REPORT = """
import json
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from search.engine import search
from search.models import SearchQuery
print(json.dumps({
    "found": [e.number for e in search("ықтиярхат", "kk").entries],
    "log": sorted(SearchQuery.objects.values_list("query", "language", "count")),
    "group": sorted(f"{p.content_type.app_label}.{p.codename}" for p in Group.objects.get(name="Content editors")
                    .permissions.filter(codename="view_searchquery")),
    "types": sorted(ContentType.objects.filter(model__in=["searchquery", "searchdocument", "seedrecord"])
                    .values_list("app_label", "model")),
}))
"""


def _counts(path):
    with sqlite3.connect(path) as db:
        return {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in KEPT_TABLES}


def _manage(tmp_path, database, *args):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "otandastar.settings",
        "DJANGO_SECRET_KEY": "migration-test",
        "CACHE_URL": "locmem://",
        "OTANDASTAR_VAR_DIR": str(tmp_path),
    }
    command = [sys.executable, "manage.py", *args]
    result = subprocess.run(command, cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_a_database_of_the_previous_version_migrates_with_content_history_and_search_log(tmp_path):
    database = tmp_path / "previous.sqlite3"
    database.write_bytes(gzip.decompress(PREVIOUS.read_bytes()))
    before = _counts(database)
    assert before["faq_historicalentry"] > before["faq_entry"]  # the edit made a second history record

    _manage(tmp_path, database, "migrate", "--noinput")

    # The editors also get new rights: viewing the "Data to check" list (clinics migration 0004),
    # editing journeys and steps and viewing their history (journeys migration 0002: 4 + 4 + 2),
    # managing synonym groups (search migration 0003: view, add, change, delete), viewing and changing
    # the foundation's contacts and viewing their history (contacts 0001), viewing readers' answers
    # per page and one by one (feedback 0001).
    assert _counts(database) == {
        **before,
        "auth_group_permissions": before["auth_group_permissions"] + 1 + 10 + 4 + 3 + 2,
    }
    _manage(tmp_path, database, "migrate", "--check")  # nothing left to apply
    report = json.loads(_manage(tmp_path, database, "shell", "--no-imports", "-c", REPORT))
    assert report["log"] == [["апостиль", "ru", 1], ["ыктиярхат", "kk", 1]]
    # The FTS index made by the old migration still answers (entry 2: residence permit).
    assert 2 in report["found"]
    # Permissions follow their model's content type, so the editors keep their rights.
    assert report["group"] == ["search.view_searchquery"]
    assert report["types"] == [["editing", "seedrecord"], ["search", "searchdocument"], ["search", "searchquery"]]
    # The seed loader still knows every row it made: nothing is created twice. New are only the journey
    # and its 8 steps (journeys/seed/) and the foundation's contacts, which the previous version did not have.
    assert "created 10," in _manage(tmp_path, database, "load_content")
    assert "created 0," in _manage(tmp_path, database, "load_content")
