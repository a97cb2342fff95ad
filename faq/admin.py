from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from otandastar.admin import FoldedSearchMixin, TranslationStatusMixin

from .models import Entry, Topic


@admin.register(Topic)
class TopicAdmin(TranslationStatusMixin, FoldedSearchMixin, TranslationAdmin):
    russian_fields = ("title",)
    list_display = ("title", "order", "slug")
    list_editable = ("order",)
    search_fields = ("title_kk", "title_ru", "slug")
    fields = ("slug", ("title_kk", "title_ru"), "order")


@admin.register(Entry)
class EntryAdmin(TranslationStatusMixin, FoldedSearchMixin, TranslationAdmin):
    russian_fields = ("question", "answer", "source")
    search_document_kind = "entry"
    search_fields = ("question",)
    list_display = ("number", "question", "topic", "published", "last_reviewed", "updated")
    list_display_links = ("number", "question")
    list_filter = ("published", "topic", "last_reviewed")
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
