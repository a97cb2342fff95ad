"""Readers' answers ("Was this page useful?") per page; Content editors read and export them."""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

APP = "feedback"
RIGHTS = {"page": ("view",), "answer": ("view",)}

GROUP = "Content editors"


def grant(apps, schema_editor):
    """Give the "Content editors" group (editing/migrations/0002) its rights here: permissions are normally
    created after all migrations, so the ones needed are created now, as clinics/migrations/0004 does."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=GROUP).first()
    if group is None:
        return
    for model, actions in RIGHTS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label=APP, model=model)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=f"{action}_{model}", defaults={"name": f"Can {action} {model}"}
            )
            group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name=GROUP):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label=APP))


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("editing", "0002_content_editors_group"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="Page",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "path",
                    models.CharField(
                        help_text="The address after /kk or /ru.", max_length=300, unique=True, verbose_name="page"
                    ),
                ),
            ],
            options={
                "verbose_name": "page usefulness",
                "verbose_name_plural": "page usefulness",
                "ordering": ["path"],
            },
        ),
        migrations.CreateModel(
            name="Answer",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("language", models.CharField(max_length=10, verbose_name="language")),
                ("useful", models.BooleanField(verbose_name="useful")),
                ("comment", models.TextField(blank=True, verbose_name="what the reader was looking for")),
                (
                    "created",
                    models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name="answered"),
                ),
                (
                    "page",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="answers",
                        to="feedback.page",
                        verbose_name="page",
                    ),
                ),
            ],
            options={
                "verbose_name": "reader's answer",
                "verbose_name_plural": "readers' answers",
                "ordering": ["-created", "-pk"],
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
