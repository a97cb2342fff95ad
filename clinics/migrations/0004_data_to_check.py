"""The "Data to check" admin list (a proxy of Clinic) and its view permission for the "Content editors" group.

Permissions are normally created after all migrations; the one this list needs is created here, as
editing/migrations/0002 does, so the group gets it in the same `migrate`. No app code is imported."""

from django.db import migrations

GROUP = "Content editors"


def grant_view(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="clinics", model="clinictocheck")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="view_clinictocheck", defaults={"name": "Can view data to check"}
    )
    group = Group.objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.add(permission)


def revoke_view(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=GROUP):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="clinics", codename="view_clinictocheck")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("editing", "0002_content_editors_group"),
        ("clinics", "0003_normalize_phones"),
    ]

    operations = [
        migrations.CreateModel(
            name="ClinicToCheck",
            fields=[],
            options={
                "verbose_name": "data to check",
                "verbose_name_plural": "data to check",
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("clinics.clinic",),
        ),
        migrations.RunPython(grant_view, revoke_view),
    ]
