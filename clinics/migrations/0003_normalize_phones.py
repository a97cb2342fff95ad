"""Clinic phones in E.164 (issue 15). Rows whose phone is a valid Kazakhstan number get it normalized;
others stay as typed (the "Data to check" admin page lists them). The rule is written out here with the
`phonenumbers` library, not imported from clinics.phones, so this migration keeps working if that changes."""

import phonenumbers
from django.db import migrations, models


def normalize_phones(apps, schema_editor):
    Clinic = apps.get_model("clinics", "Clinic")
    for clinic in Clinic.objects.exclude(phone="").only("pk", "phone"):
        try:
            number = phonenumbers.parse(clinic.phone.strip(), "KZ")
        except phonenumbers.NumberParseException:
            continue
        if not phonenumbers.is_valid_number_for_region(number, "KZ"):
            continue
        normalized = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        if normalized != clinic.phone:
            Clinic.objects.filter(pk=clinic.pk).update(phone=normalized)


class Migration(migrations.Migration):
    dependencies = [
        ("clinics", "0002_history"),
    ]

    operations = [
        migrations.AlterField(
            model_name="clinic",
            name="phone",
            field=models.CharField(
                blank=True,
                help_text="One Kazakhstan number with its area or operator code; it is stored as +7… and shown as 8 (…).",
                max_length=100,
                verbose_name="phone",
            ),
        ),
        migrations.AlterField(
            model_name="historicalclinic",
            name="phone",
            field=models.CharField(
                blank=True,
                help_text="One Kazakhstan number with its area or operator code; it is stored as +7… and shown as 8 (…).",
                max_length=100,
                verbose_name="phone",
            ),
        ),
        migrations.RunPython(normalize_phones, migrations.RunPython.noop),
    ]
