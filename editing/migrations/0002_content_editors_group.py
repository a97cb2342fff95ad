"""The "Content editors" group: exactly the permissions to keep the content current.

No users, groups, sessions, seed records or search index: editors cannot grant rights or break
the loader. Visitor searches are read-only; history tables are read-only (reverting is a change
of the content record itself).
"""

from django.db import migrations

GROUP = "Content editors"
CONTENT = {
    "faq": ["topic", "entry", "mci"],
    "clinics": ["region", "examinationtype", "clinic", "quotayear", "quota"],
}
HISTORY = {
    "faq": ["historicaltopic", "historicalentry"],
    "clinics": [
        "historicalregion",
        "historicalexaminationtype",
        "historicalclinic",
        "historicalquotayear",
        "historicalquota",
    ],
}
VIEW_ONLY = {"search": ["searchquery"]}


def codenames():
    for app, models in CONTENT.items():
        for model in models:
            for action in ("view", "add", "change", "delete"):
                yield app, f"{action}_{model}"
    for mapping in (HISTORY, VIEW_ONLY):
        for app, models in mapping.items():
            for model in models:
                yield app, f"view_{model}"


def create_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; create them now so the group gets them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, created = Group.objects.get_or_create(name=GROUP)
    if not created:
        # A database from before the move already has the group (as otandastar's migration 0003),
        # perhaps with rights an administrator changed since: keep it as it is.
        return
    permissions = [
        Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in codenames()
    ]
    group.permissions.set(permissions)


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("editing", "0001_initial"),
        ("search", "0001_initial"),
        ("faq", "0003_mci_history"),
        ("clinics", "0002_history"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
