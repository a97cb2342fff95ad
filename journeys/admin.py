from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline
from simple_history.admin import SimpleHistoryAdmin

from editing.admin import TranslationStatusMixin

from .forms import JourneyAdminForm
from .models import Journey, Step

STEP_FIELDS = (
    ("order", "relation"),
    ("title_kk", "title_ru"),
    ("summary_kk", "summary_ru"),
    ("cost_kk", "cost_ru"),
    ("duration_kk", "duration_ru"),
    "entries",
)


class StepInline(TranslationStackedInline):
    model = Step
    extra = 0
    fields = STEP_FIELDS
    autocomplete_fields = ("entries",)
    show_change_link = True  # each step's own page has its history


@admin.register(Journey)
class JourneyAdmin(TranslationStatusMixin, SimpleHistoryAdmin, TranslationAdmin):
    form = JourneyAdminForm
    russian_fields = ("title", "summary")
    list_display = ("title", "published", "order", "slug")
    search_fields = ("title_kk", "title_ru", "slug")
    fields = ("slug", "published", "order", ("title_kk", "title_ru"), ("summary_kk", "summary_ru"), "seen_updated")
    inlines = [StepInline]


@admin.register(Step)
class StepAdmin(TranslationStatusMixin, SimpleHistoryAdmin, TranslationAdmin):
    russian_fields = ("title", "summary", "cost", "duration")
    list_display = ("title", "journey", "order", "relation")
    list_filter = ("journey",)
    list_select_related = ("journey",)
    search_fields = ("title_kk", "title_ru")
    fields = ("journey", *STEP_FIELDS)
    autocomplete_fields = ("entries",)
