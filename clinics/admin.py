from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Sum
from django.forms.models import BaseInlineFormSet
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from import_export.admin import ImportExportModelAdmin
from import_export.forms import ConfirmImportForm, ImportForm
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from editing.admin import HistoryMixin, ProtectedDeleteMixin, TranslationStatusMixin
from editing.forms import StableSlugMixin
from search.admin import FoldedSearchMixin
from search.documents import indexing_deferred
from search.models import SearchDocument

from . import selectors
from .forms import ClinicAdminForm
from .models import Clinic, ClinicToCheck, ExaminationType, Quota, QuotaYear, Region
from .quality import PROBLEMS, problems_of, rows_with
from .resources import ClinicResource, QuotaResource, SafeCSV, SafeXLSX, SpreadsheetLimitError


def upload_salt(user):
    """An upload's token is good for the editor who uploaded it only."""
    return f"clinics.import-upload:{user.pk}"


class SpreadsheetImportForm(ImportForm):
    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        limit = settings.SPREADSHEET_IMPORT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is larger than %(limit)s bytes (%(megabytes)s MB). Split it into several files.")
                % {"limit": limit, "megabytes": round(limit / 2**20, 1)}
            )
        return upload


class SpreadsheetConfirmForm(ConfirmImportForm):
    """The upload is named by a signed, expiring token (not a file name), the format by its position."""

    def __init__(self, *args, formats=(), salt="", **kwargs):
        super().__init__(*args, **kwargs)
        self.salt = salt
        self.fields["format"] = forms.ChoiceField(
            choices=[(str(i), str(i)) for i in range(len(formats))], widget=forms.HiddenInput()
        )

    def clean_import_file_name(self):
        try:
            return signing.loads(
                self.cleaned_data["import_file_name"], salt=self.salt, max_age=settings.SPREADSHEET_IMPORT_LIFETIME
            )
        except signing.BadSignature as error:
            raise forms.ValidationError(_("The upload is unknown or has expired.")) from error


class SpreadsheetMixin:
    """CSV and XLSX import/export with a preview (django-import-export), hardened for untrusted files.

    Preview and confirm check every row outside any transaction (ClinicResource's dry run); confirm then
    writes in one transaction that checks each row again and writes nothing if one fails.
    """

    formats = [SafeCSV, SafeXLSX]
    import_template_name = "clinics/admin/import.html"
    import_form_class = SpreadsheetImportForm
    confirm_form_class = SpreadsheetConfirmForm

    def get_confirm_form_kwargs(self, request, import_form=None):
        kwargs = super().get_confirm_form_kwargs(request, import_form)
        return kwargs | {"formats": self.get_import_formats(), "salt": upload_salt(request.user)}

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if initial:
            initial["import_file_name"] = signing.dumps(initial["import_file_name"], salt=upload_salt(request.user))
        return initial

    def get_data_for_export(self, request, queryset, **kwargs):
        dataset = super().get_data_for_export(request, queryset, **kwargs)
        # The workbook's sheet is named after the list in the editor's language (tablib's default is
        # "Tablib Dataset"); a sheet name holds at most 31 characters.
        dataset.title = capfirst(str(self.model._meta.verbose_name_plural))[:31]
        return dataset

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, SpreadsheetLimitError):
            form.add_error("import_file", str(e))
        else:
            super().add_data_read_fail_error_to_form(form, e)

    def get_import_data_kwargs(self, **kwargs):
        # At confirm: one failing row rolls back the whole file, as the preview promises.
        return super().get_import_data_kwargs(**kwargs) | {"rollback_on_validation_errors": True}

    @method_decorator(require_POST)
    def process_import(self, request, **kwargs):
        if not self.has_import_permission(request):
            raise PermissionDenied
        app_label, model_name = self.get_model_info()
        import_url = reverse(f"admin:{app_label}_{model_name}_import", current_app=self.admin_site.name)
        form = self.create_confirm_form(request)
        storage = None
        if form.is_valid():
            input_format = self.get_import_formats()[int(form.cleaned_data["format"])](encoding=self.from_encoding)
            storage = self.get_tmp_storage_class()(name=form.cleaned_data["import_file_name"])
            data = storage.read()
        if storage is None or data is None:
            messages.error(request, _("This upload has expired or is not valid. Please upload the file again."))
            return redirect(import_url)
        try:
            try:
                dataset = input_format.create_dataset(data)
            except Exception:  # checked at the preview; only changed limits or a damaged cache lead here
                messages.error(request, _("This upload has expired or is not valid. Please upload the file again."))
                return redirect(import_url)
            resource = self.choose_import_resource_class(form, request)(
                **self.get_import_resource_kwargs(request, form=form, **kwargs)
            )
            # Check every row again first, outside any transaction: the database may have changed since
            # the preview (e.g. a region was deleted). Only a clean file takes the write lock.
            result = resource.import_data(dataset, dry_run=True, raise_errors=False, user=request.user)
            if not (result.has_errors() or result.has_validation_errors()):
                # The rows are indexed for search once, after the write transaction, not row by row inside it.
                with indexing_deferred():
                    result = self.process_dataset(dataset, form, request, **kwargs)
        finally:
            storage.remove()
        if result.has_errors() or result.has_validation_errors():
            return self.confirm_failed(request, result)
        return self.process_result(result, request)

    def confirm_failed(self, request, result):
        messages.error(
            request,
            _(
                "Nothing was imported: the file no longer passes the checks (the data changed after the preview). "
                "Correct the rows below and upload the file again."
            ),
        )
        resources = self.get_import_resource_classes(request)
        form = self.get_import_form_class(request)(self.get_import_formats(), resources)
        context = self.admin_site.each_context(request) | {
            "title": _("Import"),
            "form": form,
            "opts": self.model._meta,
            "media": self.media + form.media,
            "result": result,
            "fields_list": [],
            "import_error_display": self.import_error_display,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, [self.import_template_name], context)


