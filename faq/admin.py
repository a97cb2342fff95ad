import datetime

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from editing.admin import HistoryMixin, ProtectedDeleteMixin, TranslationStatusMixin
from search.admin import FoldedSearchMixin
from search.models import SearchDocument

from . import selectors, services
from .forms import EntryAdminForm, TopicAdminForm
from .models import Entry, Mci, Topic

STALE_AFTER = datetime.timedelta(days=365)


@admin.register(Topic)
class TopicAdmin(
    ProtectedDeleteMixin, TranslationStatusMixin, FoldedSearchMixin, HistoryMixin, SimpleHistoryAdmin, TranslationAdmin
):
    form = TopicAdminForm
    russian_fields = ("title",)
    list_display = ("title", "order", "slug")
    list_editable = ("order",)
    search_fields = ("title_kk", "title_ru", "slug")
    fields = ("slug", ("title_kk", "title_ru"), "order")


class ReviewFilter(admin.SimpleListFilter):
    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("stale", _("Not reviewed for 12 months")), ("recent", _("Reviewed in the last 12 months"))]

    def queryset(self, request, queryset):
        cutoff = timezone.localdate() - STALE_AFTER
        if self.value() == "stale":
            return queryset.filter(last_reviewed__isnull=True) | queryset.filter(last_reviewed__lt=cutoff)
        if self.value() == "recent":
            return queryset.filter(last_reviewed__gte=cutoff)
        return queryset


@admin.register(Entry)
class EntryAdmin(TranslationStatusMixin, FoldedSearchMixin, HistoryMixin, SimpleHistoryAdmin, TranslationAdmin):
    form = EntryAdminForm
    html_fields = ("answer",)
    russian_fields = ("question", "answer", "source", "summary")
    search_document_kind = SearchDocument.Kind.ENTRY
    search_fields = ("question", "answer", "source")
    list_display = ("number", "question", "topic", "published", "last_reviewed", "updated")
    list_display_links = ("number", "question")
    list_filter = ("published", ReviewFilter, "topic", "last_reviewed")
    list_select_related = ("topic",)
    ordering = ("number",)
    readonly_fields = ("created", "updated")
    actions = ["publish", "unpublish", "mark_reviewed"]
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "number",
                    "slug",
                    "topic",
                    "published",
                    ("last_reviewed", "mark_reviewed"),
                    "feature",
                    "checklist",
                    "seen_updated",
                )
            },
        ),
        (_("Question"), {"fields": (("question_kk", "question_ru"),)}),
        (_("In short"), {"fields": (("summary_kk", "summary_ru"),)}),
        (_("Answer"), {"fields": (("answer_kk", "answer_ru"),)}),
        (_("Source"), {"fields": (("source_kk", "source_ru"),)}),
        (_("History"), {"fields": ("created", "updated"), "classes": ("collapse",)}),
    )

    @admin.action(description=_("Publish selected entries"), permissions=["change"])
    def publish(self, request, queryset):
        self._set_published(request, queryset, True)

    @admin.action(description=_("Unpublish selected entries"), permissions=["change"])
    def unpublish(self, request, queryset):
        self._set_published(request, queryset, False)

    @admin.action(description=_("Mark selected entries reviewed today"), permissions=["change"])
    def mark_reviewed(self, request, queryset):
        count = services.entries_mark_reviewed(entries=queryset, user=request.user)
        message = ngettext("%(count)d entry marked reviewed today.", "%(count)d entries marked reviewed today.", count)
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    def get_changeform_initial_data(self, request):
        # A new entry is proposed the next free number (the slug comes from its question on save).
        return {"number": selectors.next_entry_number(), **super().get_changeform_initial_data(request)}

    def _set_published(self, request, queryset, published):
        count = services.entries_set_published(entries=queryset, published=published, user=request.user)
        message = (
            ngettext("%(count)d entry published.", "%(count)d entries published.", count)
            if published
            else ngettext("%(count)d entry unpublished.", "%(count)d entries unpublished.", count)
        )
        self.message_user(request, message % {"count": count}, messages.SUCCESS)


@admin.register(Mci)
class MciAdmin(admin.ModelAdmin):
    list_display = ("year", "value")
    ordering = ("-year",)
