from django.contrib import admin
from django.utils import formats
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from import_export.admin import ExportMixin

from clinics.resources import SafeCSV, SafeXLSX

from . import selectors
from .models import Answer, Page
from .resources import AnswerResource, PageReportResource


class PeriodFilter(admin.SimpleListFilter):
    """Answers of the last 30 days, or all. On the page report it also sets what the counts count."""

    title = _("answered")
    parameter_name = "period"

    def lookups(self, request, model_admin):
        return [("30d", _("in the last 30 days"))]

    def queryset(self, request, queryset):
        if self.value() == "30d" and queryset.model is Answer:
            return queryset.filter(created__gte=selectors.recent_since())
        return queryset  # the page report is already counted for the period (PageAdmin.get_queryset)


class HasCommentFilter(admin.SimpleListFilter):
    title = _("comment")
    parameter_name = "commented"

    def lookups(self, request, model_admin):
        return [("yes", _("with a comment")), ("no", _("without a comment"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(comment="")
        if self.value() == "no":
            return queryset.filter(comment="")
        return queryset


class ReadOnlyMixin:
    """Readers' answers are evidence, not content: nobody adds or edits them (a superuser may delete spam)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class CommentInline(ReadOnlyMixin, admin.TabularInline):
    model = Answer
    fields = ("created", "language", "comment")
    readonly_fields = fields
    ordering = ("-created", "-pk")
    extra = 0
    can_delete = False
    verbose_name = _("comment")
    verbose_name_plural = _("what readers were looking for (newest first)")

    def get_queryset(self, request):
        return super().get_queryset(request).exclude(comment="")


def _site_links(path):
    return format_html_join(" · ", '<a href="/{}{}">{}</a>', ((code, path, code) for code in ("kk", "ru")))


@admin.register(Page)
class PageAdmin(ReadOnlyMixin, ExportMixin, admin.ModelAdmin):
    """Per page: how many readers answered, the share who found it useful, and their comments."""

    resource_classes = [PageReportResource]
    formats = [SafeCSV, SafeXLSX]
    list_display = ("path", "answers", "share", "comments", "last_answer")
    list_filter = (PeriodFilter,)
    search_fields = ("path",)
    fields = ("path", "on_site", "answers", "share")
    readonly_fields = fields
    inlines = [CommentInline]

    def get_queryset(self, request):
        since = selectors.recent_since() if request.GET.get(PeriodFilter.parameter_name) == "30d" else None
        return selectors.page_report(since=since)

    @admin.display(description=_("answers"), ordering="answer_count")
    def answers(self, page):
        return page.answer_count

    @admin.display(description=_("useful"), ordering="useful_count")
    def share(self, page):
        percent = selectors.useful_share(page.useful_count, page.answer_count)
        return format_html(
            "{} % ({})",
            percent,
            _("%(useful)s of %(total)s") % {"useful": page.useful_count, "total": page.answer_count},
        )

    @admin.display(description=_("comments"), ordering="comment_count")
    def comments(self, page):
        return page.comment_count

    @admin.display(description=_("last answer"), ordering="last_answer")
    def last_answer(self, page):
        return formats.date_format(page.last_answer, "SHORT_DATETIME_FORMAT") if page.last_answer else "—"

    @admin.display(description=_("on the site"))
    def on_site(self, page):
        return _site_links(page.path)


@admin.register(Answer)
class AnswerAdmin(ReadOnlyMixin, ExportMixin, admin.ModelAdmin):
    resource_classes = [AnswerResource]
    formats = [SafeCSV, SafeXLSX]
    list_display = ("created", "page", "language", "useful", "comment")
    list_filter = (PeriodFilter, "useful", HasCommentFilter, "language")
    list_select_related = ("page",)
    ordering = ("-created", "-pk")
    date_hierarchy = None
    fields = ("created", "page", "language", "useful", "comment")
    readonly_fields = fields