class RegionAlphabetFilter(admin.RelatedFieldListFilter):
    """Regions in the alphabet of the admin's language (a database sorts Ә, Қ, Ө after Я)."""

    def field_choices(self, field, request, model_admin):
        return [(region.pk, str(region)) for region in selectors.regions_in_alphabet_order()]


class RegionAdminForm(StableSlugMixin, forms.ModelForm):
    """Region pages are public from the start: their slug stays."""


@admin.register(Region)
class RegionAdmin(
    ProtectedDeleteMixin, TranslationStatusMixin, FoldedSearchMixin, HistoryMixin, SimpleHistoryAdmin, TranslationAdmin
):
    form = RegionAdminForm
    russian_fields = ("name", "short_name")
    list_display = ("name", "kind", "short_name", "slug", "row_count")
    list_filter = ("kind",)
    search_fields = ("name_kk", "name_ru", "slug")
    fields = ("slug", "kind", ("name_kk", "name_ru"), ("short_name_kk", "short_name_ru"))

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(row_count=Count("clinics"))

    @admin.display(description=_("clinic rows"), ordering="row_count")
    def row_count(self, obj):
        return obj.row_count


@admin.register(ExaminationType)
class ExaminationTypeAdmin(
    ProtectedDeleteMixin, TranslationStatusMixin, FoldedSearchMixin, HistoryMixin, SimpleHistoryAdmin, TranslationAdmin
):
    russian_fields = ("name", "short_name")
    search_fields = ("name_kk", "name_ru", "short_name_kk", "short_name_ru")
    list_display = ("short_name", "name", "order", "slug")
    list_editable = ("order",)
    fields = ("slug", ("name_kk", "name_ru"), ("short_name_kk", "short_name_ru"), "order")


@admin.register(Clinic)
class ClinicAdmin(
    SpreadsheetMixin,
    TranslationStatusMixin,
    FoldedSearchMixin,
    ImportExportModelAdmin,
    HistoryMixin,
    SimpleHistoryAdmin,
    TranslationAdmin,
):
    resource_classes = [ClinicResource]
    form = ClinicAdminForm
    russian_fields = ("address", "transport", "note")
    search_document_kind = SearchDocument.Kind.CLINIC
    search_fields = ("address",)
    list_display = ("region", "position", "examination_type", "address", "phone")
    list_display_links = ("region", "examination_type")
    list_filter = (("region", RegionAlphabetFilter), "examination_type")
    list_select_related = ("region", "examination_type")
    ordering = ("region__slug", "position")
    fields = (
        ("region", "examination_type", "position"),
        ("address_kk", "address_ru"),
        ("transport_kk", "transport_ru"),
        "phone",
        ("note_kk", "note_ru"),
    )


