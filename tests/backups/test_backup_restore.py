"""A backup restores: a database holding edited content, its history and the visitor-search log is
backed up with `manage.py backup_database`, restored with `manage.py restore_database` into a new, empty
database by a fresh process, and that process serves the same public pages (byte for byte, per-request
tokens aside) and the same editors' history. On the configured database: SQLite's online backup in
the SQLite pass, pg_dump/pg_restore in the PostgreSQL pass."""

import io
import json
import os
import subprocess
import sys
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from faq import services as faq_services
from faq.models import Entry
from search.models import SearchQuery
from tests.backups.snapshot import snapshot
from tests.support.admin import form_data

MAGIC = {"sqlite": b"SQLite format 3\x00", "postgresql": b"PGDMP"}


def _manage(database_url, *args, code=None):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "otandastar.test_settings",
        "OTANDASTAR_VAR_DIR": os.environ.get("OTANDASTAR_VAR_DIR", str(settings.VAR_DIR)),
    }
    command = [sys.executable, "-c", code] if code else [sys.executable, "manage.py", *args]
    result = subprocess.run(command, cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=300)
    return result


@pytest.fixture
def empty_database(tmp_path):
    """A new, empty database of the configured kind, as DATABASE_URL for another process."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    assert connection.vendor == "postgresql", connection.vendor
    params = connection.settings_dict
    name = f"{params['NAME']}_restored"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
    password = f":{quote(params['PASSWORD'], safe='')}" if params.get("PASSWORD") else ""
    yield f"postgres://{quote(params['USER'], safe='')}{password}@{params['HOST']}:{params['PORT']}/{name}"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _edit_content_and_search(client, editor):
    """What a running site holds beyond the seed: an editor's change (with its history), an unpublished
    entry, visitors' searches."""
    entry = Entry.objects.get(number=3)
    url = reverse("admin:faq_entry_change", args=[entry.pk])
    data = form_data(client.get(url))
    data["answer_kk"] = "<p>Орталыққа жаңа мекенжай бойынша жүгініңіз.</p>"
    assert client.post(url, data).status_code == 302
    faq_services.entries_set_published(entries=Entry.objects.filter(number=4), published=False, user=editor)
    for path in ("/kk/search/?q=квота", "/kk/search/?q=квота", "/ru/search/?q=апостиль", "/kk/search/?q=zzzqqq"):
        assert client.get(path).status_code == 200
    assert SearchQuery.objects.count() == 3


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_into_an_empty_database_with_the_same_pages_and_history(
    editor, editor_client, tmp_path, empty_database
):
    call_command("load_content", stdout=io.StringIO())
    _edit_content_and_search(editor_client, editor)
    backup = tmp_path / "otandastar.backup"
    call_command("backup_database", str(backup), stdout=io.StringIO())
    assert backup.read_bytes().startswith(MAGIC[connection.vendor])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["otandastar.backup"]  # one whole file, nothing beside
    before = snapshot()
    assert "Орталыққа жаңа мекенжай" in before["/kk/faq/" + Entry.objects.get(number=3).slug + "/"]
    assert before["/kk/faq/" + Entry.objects.get(number=4).slug + "/"].startswith("404")
    assert "апостиль" in before[reverse("admin:search_searchquery_changelist") + "?searched=all"]

    restored = _manage(empty_database, "restore_database", str(backup))
    assert restored.returncode == 0, restored.stderr[-3000:]
    result = _manage(empty_database, code="from tests.backups.snapshot import main; main()")
    assert result.returncode == 0, result.stderr[-3000:]
    after = json.loads(result.stdout)

    assert after.keys() == before.keys()
    differing = [url for url in before if before[url] != after[url]]
    assert not differing, differing
    # Restoring twice would overwrite what is there: refused.
    again = _manage(empty_database, "restore_database", str(backup))
    assert again.returncode != 0 and "not empty" in again.stderr


@pytest.mark.django_db
def test_a_backup_is_never_written_over_an_existing_file(tmp_path):
    existing = tmp_path / "kept.backup"
    existing.write_bytes(b"an older backup")
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup_database", str(existing))
    assert existing.read_bytes() == b"an older backup"


@pytest.mark.django_db
def test_restoring_into_a_database_with_tables_is_refused(tmp_path):
    """The test database has every table: nothing in it may be replaced by a restore."""
    backup = tmp_path / "a.backup"
    backup.write_bytes(b"anything")
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore_database", str(backup))
    with pytest.raises(CommandError, match="no such backup"):
        call_command("restore_database", str(tmp_path / "missing.backup"))
