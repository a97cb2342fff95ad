"""The search app's tables: the search documents with their index, and the visitor-search log.

Search began inside the `otandastar` package (its migrations 0001 and 0002). The tables kept
their names, so a database made before the move already has them, with the FTS5 index, the
documents and the search log: they are adopted, not created again, and the content types
(with the permissions and admin log entries that point at them) move to this app.

The index SQL is written out here, not imported: a migration must not change when live
code does.
"""

from django.db import migrations, models

MODELS = ("SearchDocument", "SearchQuery")
FTS_TABLE = "otandastar_searchdocument_fts"

SQLITE_SETUP = [
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(
        title, body, content='otandastar_searchdocument', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0', prefix='2 3')""",
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


def adopt_or_create_tables(apps, schema_editor):
    existing = set(schema_editor.connection.introspection.table_names())
    for name in MODELS:
        model = apps.get_model("search", name)
        if model._meta.db_table not in existing:
            schema_editor.create_model(model)
    ContentType = apps.get_model("contenttypes", "ContentType")
    for name in MODELS:
        if not ContentType.objects.filter(app_label="search", model=name.lower()).exists():
            ContentType.objects.filter(app_label="otandastar", model=name.lower()).update(app_label="search")


def drop_tables(apps, schema_editor):
    for name in MODELS:
        schema_editor.delete_model(apps.get_model("search", name))


def create_index(apps, schema_editor):
    for sql in {"sqlite": SQLITE_SETUP, "postgresql": POSTGRES_SETUP}.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql)


def drop_index(apps, schema_editor):
    for sql in {"sqlite": SQLITE_TEARDOWN, "postgresql": POSTGRES_TEARDOWN}.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SearchDocument",
                    fields=[
                        ("id", models.BigIntegerField(primary_key=True, serialize=False)),
                        (
                            "kind",
                            models.CharField(choices=[("entry", "entry"), ("clinic", "clinic row")], max_length=10),
                        ),
                        ("object_id", models.PositiveBigIntegerField()),
                        ("language", models.CharField(max_length=5)),
                        ("title", models.TextField(blank=True)),
                        ("body", models.TextField(blank=True)),
                        ("updated", models.DateTimeField(auto_now=True)),
                    ],
                    options={
                        "db_table": "otandastar_searchdocument",
                        "indexes": [models.Index(fields=["kind", "object_id"], name="searchdoc_object")],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("kind", "object_id", "language"), name="one_document_per_object_language"
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="SearchQuery",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("query", models.CharField(max_length=200, verbose_name="query")),
                        ("language", models.CharField(max_length=5, verbose_name="language")),
                        ("count", models.PositiveIntegerField(default=0, verbose_name="searches")),
                        (
                            "zero_results",
                            models.PositiveIntegerField(default=0, verbose_name="searches without results"),
                        ),
                        ("last_results", models.PositiveIntegerField(default=0, verbose_name="results last time")),
                        ("first_seen", models.DateTimeField(auto_now_add=True, verbose_name="first searched")),
                        ("last_seen", models.DateTimeField(auto_now=True, verbose_name="last searched")),
                    ],
                    options={
                        "db_table": "otandastar_searchquery",
                        "verbose_name": "visitor search",
                        "verbose_name_plural": "visitor searches",
                        "ordering": ["-count"],
                        "constraints": [
                            models.UniqueConstraint(fields=("query", "language"), name="one_row_per_query_language")
                        ],
                    },
                ),
            ],
        ),
        migrations.RunPython(adopt_or_create_tables, drop_tables),
        migrations.RunPython(create_index, drop_index),
    ]
