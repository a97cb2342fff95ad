"""search.index: the statements the engine runs are answered by an index on each database: the FTS5
table on SQLite, the pg_trgm GIN indexes on PostgreSQL (checked on the engine's own SQL)."""

import re

import pytest
from django.db import connection, transaction

from search import index
from search.engine import search

pytestmark = pytest.mark.django_db

TRIGRAM_INDEXES = ("searchdoc_title_trgm", "searchdoc_body_trgm")
# FTS5 names a MATCH constraint "M" in its index string ("VIRTUAL TABLE INDEX 0:M2"); a scan of the
# whole virtual table reads "VIRTUAL TABLE INDEX 0:".
FTS_MATCH = re.compile(r"VIRTUAL TABLE INDEX \d+:\S*M")


def executed(run) -> list[tuple[str, list]]:
    """The statements (SQL and params) that run() sends to the database about search documents."""
    statements = []

    def record(execute, sql, params, many, context):
        statements.append((sql, list(params or ())))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        run()
    return [(sql, params) for sql, params in statements if "searchdocument" in sql]


def plan(sql, params) -> list[str]:
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The test table is small enough that a sequential scan would win; ask whether an index can serve.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("EXPLAIN " + sql, params)
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return [str(row[-1]) for row in cursor.fetchall()]


@pytest.mark.parametrize(
    "run",
    [
        pytest.param(lambda: search("квота", "kk"), id="one word"),
        pytest.param(lambda: search("ЖСН қалай алуға болады", "kk"), id="a whole question"),
        pytest.param(lambda: search("ИИН", "ru"), id="a whole short word"),
        pytest.param(lambda: index.hits((" квот",), [(" кандас",)]), id="hits within another term"),
        pytest.param(lambda: index.count((" квот", " kvot")), id="count"),
    ],
)
def test_the_engines_statements_use_the_index(run):
    statements = executed(run)
    assert statements, "the engine ran no statement on the search documents"
    for sql, params in statements:
        steps = plan(sql, params)
        text = "\n".join(steps)
        if connection.vendor == "postgresql":
            for name in TRIGRAM_INDEXES:
                assert name in text, (sql, text)
            assert "Seq Scan" not in text, (sql, text)
        else:
            fts_steps = [step for step in steps if "VIRTUAL TABLE INDEX" in step]
            assert fts_steps, (sql, text)
            # Every read of the FTS table is a MATCH lookup, and no document row is scanned.
            assert all(FTS_MATCH.search(step) for step in fts_steps), (sql, text)
            assert not any(re.match(r"SCAN (d|otandastar_searchdocument)\b", step) for step in steps), (sql, text)


def test_the_database_compares_kazakh_text_in_utf8():
    # pg_trgm needs a UTF-8 ctype to make trigrams of Cyrillic; SQLite's FTS5 tokenizer is unicode61.
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW lc_ctype")
            assert "UTF-8" in cursor.fetchone()[0].upper().replace("UTF8", "UTF-8")
        else:
            cursor.execute("SELECT sql FROM sqlite_master WHERE name = 'otandastar_searchdocument_fts'")
            assert "unicode61 remove_diacritics 0" in cursor.fetchone()[0]
