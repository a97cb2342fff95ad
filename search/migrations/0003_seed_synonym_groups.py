"""First synonym groups: the content's own terms with their everyday words and their equivalent in the
other language (examination types, documents, statuses). Editors change them in the admin; this runs once."""

from django.db import migrations

GROUPS = [
    # (language, words, note)
    ("kk+ru", "психиатр\nпсихикалық\nпсихические", "Психикалық бұзылу / Психические расстройства"),
    ("kk+ru", "нарколог\nнашақорлық\nнаркомания", "Нашақорлық / Наркомания"),
    ("kk+ru", "туберкулез\nфлюорография\nрентген\nфтизиатр", "Туберкулез"),
    ("kk+ru", "мерез\nсифилис\nЖЖБИ\nИППП\nвенеролог\nвенерологиялық\nвенерический", "ЖЖБИ / ИППП"),
    ("kk+ru", "ЖИТС\nСПИД\nАИТВ\nВИЧ", "ЖИТС / СПИД"),
    ("kk+ru", "лепра\nГансен\nалапес\nпроказа", "Лепра"),
    ("kk+ru", "ықтиярхат\nВНЖ\nвид на жительство", ""),
    ("kk+ru", "ЖСН\nИИН", ""),
    ("kk+ru", "азаматтық\nгражданство", ""),
    ("kk", "төлқұжат\nпаспорт", ""),
    ("ru", "утеря\nутерял\nпотеря\nпотерял", ""),
    ("ru", "регистрация\nпрописка", ""),
]


def grant_to_editors(apps, schema_editor):
    """Content editors manage the synonym groups (the group is made by editing's migration 0002)."""
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("search")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    group = apps.get_model("auth", "Group").objects.filter(name="Content editors").first()
    if group is not None:
        Permission = apps.get_model("auth", "Permission")
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="search", codename__endswith="_synonymgroup")
        )


def seed(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    if SynonymGroup.objects.exists():
        return
    SynonymGroup.objects.bulk_create(
        SynonymGroup(language=language, words=words, note=note) for language, words, note in GROUPS
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0002_searchword_synonymgroup"), ("editing", "0002_content_editors_group")]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
        migrations.RunPython(grant_to_editors, migrations.RunPython.noop),
    ]