class QuotaFormSet(BaseInlineFormSet):
    """One quota per region per year, said in the editor's words (the database constraint backs it)."""

    def clean(self):
        # Before Django's own duplicate check, which names fields rather than the region.
        seen = set()
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            region = form.cleaned_data.get("region")
            if region is None:
                continue
            if region.pk in seen:
                form.add_error(
                    "region",
                    _("%(region)s already has a quota for this year; enter each region once.") % {"region": region},
                )
            seen.add(region.pk)
        if any(form.errors for form in self.forms):
            return
        super().clean()


class QuotaInline(admin.TabularInline):
    model = Quota
    formset = QuotaFormSet
    extra = 1
    fields = ("region", "count")


@admin.register(QuotaYear)
class QuotaYearAdmin(TranslationStatusMixin, HistoryMixin, SimpleHistoryAdmin, TranslationAdmin):
    russian_fields = ("legal_order", "eligibility")
    list_display = ("year", "published", "shown_from", "final", "region_count", "total", "is_public")
    inlines = [QuotaInline]
    fields = (
        "year",
        ("published", "shown_from", "final"),
        ("legal_order_kk", "legal_order_ru"),
        ("eligibility_kk", "eligibility_ru"),
    )

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(total_count=Sum("quotas__count"), regions=Count("quotas"), region_total=Count("quotas"))
        )

    def changelist_view(self, request, extra_context=None):
        self.region_total = Region.objects.count()  # for is_public, read once per list
        return super().changelist_view(request, extra_context)

    @admin.display(boolean=True, description=_("on the public pages"))
    def is_public(self, obj):
        return selectors.quota_year_is_public(obj, region_count=self.region_total)

    @admin.display(description=_("regions"), ordering="regions")
    def region_count(self, obj):
        return obj.regions

    @admin.display(description=_("total"), ordering="total_count")
    def total(self, obj):
        return obj.total_count or 0


@admin.register(Quota)
class QuotaAdmin(SpreadsheetMixin, ImportExportModelAdmin, HistoryMixin, SimpleHistoryAdmin):
    """The quota counts one row per region and year, for spreadsheet work and history."""

    resource_classes = [QuotaResource]
    list_display = ("quota_year", "region", "count")
    list_filter = ("quota_year", ("region", RegionAlphabetFilter))
    list_select_related = ("quota_year", "region")
    ordering = ("-quota_year__year", "region__slug")


class ProblemFilter(admin.SimpleListFilter):
    title = _("problem")
    parameter_name = "problem"

    def lookups(self, request, model_admin):
        return list(PROBLEMS.items())

    def queryset(self, request, queryset):
        if self.value() in PROBLEMS:
            return queryset.filter(pk__in=rows_with(queryset, self.value()))
        return queryset


@admin.register(ClinicToCheck)
class ClinicToCheckAdmin(admin.ModelAdmin):
    """Data to check: clinic rows with a missing address, a missing or invalid phone, or missing Russian.
    Read-only; each row links to the clinic row's own change form, where the editor fixes it."""

    list_display = ("region", "position", "examination_type", "problems", "fix")
    list_display_links = None
    list_filter = (ProblemFilter, ("region", RegionAlphabetFilter))
    list_select_related = ("region", "examination_type")
    ordering = ("region__slug", "position")
    actions = None

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset.filter(pk__in=rows_with(queryset))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("problems"))
    def problems(self, obj):
        return format_html_join(", ", "{}", ((PROBLEMS[code],) for code in problems_of(obj)))

    @admin.display(description=_("fix"))
    def fix(self, obj):
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:clinics_clinic_change", args=[obj.pk]), _("Open the row to fix it")
        )
