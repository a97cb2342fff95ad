"""The "Content editors" group edits journeys and their steps and reads their history, as it does the
other content (editing/migrations/0002). Permissions are created here, as clinics/migrations/0004 does,
so the group gets them in the same `migrate`. No app code is imported."""

from django.db import migrations

GROUP = "Content editors"
CONTENT = {"journey": "journey", "step": "step"}
HISTORY = {"historicaljourney": "historical journey", "historicalstep": "historical step"}


def _codenames():
    """(model, codename, name) as Django's own create_permissions would name them."""
    for model, verbose in CONTENT.items():
        for action in ("view", "add", "change", "delete"):
            yield model, f"{action}_{model}", f"Can {action} {verbose}"
    for model, verbose in HISTORY.items():
        yield model, f"view_{model}", f"Can view {verbose}"


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=GROUP).first()
    if group is None:
        return
    for model, codename, name in _codenames():
        content_type, _ = ContentType.objects.get_or_create(app_label="journeys", model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    codenames = [codename for _model, codename, _name in _codenames()]
    for group in Group.objects.filter(name=GROUP):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="journeys", codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("editing", "0002_content_editors_group"),
        ("journeys", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
