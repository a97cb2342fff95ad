from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from otandastar.admin import FoldedSearchMixin

from .models import Entry, Topic


class RussianMissingFilter(admin.SimpleListFilter):
    title = _("Russian translation")
    parameter_name = "ru"

    def lookups(self, request, model_admin):
        return [("missing", _("missing")), ("present", _("present"))]

    def queryset(self, request, queryset):
        missing = Q(question_ru__isnull=True) | Q(question_ru="") | Q(answer_ru__isnull=True) | Q(answer_ru="")
        if self.value() == "missing":
            return queryset.filter(missing)
        if self.value() == "present":
            return queryset.exclude(missing)
        return queryset


@admin.register(Topic)
class TopicAdmin(FoldedSearchMixin, TranslationAdmin):
    list_display = ("title", "order", "slug")
    list_editable = ("order",)
    search_fields = ("title_kk", "title_ru", "slug")
    fields = ("slug", ("title_kk", "title_ru"), "order")


@admin.register(Entry)
class EntryAdmin(FoldedSearchMixin, TranslationAdmin):
    search_document_kind = "entry"
    search_fields = ("question",)
    list_display = ("number", "question", "topic", "published", "last_reviewed", "has_russian", "updated")
    list_display_links = ("number", "question")
    list_filter = ("published", "topic", RussianMissingFilter, "last_reviewed")
    list_select_related = ("topic",)
    ordering = ("number",)
    readonly_fields = ("created", "updated")
    fieldsets = (
        (None, {"fields": ("number", "slug", "topic", "published", "last_reviewed", "feature")}),
        (_("Question"), {"fields": (("question_kk", "question_ru"),)}),
        (_("Answer"), {"fields": (("answer_kk", "answer_ru"),)}),
        (_("Source"), {"fields": (("source_kk", "source_ru"),)}),
        (_("History"), {"fields": ("created", "updated"), "classes": ("collapse",)}),
    )

    @admin.display(boolean=True, description=_("Russian"))
    def has_russian(self, obj):
        return obj.is_translated("ru")
