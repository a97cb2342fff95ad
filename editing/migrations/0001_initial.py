"""SeedRecord, which began in the `otandastar` package (its migration 0001).

The table kept its name: a database made before the move already has it, with every record
of what the seed loader created; it is adopted, not created again, and its content type
moves to this app.
"""

import django.db.models.deletion
from django.db import migrations, models


def adopt_or_create_table(apps, schema_editor):
    model = apps.get_model("editing", "SeedRecord")
    if model._meta.db_table not in schema_editor.connection.introspection.table_names():
        schema_editor.create_model(model)
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="editing", model="seedrecord").exists():
        ContentType.objects.filter(app_label="otandastar", model="seedrecord").update(app_label="editing")


def drop_table(apps, schema_editor):
    schema_editor.delete_model(apps.get_model("editing", "SeedRecord"))


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SeedRecord",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("key", models.CharField(max_length=200, unique=True, verbose_name="seed key")),
                        ("object_id", models.PositiveBigIntegerField()),
                        ("loaded_at", models.DateTimeField(auto_now_add=True, verbose_name="loaded at")),
                        (
                            "content_type",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE, to="contenttypes.contenttype"
                            ),
                        ),
                    ],
                    options={
                        "db_table": "otandastar_seedrecord",
                        "verbose_name": "seed record",
                        "verbose_name_plural": "seed records",
                    },
                ),
            ],
        ),
        migrations.RunPython(adopt_or_create_table, drop_table),
    ]
