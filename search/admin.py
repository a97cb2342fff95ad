from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from editing.admin import HistoryMixin
from editing.forms import UnchangedSinceOpenedMixin
from editing.html import html_to_text

from .models import WORD_SEPARATORS, SearchDocument, SearchQuery, SynonymGroup
from .query import normalized
from .synonyms import key_word
from .textfold import fold


class FoldedSearchMixin:
    """Admin search in both languages that ignores case and Kazakh letter marks.

    SQLite's icontains ignores Cyrillic case, and neither database folds қ/к or ә/а, so the
    default admin search would miss most Kazakh and Russian queries. Entries and clinic rows
    are searched through their search documents; small lists (regions, topics…), and objects
    without documents (unpublished entries are not searchable on the site, but editors must
    find their drafts), are folded in Python over `search_fields` in every language.
    """

    search_document_kind = None

    def get_search_results(self, request, queryset, search_term):
        terms = [fold(word) for word in search_term.split()]
        if not terms:
            return queryset, False
        if self.search_document_kind:
            indexed = SearchDocument.objects.filter(kind=self.search_document_kind)
            documents = indexed
            for term in terms:
                documents = documents.filter(
                    object_id__in=indexed.filter(Q(title__contains=term) | Q(body__contains=term)).values("object_id")
                )
            drafts = self._matching(queryset.exclude(pk__in=indexed.values("object_id")), terms)
            return queryset.filter(Q(pk__in=documents.values("object_id")) | Q(pk__in=drafts)), False
        return queryset.filter(pk__in=self._matching(queryset, terms)), False

    def _matching(self, queryset, terms) -> list:
        """Primary keys of the objects whose folded `search_fields` (each language) contain every term."""
        matching = []
        for obj in queryset:
            text = self._folded_text(obj)
            if all(term in text for term in terms):
                matching.append(obj.pk)
        return matching

    def _folded_text(self, obj) -> str:
        names = [
            variant
            for name in self.search_fields
            for variant in (name, *(f"{name}_{code}" for code in settings.MODELTRANSLATION_LANGUAGES))
        ]
        return fold(html_to_text(" ".join(str(getattr(obj, name, "") or "") for name in names)))


class FoundNothingFilter(admin.SimpleListFilter):
    title = _("results")
    parameter_name = "found"

    def lookups(self, request, model_admin):
        return [("no", _("found nothing")), ("yes", _("found something"))]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.filter(last_results=0)
        if self.value() == "yes":
            return queryset.filter(last_results__gt=0)
        return queryset


class SearchedFilter(admin.SimpleListFilter):
    """By default only queries searched more than once: anyone can search for anything once, so the
    single searches (typos, made-up words, a flood of them) would bury what many visitors look for."""

    title = _("how often searched")
    parameter_name = "searched"
    CHOICES = [
        (None, _("more than once")),
        ("once", _("only once")),
        ("all", _("all searches")),
    ]

    def lookups(self, request, model_admin):
        return [(value, label) for value, label in self.CHOICES if value]

    def choices(self, changelist):
        # No "All" link of Django's own: "more than once" is what the list shows without a choice.
        for value, label in self.CHOICES:
            yield {
                "selected": self.value() == value,
                "query_string": changelist.get_query_string(
                    {self.parameter_name: value} if value else {}, [] if value else [self.parameter_name]
                ),
                "display": label,
            }

    def queryset(self, request, queryset):
        if self.value() == "all":
            return queryset
        if self.value() == "once":
            return queryset.filter(count=1)
        return queryset.filter(count__gt=1)


@admin.register(SearchQuery)
class SearchQueryAdmin(admin.ModelAdmin):
    """What visitors look for; queries without results point at missing answers."""

    list_display = ("query", "language", "count", "zero_results", "last_results", "last_seen", "add_synonym")
    list_filter = (SearchedFilter, FoundNothingFilter, "language")
    search_fields = ("query",)
    ordering = ("-count",)
    readonly_fields = ("query", "language", "count", "zero_results", "last_results", "first_seen", "last_seen")

    def get_search_results(self, request, queryset, search_term):
        # Queries are stored normalized (folded, lower case): an editor's words are compared the same way.
        for word in normalized(search_term).split():
            queryset = queryset.filter(query__contains=word)
        return queryset, False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("synonym"))
    def add_synonym(self, obj):
        # A search that found nothing may use another word for what the site calls otherwise.
        if obj.last_results:
            return ""
        url = reverse("admin:search_synonymgroup_add") + "?" + urlencode({"language": obj.language, "words": obj.query})
        return format_html('<a href="{}">{}</a>', url, _("add a synonym"))


class SynonymGroupForm(UnchangedSinceOpenedMixin, forms.ModelForm):
    class Meta:
        model = SynonymGroup
        fields = ("language", "words", "note")

    def clean_words(self):
        words = self.cleaned_data["words"]
        keys = {key_word(w) for w in WORD_SEPARATORS.split(words)} - {""}
        if len(keys) < 2:
            raise ValidationError(
                _("A group needs at least two different words: the word readers type and the word the site uses."),
                code="one_word",
            )
        return words


@admin.register(SynonymGroup)
class SynonymGroupAdmin(FoldedSearchMixin, HistoryMixin, SimpleHistoryAdmin):
    """Words searched as one: an everyday word and the official term, Kazakh and Russian equivalents."""

    form = SynonymGroupForm
    fields = ("language", "words", "note", "seen_updated")

    list_display = ("__str__", "language", "note")
    list_filter = ("language",)
    search_fields = ("words", "note")
