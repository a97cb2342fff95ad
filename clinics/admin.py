from django import forms
from django.contrib import admin
from django.db.models import Count, Sum
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import CSV, XLSX
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from editing.admin import ProtectedDeleteMixin, TranslationStatusMixin
from editing.forms import StableSlugMixin
from search.admin import FoldedSearchMixin
from search.models import SearchDocument

from .models import Clinic, ExaminationType, Quota, QuotaYear, Region
from .resources import ClinicResource, QuotaResource


class SpreadsheetMixin:
    """CSV and XLSX import/export with a preview (django-import-export)."""

    formats = [CSV, XLSX]


class RegionAdminForm(StableSlugMixin, forms.ModelForm):
    """Region pages are public from the start: their slug stays."""


@admin.register(Region)
class RegionAdmin(
    ProtectedDeleteMixin, TranslationStatusMixin, FoldedSearchMixin, SimpleHistoryAdmin, TranslationAdmin
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
    ProtectedDeleteMixin, TranslationStatusMixin, FoldedSearchMixin, SimpleHistoryAdmin, TranslationAdmin
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
    SimpleHistoryAdmin,
    TranslationAdmin,
):
    resource_classes = [ClinicResource]
    russian_fields = ("address", "transport", "note")
    search_document_kind = SearchDocument.Kind.CLINIC
    search_fields = ("address",)
    list_display = ("region", "position", "examination_type", "address", "phone")
    list_display_links = ("region", "examination_type")
    list_filter = ("region", "examination_type")
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
class QuotaYearAdmin(TranslationStatusMixin, SimpleHistoryAdmin, TranslationAdmin):
    russian_fields = ("legal_order", "eligibility")
    list_display = ("year", "published", "region_count", "total")
    inlines = [QuotaInline]
    fields = ("year", "published", ("legal_order_kk", "legal_order_ru"), ("eligibility_kk", "eligibility_ru"))

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(total_count=Sum("quotas__count"), regions=Count("quotas"))

    @admin.display(description=_("regions"), ordering="regions")
    def region_count(self, obj):
        return obj.regions

    @admin.display(description=_("total"), ordering="total_count")
    def total(self, obj):
        return obj.total_count or 0


@admin.register(Quota)
class QuotaAdmin(SpreadsheetMixin, ImportExportModelAdmin, SimpleHistoryAdmin):
    """The quota counts one row per region and year, for spreadsheet work and history."""

    resource_classes = [QuotaResource]
    list_display = ("quota_year", "region", "count")
    list_filter = ("quota_year", "region")
    list_select_related = ("quota_year", "region")
    ordering = ("-quota_year__year", "region__slug")
