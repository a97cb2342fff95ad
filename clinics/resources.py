"""Spreadsheet (CSV/XLSX) import and export of clinic rows and quotas (django-import-export).

Files use natural keys, not database ids: region and examination type by slug, the quota
year by its number. A row whose `delete` column says yes/1 deletes the matching record.
Imports run in one transaction with a preview first; a file with any invalid row writes nothing.
"""

from django.utils.translation import gettext as _
from import_export import fields, resources
from import_export.widgets import ForeignKeyWidget, IntegerWidget

from .models import Clinic, ExaminationType, Quota, QuotaYear, Region

YES = {"1", "yes", "y", "true", "x", "иә", "ия", "да"}


class NaturalKeyWidget(ForeignKeyWidget):
    """A related record by its natural key, with an error message an editor understands."""

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            raise ValueError(_("This column is required."))
        value = str(value).strip()
        if self.field == "year":
            value = value.removesuffix(".0")  # spreadsheets store whole numbers as floats
        try:
            return self.get_queryset(value, row).get(**{self.field: value})
        except (self.model.DoesNotExist, ValueError) as error:
            raise ValueError(
                _("No %(model)s “%(value)s”. Use one of: %(choices)s.")
                % {
                    "model": self.model._meta.verbose_name,
                    "value": value,
                    "choices": ", ".join(
                        str(v) for v in self.get_queryset(value, row).values_list(self.field, flat=True)
                    ),
                }
            ) from error


class WholeNumberWidget(IntegerWidget):
    """Counts and positions: whole numbers only (the stock widget would turn 2.5 into 2)."""

    def clean(self, value, row=None, **kwargs):
        text = str(value if value is not None else "").strip().removesuffix(".0")
        if not text.isdigit():
            raise ValueError(_("Enter a whole number, 0 or more."))
        return int(text)


class RowErrorsMixin:
    """An unknown region or year in a key column is reported as that row's error, like any other."""

    def get_instance(self, instance_loader, row):
        try:
            return super().get_instance(instance_loader, row)
        except ValueError:
            return None  # importing the row then names the bad value in its own error


class DeleteColumnMixin:
    """A `delete` column: yes/1 (also иә/да) in it deletes the record named by the row's keys."""

    def for_delete(self, row, instance):
        return str(row.get("delete") or "").strip().lower() in YES

    def dehydrate_delete(self, obj):
        return ""


class ClinicResource(RowErrorsMixin, DeleteColumnMixin, resources.ModelResource):
    region = fields.Field(attribute="region", column_name="region", widget=NaturalKeyWidget(Region, "slug"))
    examination_type = fields.Field(
        attribute="examination_type", column_name="examination_type", widget=NaturalKeyWidget(ExaminationType, "slug")
    )
    position = fields.Field(attribute="position", column_name="position", widget=WholeNumberWidget())
    delete = fields.Field(column_name="delete", readonly=True)

    class Meta:
        model = Clinic
        fields = (
            "region",
            "position",
            "examination_type",
            "address_kk",
            "address_ru",
            "transport_kk",
            "transport_ru",
            "phone",
            "note_kk",
            "note_ru",
            "delete",
        )
        import_id_fields = ("region", "position")
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def get_queryset(self):
        return super().get_queryset().select_related("region", "examination_type")


class QuotaResource(RowErrorsMixin, DeleteColumnMixin, resources.ModelResource):
    year = fields.Field(attribute="quota_year", column_name="year", widget=NaturalKeyWidget(QuotaYear, "year"))
    region = fields.Field(attribute="region", column_name="region", widget=NaturalKeyWidget(Region, "slug"))
    count = fields.Field(attribute="count", column_name="count", widget=WholeNumberWidget())
    delete = fields.Field(column_name="delete", readonly=True)

    class Meta:
        model = Quota
        fields = ("year", "region", "count", "delete")
        import_id_fields = ("year", "region")
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
