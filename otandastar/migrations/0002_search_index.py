# The index behind search: an FTS5 word index on SQLite, pg_trgm GIN indexes on PostgreSQL.
from django.db import migrations


def create(apps, schema_editor):
    from otandastar.search.index import create_index

    create_index(schema_editor)


def drop(apps, schema_editor):
    from otandastar.search.index import drop_index

    drop_index(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("otandastar", "0001_initial"),
        ("faq", "0001_initial"),
        ("clinics", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create, drop),
    ]
