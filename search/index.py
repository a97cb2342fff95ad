"""Which search documents contain a pattern, answered by an index on each database.

A pattern is " stem" (a word starting with the stem) or " word " (the whole word), searched
in the space-separated folded text of search.textfold.index_text(). Both databases
return the same documents (the suite runs on both):
- PostgreSQL: LIKE '%pattern%' served by pg_trgm GIN indexes on title and body;
- SQLite: an FTS5 word index of the same text (external content, synced by triggers),
  queried with prefix ("stem"*) and token ("word") queries.
"""

from django.db import connection

# Made by search/migrations/0001_initial.py (with the triggers that keep it in sync).
FTS_TABLE = "otandastar_searchdocument_fts"


def match_sql(alias: str, patterns) -> tuple[str, list]:
    """SQL condition on a search document (table alias) that holds if it contains any pattern."""
    if connection.vendor == "sqlite":
        return f"{alias}.id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)", [_fts_query(patterns)]
    conditions, params = [], []
    for pattern in patterns:
        conditions.append(f"({alias}.title LIKE %s ESCAPE '\\' OR {alias}.body LIKE %s ESCAPE '\\')")
        params += [_like(pattern)] * 2
    return "(" + " OR ".join(conditions) + ")", params


def count(patterns) -> int:
    """How many documents contain one of the patterns (cheap: the index counts)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [_fts_query(patterns)])
        else:
            match, params = match_sql("d", patterns)
            cursor.execute(f"SELECT count(*) FROM otandastar_searchdocument d WHERE {match}", params)
        return cursor.fetchone()[0]


def hits(patterns, within=()) -> tuple[list[int], set[int]]:
    """Ids of the documents that contain one of the patterns, and those of them whose title does.

    `within`: pattern lists of other terms; if given, only documents that also contain one of
    those are returned (used for very common words, which then only add to the ranking).
    On SQLite both answers come from the FTS index (a column filter for titles), so no
    document row is read; on PostgreSQL the GIN indexes find the rows.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            query = _fts_query(patterns)
            restriction = " OR ".join(f"({_fts_query(other)})" for other in within)
            found = f"({query}) AND ({restriction})" if within else query
            title = f"(title : ({query})) AND ({restriction})" if within else f"title : ({query})"
            cursor.execute(f"SELECT group_concat(rowid) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [title])
            in_title = _ids(cursor.fetchone()[0])
            cursor.execute(f"SELECT group_concat(rowid) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [found])
            return list(_ids(cursor.fetchone()[0])), in_title
        match, params = match_sql("d", patterns)
        for other in within[:1] and [[p for o in within for p in o]]:
            extra, extra_params = match_sql("d", other)
            match, params = f"{match} AND {extra}", params + extra_params
        title = " OR ".join("strpos(d.title, %s) > 0" for _ in patterns)
        cursor.execute(f"SELECT d.id, {title} FROM otandastar_searchdocument d WHERE {match}", list(patterns) + params)
        rows = cursor.fetchall()
        return [doc for doc, _t in rows], {doc for doc, in_title in rows if in_title}


def _ids(concatenated) -> set[int]:
    return {int(x) for x in concatenated.split(",")} if concatenated else set()


def _fts_query(patterns) -> str:
    """FTS5 query: " stem" → "stem"* (prefix of a word), " word " → "word" (whole word)."""
    parts = []
    for pattern in patterns:
        token = '"' + pattern.strip().replace('"', '""') + '"'
        parts.append(token if pattern.endswith(" ") else token + "*")
    return " OR ".join(parts)


def _like(pattern: str) -> str:
    return "%" + pattern.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
