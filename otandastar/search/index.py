"""Substring matching of folded stems against SearchDocument, through an index on each database.

Both paths return the same rows for the same alternative (tests run on both databases):
- PostgreSQL: LIKE '%stem%' served by pg_trgm GIN indexes on title and body;
- SQLite: an FTS5 trigram table (external content, synced by triggers) answers the phrase query.
Patterns shorter than three characters cannot use a trigram index; they are matched by a scan.
"""

from django.db import connection
from django.db.models import Q, Value
from django.db.models.functions import StrIndex

from otandastar.models import SearchDocument

from .query import MIN_PATTERN

FTS_TABLE = "otandastar_searchdocument_fts"


def matches(pattern: str) -> list[tuple[str, int, str, bool]]:
    """(kind, object_id, language, found in title) of every document containing `pattern`."""
    if connection.vendor == "sqlite" and len(pattern) >= MIN_PATTERN:
        phrase = '"' + pattern.replace('"', '""') + '"'
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT d.kind, d.object_id, d.language, instr(d.title, %s) > 0 "
                f"FROM {FTS_TABLE} f JOIN otandastar_searchdocument d ON d.id = f.rowid "
                f"WHERE {FTS_TABLE} MATCH %s",
                [pattern, phrase],
            )
            return [(kind, object_id, language, bool(in_title)) for kind, object_id, language, in_title in cursor.fetchall()]
    rows = (
        SearchDocument.objects.filter(Q(title__contains=pattern) | Q(body__contains=pattern))
        .annotate(position=StrIndex("title", Value(pattern)))
        .values_list("kind", "object_id", "language", "position")
    )
    return [(kind, object_id, language, position > 0) for kind, object_id, language, position in rows]


SQLITE_SETUP = [
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(
        title, body, content='otandastar_searchdocument', content_rowid='id',
        tokenize='trigram case_sensitive 1')""",
    f"""CREATE TRIGGER IF NOT EXISTS searchdoc_fts_insert AFTER INSERT ON otandastar_searchdocument BEGIN
        INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS searchdoc_fts_delete AFTER DELETE ON otandastar_searchdocument BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS searchdoc_fts_update AFTER UPDATE ON otandastar_searchdocument BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
]
SQLITE_TEARDOWN = [
    "DROP TRIGGER IF EXISTS searchdoc_fts_insert",
    "DROP TRIGGER IF EXISTS searchdoc_fts_delete",
    "DROP TRIGGER IF EXISTS searchdoc_fts_update",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]
POSTGRES_SETUP = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS searchdoc_title_trgm ON otandastar_searchdocument USING gin (title gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS searchdoc_body_trgm ON otandastar_searchdocument USING gin (body gin_trgm_ops)",
]
POSTGRES_TEARDOWN = ["DROP INDEX IF EXISTS searchdoc_title_trgm", "DROP INDEX IF EXISTS searchdoc_body_trgm"]


def create_index(schema_editor) -> None:
    statements = {"sqlite": SQLITE_SETUP, "postgresql": POSTGRES_SETUP}.get(schema_editor.connection.vendor, [])
    for sql in statements:
        schema_editor.execute(sql)


def drop_index(schema_editor) -> None:
    statements = {"sqlite": SQLITE_TEARDOWN, "postgresql": POSTGRES_TEARDOWN}.get(schema_editor.connection.vendor, [])
    for sql in statements:
        schema_editor.execute(sql)
