"""Spreadsheet (CSV/XLSX) import and export of clinic rows and quotas (django-import-export).

Files use natural keys, not database ids: region and examination type by slug, the quota
year by its number. A row whose `delete` column says yes/1 deletes the matching record.
The preview, and at confirm a second check, read only and run outside any transaction; then confirm
writes in one transaction, which checks each row again: a file with any invalid row writes nothing.

Files are untrusted: exported cells that a spreadsheet program would run as a formula get a leading
apostrophe (taken off again on import, so a round trip changes nothing), and uploads are refused past
a size, a number of rows and a length of cell (settings SPREADSHEET_IMPORT_*) before any row is checked.
"""

import io
import itertools
import re
import zipfile

import tablib
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from import_export import fields, resources
from import_export.formats import base_formats
from import_export.instance_loaders import ModelInstanceLoader
from import_export.tmp_storages import CacheStorage
from import_export.widgets import CharWidget, ForeignKeyWidget, IntegerWidget

from editing.html import normalize_text

from .models import Clinic, ExaminationType, Quota, QuotaYear, Region
from .phones import normalize_phone

YES = {"1", "yes", "y", "true", "x", "иә", "ия", "да"}

# What Excel, LibreOffice and Google Sheets may run as a formula: = + - @, and tab or CR (skipped
# before one). Apostrophes in front are counted in, so that a text which already starts with
# "'=" also survives the round trip (export adds one apostrophe, import removes one).
FORMULA_START = re.compile(r"'*[=+\-@\t\r]")


def neutralise(value):
    """The cell as text a spreadsheet shows and never runs: an apostrophe in front."""
    if isinstance(value, str) and FORMULA_START.match(value):
        return "'" + value
    return value


def restore(value):
    """The text before `neutralise`; a file an editor typed by hand (no apostrophe) is left as it is."""
    if isinstance(value, str) and value.startswith("'") and FORMULA_START.match(value):
        return value[1:]
    return value


MAX_COLUMNS = 30  # columns read from a workbook; the resources use at most 11


class SpreadsheetLimitError(ValueError):
    """A file past the limits: its message is shown to the editor as the upload's error."""


def _limits():
    return settings.SPREADSHEET_IMPORT_MAX_ROWS, settings.SPREADSHEET_IMPORT_MAX_CELL_CHARS


def _checked_rows(rows):
    """(the row's number in the file, the row) for each row, the header first, with restored text; refused
    past the row or cell limit while reading."""
    max_rows, max_cell = _limits()
    count = -1  # the header is not a data row
    for number, row in enumerate(rows, 1):
        if all(value in (None, "") for value in row):
            continue  # blank lines (and formatted but empty rows of a workbook) are not rows
        count += 1
        if count > max_rows:
            raise SpreadsheetLimitError(
                _("The file has more than %(count)s rows. Split it into several files.") % {"count": max_rows}
            )
        if any(isinstance(value, str) and len(value) > max_cell for value in row):
            raise SpreadsheetLimitError(
                _("Row %(row)s has a cell longer than %(chars)s characters.") % {"row": count + 1, "chars": max_cell}
            )
        yield number, [restore(value) for value in row]


def _dataset(rows):
    rows = _checked_rows(rows)
    _number, headers = next(rows, (1, []))
    dataset = tablib.Dataset(headers=headers)
    # The row numbers the editor's spreadsheet program shows (blank rows are left out of the dataset).
    dataset.sheet_rows = []
    for number, row in rows:
        dataset.append(row)
        dataset.sheet_rows.append(number)
    return dataset


class NeutralisingFormatMixin:
    def _escape_formulae(self, dataset):
        # The library's own escaping drops one leading "=" (changing the text) and misses + - @.
        for _row in range(len(dataset)):
            dataset.append([neutralise(value) for value in dataset.lpop()])


class SafeCSV(NeutralisingFormatMixin, base_formats.CSV):
    def create_dataset(self, in_stream, **kwargs):
        # The upload's size in bytes was checked by the form, so parsing it whole is bounded.
        parsed = super().create_dataset(in_stream, **kwargs)
        return _dataset(itertools.chain([parsed.headers or []], parsed))


