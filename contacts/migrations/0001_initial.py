"""The foundation's details (one record) with its history; Content editors view and change it."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

APP = "contacts"
RIGHTS = {"foundationcontacts": ("view", "change"), "historicalfoundationcontacts": ("view",)}

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
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="FoundationContacts",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "name",
                    models.CharField(
                        help_text="The foundation's name as readers know it.", max_length=200, verbose_name="name"
                    ),
                ),
                (
                    "name_kk",
                    models.CharField(
                        help_text="The foundation's name as readers know it.",
                        max_length=200,
                        null=True,
                        verbose_name="name",
                    ),
                ),
                (
                    "name_ru",
                    models.CharField(
                        help_text="The foundation's name as readers know it.",
                        max_length=200,
                        null=True,
                        verbose_name="name",
                    ),
                ),
                ("website", models.URLField(blank=True, verbose_name="website")),
                (
                    "phone",
                    models.CharField(
                        blank=True,
                        help_text="One Kazakhstan number with its area or operator code; it is stored as +7… and shown as 8 (…).",
                        max_length=30,
                        verbose_name="phone",
                    ),
                ),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="e-mail")),
                ("address", models.CharField(blank=True, max_length=300, verbose_name="address")),
                ("address_kk", models.CharField(blank=True, max_length=300, null=True, verbose_name="address")),
                ("address_ru", models.CharField(blank=True, max_length=300, null=True, verbose_name="address")),
                (
                    "hours",
                    models.CharField(
                        blank=True,
                        help_text="E.g. the days and hours the phone is answered.",
                        max_length=200,
                        verbose_name="opening hours",
                    ),
                ),
                (
                    "hours_kk",
                    models.CharField(
                        blank=True,
                        help_text="E.g. the days and hours the phone is answered.",
                        max_length=200,
                        null=True,
                        verbose_name="opening hours",
                    ),
                ),
                (
                    "hours_ru",
                    models.CharField(
                        blank=True,
                        help_text="E.g. the days and hours the phone is answered.",
                        max_length=200,
                        null=True,
                        verbose_name="opening hours",
                    ),
                ),
            ],
            options={
                "verbose_name": "foundation contacts",
                "verbose_name_plural": "foundation contacts",
            },
        ),
        migrations.CreateModel(
            name="HistoricalFoundationContacts",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                (
                    "name",
                    models.CharField(
                        help_text="The foundation's name as readers know it.", max_length=200, verbose_name="name"
                    ),
                ),
                (
                    "name_kk",
                    models.CharField(
                        help_text="The foundation's name as readers know it.",
                        max_length=200,
                        null=True,
                        verbose_name="name",
                    ),
                ),
                (
                    "name_ru",
                    models.CharField(
                        help_text="The foundation's name as readers know it.",
                        max_length=200,
                        null=True,
                        verbose_name="name",
                    ),
                ),
                ("website", models.URLField(blank=True, verbose_name="website")),
                (
                    "phone",
                    models.CharField(
                        blank=True,
                        help_text="One Kazakhstan number with its area or operator code; it is stored as +7… and shown as 8 (…).",
                        max_length=30,
                        verbose_name="phone",
                    ),
                ),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="e-mail")),
                ("address", models.CharField(blank=True, max_length=300, verbose_name="address")),
                ("address_kk", models.CharField(blank=True, max_length=300, null=True, verbose_name="address")),
                ("address_ru", models.CharField(blank=True, max_length=300, null=True, verbose_name="address")),
                (
                    "hours",
                    models.CharField(
                        blank=True,
                        help_text="E.g. the days and hours the phone is answered.",
                        max_length=200,
                        verbose_name="opening hours",
                    ),
                ),
                (
                    "hours_kk",
                    models.CharField(
                        blank=True,
                        help_text="E.g. the days and hours the phone is answered.",
                        max_length=200,
                        null=True,
                        verbose_name="opening hours",
                    ),
                ),
                (
                    "hours_ru",
                    models.CharField(
                        blank=True,
                        help_text="E.g. the days and hours the phone is answered.",
                        max_length=200,
                        null=True,
                        verbose_name="opening hours",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical foundation contacts",
                "verbose_name_plural": "historical foundation contacts",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.RunPython(grant, revoke),
    ]
