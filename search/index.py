"""Which search documents contain a pattern, answered by an index on each database.

A pattern is " stem" (a word starting with the stem) or " word " (the whole word), searched
in the space-separated folded text of search.textfold.index_text(). Both databases
return the same documents (the suite runs on both):
- PostgreSQL: LIKE '%pattern%' served by pg_trgm GIN indexes on title and body, one lookup per pattern;
- SQLite: an FTS5 word index of the same text (external content, synced by triggers),
  queried with prefix ("stem"*) and token ("word") queries.
"""

from django.db import connection

# Made by search/migrations/0001_initial.py (with the triggers that keep it in sync).
FTS_TABLE = "otandastar_searchdocument_fts"
TABLE = "otandastar_searchdocument"


def _pg_ids(patterns) -> tuple[str, list]:
    """PostgreSQL: the ids of the documents that contain any pattern, one indexed lookup per pattern.

    One statement per pattern joined by UNION, not one OR of all patterns: the planner estimates an OR of
    many LIKEs as most of the table and reads every document (about 400 ms at 100× the content for
    «лепра», which has three synonyms), while each LIKE alone is a trigram-index lookup (3–6 ms).
    """
    if len(patterns) == 1:  # one pattern: its own lookup, no set to build
        return _pg_one(patterns[0])
    parts, params = [], []
    for pattern in patterns:
        parts.append(f"SELECT id FROM {TABLE} WHERE title LIKE %s ESCAPE '\\' OR body LIKE %s ESCAPE '\\'")
        params += [_like(pattern)] * 2
    return " UNION ".join(parts), params


def _pg_one(pattern: str, alias: str = "") -> tuple[str, list]:
    condition = f"{alias}title LIKE %s ESCAPE '\\' OR {alias}body LIKE %s ESCAPE '\\'"
    return (f"({condition})" if alias else f"SELECT id FROM {TABLE} WHERE {condition}"), [_like(pattern)] * 2


def _pg_any(patterns) -> tuple[str, list]:
    conditions, params = [], []
    for pattern in patterns:
        condition, condition_params = _pg_one(pattern, alias="d.")
        conditions.append(condition)
        params += condition_params
    return "(" + " OR ".join(conditions) + ")", params


def count(patterns) -> int:
    """How many documents contain one of the patterns (cheap: the index counts)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [_fts_query(patterns)])
        else:
            ids, params = _pg_ids(patterns)
            cursor.execute(f"SELECT count(*) FROM ({ids}) found", params)
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
        if within:
            # A common word within the rarer words' documents: one OR each, which the planner combines
            # (measured faster here than sets of ids).
            match, params = _pg_any(patterns)
            extra, extra_params = _pg_any([p for other in within for p in other])
            match, params = f"{match} AND {extra}", params + extra_params
        elif len(patterns) == 1:
            match, params = _pg_one(patterns[0], alias="d.")
        else:
            ids, params = _pg_ids(patterns)
            match = f"d.id IN ({ids})"
        title = " OR ".join("strpos(d.title, %s) > 0" for _ in patterns)
        cursor.execute(f"SELECT d.id, {title} FROM {TABLE} d WHERE {match}", list(patterns) + params)
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
