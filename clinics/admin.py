from django.contrib import admin
from django.db.models import Count, Sum
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from otandastar.admin import FoldedSearchMixin, TranslationStatusMixin

from .models import Clinic, ExaminationType, Quota, QuotaYear, Region


@admin.register(Region)
class RegionAdmin(TranslationStatusMixin, FoldedSearchMixin, TranslationAdmin):
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
class ExaminationTypeAdmin(TranslationStatusMixin, FoldedSearchMixin, TranslationAdmin):
    russian_fields = ("name", "short_name")
    search_fields = ("name_kk", "name_ru", "short_name_kk", "short_name_ru")
    list_display = ("short_name", "name", "order", "slug")
    list_editable = ("order",)
    fields = ("slug", ("name_kk", "name_ru"), ("short_name_kk", "short_name_ru"), "order")


@admin.register(Clinic)
class ClinicAdmin(TranslationStatusMixin, FoldedSearchMixin, TranslationAdmin):
    russian_fields = ("address", "transport", "note")
    search_document_kind = "clinic"
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


class QuotaInline(admin.TabularInline):
    model = Quota
    extra = 1
    fields = ("region", "count")


@admin.register(QuotaYear)
class QuotaYearAdmin(TranslationStatusMixin, TranslationAdmin):
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