class SafeXLSX(NeutralisingFormatMixin, base_formats.XLSX):
    def _escape_formulae(self, dataset):
        # Characters XML cannot hold (control characters) become U+FFFD in the same single pass: the
        # library's fallback for them (IMPORT_EXPORT_ESCAPE_ILLEGAL_CHARS_ON_EXPORT) exports twice,
        # which would put a second apostrophe in front.
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        for _row in range(len(dataset)):
            dataset.append(
                [
                    ILLEGAL_CHARACTERS_RE.sub("\N{REPLACEMENT CHARACTER}", value) if isinstance(value, str) else value
                    for value in map(neutralise, dataset.lpop())
                ]
            )

    def create_dataset(self, in_stream):
        import openpyxl

        # A few kilobytes of XLSX can unpack to hundreds of megabytes: check before reading a cell.
        with zipfile.ZipFile(io.BytesIO(in_stream)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
        if unpacked > settings.SPREADSHEET_IMPORT_MAX_UNPACKED_BYTES:
            raise SpreadsheetLimitError(
                _("The workbook unpacks to more than %(megabytes)s MB. Save only the rows to import.")
                % {"megabytes": settings.SPREADSHEET_IMPORT_MAX_UNPACKED_BYTES // 2**20}
            )
        # read_only streams the sheet row by row; data_only gives a formula cell's value, not the formula.
        book = openpyxl.load_workbook(io.BytesIO(in_stream), read_only=True, data_only=True)
        try:
            return _dataset(book.active.iter_rows(values_only=True, max_col=MAX_COLUMNS))
        finally:
            book.close()


# Formats listed here export numbers as numbers (not text); the library tests the exact class.
base_formats.BINARY_FORMATS.append(SafeXLSX)


class UploadStorage(CacheStorage):
    """An upload between preview and confirm: in the shared cache (every worker and server sees it),
    under a random name, gone after SPREADSHEET_IMPORT_LIFETIME seconds if never confirmed."""

    CACHE_PREFIX = "otandastar-import-"

    @property
    def CACHE_LIFETIME(self):  # noqa: N802 (the library's name)
        return settings.SPREADSHEET_IMPORT_LIFETIME


class NaturalKeyWidget(ForeignKeyWidget):
    """A related record by its natural key, with an error message an editor understands.

    Regions, examination types and years are few: one query reads them all for the import (the
    resource, and so this widget, is new for each preview and confirm), instead of one per cell."""

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            raise ValueError(_("This column is required."))
        value = str(value).strip()
        if self.field == "year":
            value = value.removesuffix(".0")  # spreadsheets store whole numbers as floats
        if getattr(self, "records", None) is None:
            self.records = {str(getattr(obj, self.field)): obj for obj in self.get_queryset(value, row)}
        try:
            return self.records[value]
        except KeyError as error:
            raise ValueError(
                _("No %(model)s “%(value)s”. Use one of: %(choices)s.")
                % {"model": self.model._meta.verbose_name, "value": value, "choices": ", ".join(self.records)}
            ) from error


class KeyedInstanceLoader(ModelInstanceLoader):
    """The records a file names by its key columns, read in one query instead of one per row."""

    def __init__(self, resource, dataset=None):
        super().__init__(resource, dataset)
        resource.instance_loader = self  # so that the resource can tell it about rows it saves or deletes
        self.key_fields = [resource.fields[name] for name in resource.get_import_id_fields()]
        self.records = None

    def key_of(self, obj):
        return tuple(obj.serializable_value(field.attribute) for field in self.key_fields)

    def get_instance(self, row):
        if self.records is None:
            self.records = {self.key_of(obj): obj for obj in self.get_queryset()}
        values = [field.clean(row) for field in self.key_fields]
        return self.records.get(tuple(getattr(value, "pk", value) for value in values))

    def remember(self, obj):
        if self.records is not None and obj.pk is not None:  # a dry run saves nothing: nothing to remember
            self.records[self.key_of(obj)] = obj

    def forget(self, obj):
        if self.records is not None:
            self.records.pop(self.key_of(obj), None)


class WholeNumberWidget(IntegerWidget):
    """Counts and positions: whole numbers only (the stock widget would turn 2.5 into 2)."""

    def clean(self, value, row=None, **kwargs):
        text = str(value if value is not None else "").strip().removesuffix(".0")
        if not text.isdigit():
            raise ValueError(_("Enter a whole number, 0 or more."))
        return int(text)


class PhoneWidget(CharWidget):
    """A phone cell in E.164, so a row typed as 8 (…) compares equal to the stored +7…; Clinic.clean() refuses
    a number that is not valid (the row's error)."""

    def clean(self, value, row=None, **kwargs):
        return normalize_phone(str(value if value is not None else "").removesuffix(".0"))  # number cells: floats


class RowErrorsMixin:
    """An unknown region or year in a key column is reported as that row's error, like any other."""

    def get_instance(self, instance_loader, row):
        try:
            return super().get_instance(instance_loader, row)
        except ValueError:
            return None  # importing the row then names the bad value in its own error

    def after_save_instance(self, instance, row, **kwargs):
        # A second row with the same key in one file then updates the first, as before.
        self.instance_loader.remember(instance)

    def after_delete_instance(self, instance, row, **kwargs):
        self.instance_loader.forget(instance)


class RelatedReadOnceMixin:
    """Django's full_clean would check again, one query per row and column, that the region, type or
    year exists: the key widgets have just read it (and read it again in the confirm's transaction)."""

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        related = {f.attribute for f in self.get_import_fields() if isinstance(f.widget, NaturalKeyWidget)}
        try:
            instance.full_clean(exclude=set(errors) | related, validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if validate_unique:  # as full_clean: uniqueness and constraints of the fields without errors
            exclude = {name for name in errors if name != NON_FIELD_ERRORS}
            for check in (instance.validate_unique, instance.validate_constraints):
                try:
                    check(exclude=exclude)
                except ValidationError as error:
                    errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)


class DeleteColumnMixin:
    """A `delete` column: yes/1 (also иә/да) in it deletes the record named by the row's keys."""

    def for_delete(self, row, instance):
        return str(row.get("delete") or "").strip().lower() in YES

    def dehydrate_delete(self, obj):
        return ""


class PreviewOutsideTransactionMixin:
    """A dry run (the preview, and the check before confirm) only reads, outside any transaction.

    The library would run it inside one, saving each row and rolling back at the end; on SQLite that
    holds the write lock for the whole file. Outside a transaction it skips the saves and deletes
    (save_instance/delete_instance) and only checks each row and shows its difference."""

    def import_data(self, dataset, dry_run=False, raise_errors=False, collect_failed_rows=False, **kwargs):
        if not dry_run:
            return super().import_data(
                dataset, dry_run=False, raise_errors=raise_errors, collect_failed_rows=collect_failed_rows, **kwargs
            )
        kwargs.pop("use_transactions", None)
        kwargs.pop("rollback_on_validation_errors", None)
        return self.import_data_inner(
            dataset,
            dry_run=True,
            raise_errors=raise_errors,
            using_transactions=False,
            collect_failed_rows=collect_failed_rows,
            **kwargs,
        )


LANGUAGE_LABELS = {"kk": _lazy("%(field)s, in Kazakh"), "ru": _lazy("%(field)s, in Russian")}


class EditorFacingMixin:
    """What the editor sees of a file: column headers in the admin's language (an import also accepts
    the other language's and the field names), the preview's rows with the spreadsheet's own row numbers
    and their errors, and text compared and stored as the admin stores it (editing.html.normalize_text),
    so that importing a file just exported changes nothing."""

    def column_label(self, name: str) -> str:
        opts = self._meta.model._meta
        base, _sep, code = name.rpartition("_")
        if code in LANGUAGE_LABELS and base in {f.name for f in opts.concrete_fields}:
            return LANGUAGE_LABELS[code] % {"field": capfirst(opts.get_field(base).verbose_name)}
        if name == "delete":
            return capfirst(_("delete"))
        return capfirst(opts.get_field(self.fields[name].attribute).verbose_name)

    def get_export_headers(self, selected_fields=None):
        return [self.column_label(field.column_name) for field in self.get_export_fields(selected_fields)]

    def get_diff_headers(self):
        return [self.column_label(field.column_name) for field in self.get_import_fields()]

    def text_fields(self) -> set[str]:
        opts = self._meta.model._meta
        return {
            name
            for name, field in self.fields.items()
            if field.attribute
            and isinstance(opts.get_field(field.attribute), (models.CharField, models.TextField))
            and not isinstance(field.widget, ForeignKeyWidget)
        }

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        known = {}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                known |= {self.column_label(name).casefold(): name for name in self.fields}
        known |= {name.casefold(): name for name in self.fields}
        if dataset.headers:
            dataset.headers = [
                known.get(str(h if h is not None else "").strip().casefold(), h) for h in dataset.headers
            ]
        self.sheet_rows = getattr(dataset, "sheet_rows", None)

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        for name in self.text_fields():
            attribute = self.fields[name].attribute
            setattr(instance, attribute, normalize_text(getattr(instance, attribute)))

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if not super().skip_row(instance, original, row, import_validation_errors):
            # Text stored before the normalisation (None, stray spaces) compares as the admin would store it.
            if import_validation_errors or not self._meta.skip_unchanged or original is None:
                return False
            text = self.text_fields()
            for name, field in self.fields.items():
                if field.readonly or not field.attribute:
                    continue
                new, old = field.get_value(instance), field.get_value(original)
                if name in text:
                    new, old = normalize_text(new), normalize_text(old)
                if new != old:
                    return False
        return True

    def import_row(self, row, instance_loader, **kwargs):
        result = super().import_row(row, instance_loader, **kwargs)
        number = kwargs.get("row_number") or 0
        sheet_rows = getattr(self, "sheet_rows", None)
        result.sheet_row = sheet_rows[number - 1] if sheet_rows and 0 < number <= len(sheet_rows) else number + 1
        result.messages = []
        if result.validation_error is not None:
            error = result.validation_error
            errors = error.message_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error.messages}
            labels = {field.attribute: self.column_label(name) for name, field in self.fields.items()}
            for name, messages in errors.items():
                result.messages += [(labels.get(name, ""), message) for message in messages]
        for error in result.errors:
            result.messages.append(("", str(error.error)))
        if result.messages:
            # An invalid row has no diff: show the cells as the file has them (empty as empty).
            result.cells = [
                "" if row.get(f.column_name) is None else row.get(f.column_name) for f in self.get_import_fields()
            ]
        return result


class ClinicResource(
    EditorFacingMixin,
    PreviewOutsideTransactionMixin,
    RowErrorsMixin,
    RelatedReadOnceMixin,
    DeleteColumnMixin,
    resources.ModelResource,
):
    region = fields.Field(attribute="region", column_name="region", widget=NaturalKeyWidget(Region, "slug"))
    examination_type = fields.Field(
        attribute="examination_type", column_name="examination_type", widget=NaturalKeyWidget(ExaminationType, "slug")
    )
    position = fields.Field(attribute="position", column_name="position", widget=WholeNumberWidget())
    phone = fields.Field(attribute="phone", column_name="phone", widget=PhoneWidget())
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
        instance_loader_class = KeyedInstanceLoader
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def get_queryset(self):
        return super().get_queryset().select_related("region", "examination_type")


class QuotaResource(
    EditorFacingMixin,
    PreviewOutsideTransactionMixin,
    RowErrorsMixin,
    RelatedReadOnceMixin,
    DeleteColumnMixin,
    resources.ModelResource,
):
    year = fields.Field(attribute="quota_year", column_name="year", widget=NaturalKeyWidget(QuotaYear, "year"))
    region = fields.Field(attribute="region", column_name="region", widget=NaturalKeyWidget(Region, "slug"))
    count = fields.Field(attribute="count", column_name="count", widget=WholeNumberWidget())
    delete = fields.Field(column_name="delete", readonly=True)

    class Meta:
        model = Quota
        fields = ("year", "region", "count", "delete")
        import_id_fields = ("year", "region")
        instance_loader_class = KeyedInstanceLoader
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
