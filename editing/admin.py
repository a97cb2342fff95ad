"""Admin building blocks shared by the content apps (faq, clinics)."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from . import history

LANGUAGE_LABELS = {"kk": _("%(field)s (Kazakh)"), "ru": _("%(field)s (Russian)")}


def language_label(db_field) -> str | None:
    """«Сұрақ (қазақша)» for a translated field, instead of modeltranslation's «Сұрақ [kk]»."""
    original, language = getattr(db_field, "translated_field", None), getattr(db_field, "language", None)
    if original is None or language not in LANGUAGE_LABELS:
        return None
    return capfirst(LANGUAGE_LABELS[language] % {"field": original.verbose_name})


class LanguageLabelsMixin:
    """Form labels name the language in words, in the admin's language."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        label = language_label(db_field)
        if formfield is not None and label:
            formfield.label = label
        return formfield


class RussianFilter(admin.SimpleListFilter):
    title = _("Russian translation")
    parameter_name = "ru"

    def lookups(self, request, model_admin):
        return [("missing", _("missing")), ("present", _("present"))]

    def queryset(self, request, queryset):
        missing = Q(pk__in=[])
        for name in self.fields:
            has_kazakh = Q(**{f"{name}_kk__isnull": False}) & ~Q(**{f"{name}_kk": ""})
            missing |= has_kazakh & (Q(**{f"{name}_ru__isnull": True}) | Q(**{f"{name}_ru": ""}))
        if self.value() == "missing":
            return queryset.filter(missing)
        if self.value() == "present":
            return queryset.exclude(missing)
        return queryset


class TranslationStatusMixin(LanguageLabelsMixin):
    """A "Russian" column and filter, so editors see which records still lack Russian text (and the
    fields' labels name their language).

    `russian_fields`: the translated fields that must have Russian (those with Kazakh text).
    """

    russian_fields: tuple = ()

    def get_list_display(self, request):
        return (*super().get_list_display(request), "has_russian")

    def get_list_filter(self, request):
        fields = self.russian_fields
        status = type("RussianStatusFilter", (RussianFilter,), {"fields": fields})
        return (*super().get_list_filter(request), status)

    @admin.display(boolean=True, description=_("Russian"))
    def has_russian(self, obj):
        return all(
            getattr(obj, f"{name}_ru", None) or not getattr(obj, f"{name}_kk", None) for name in self.russian_fields
        )


class ProtectedDeleteMixin:
    """Say plainly why a record in use cannot be deleted (its rows are protected in the database)."""

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        if protected:
            messages.error(
                request,
                _(
                    "Cannot delete: %(count)s other records still use it (listed below). "
                    "Move them to another %(name)s or delete them first."
                )
                % {"count": len(protected), "name": self.opts.verbose_name},
            )
        return deleted, model_count, perms_needed, protected


class HistoryMixin:
    """Readable history for a SimpleHistoryAdmin: a "what changed" note on save (the version's reason),
    no version for a save that changes nothing visible, and per-language word diffs on the history page.

    `html_fields`: the fields written in the rich-text editor (compared as visible text).
    """

    html_fields: tuple = ()
    object_history_template = "editing/admin/history.html"
    object_history_list_template = "editing/admin/history_list.html"
    object_history_form_template = "editing/admin/history_form.html"

    def get_form(self, request, obj=None, **kwargs):
        base = kwargs.get("form", self.form)
        kwargs["form"] = type(base.__name__, (base,), {"change_note": change_note_field()})
        return super().get_form(request, obj, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if not any("change_note" in flatten_fieldsets([fieldset]) for fieldset in fieldsets):
            fieldsets.append((None, {"fields": ("change_note",), "classes": ("change-note",)}))
        return fieldsets

    def save_model(self, request, obj, form, change):
        if change and obj.pk and not self.visibly_changed(obj):
            return  # nothing a reader would see changed: no save, no version (inlines still save)
        note = (form.cleaned_data.get("change_note") or "").strip()
        if note:
            obj._change_reason = note  # django-simple-history stores it as the version's reason
        super().save_model(request, obj, form, change)

    def visibly_changed(self, obj) -> bool:
        stored = type(obj)._default_manager.filter(pk=obj.pk).first()
        if stored is None:
            return True
        fields = history.compared_fields(type(obj), html_fields=self.html_fields)
        return any(history.differs(stored, obj, name, kind) for name, _label, kind in fields)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        records = list(historical_records)
        for newer, older in zip(records, records[1:], strict=False):
            newer.readable_changes = history.changes(older, newer, html_fields=self.html_fields)


def change_note_field():
    return forms.CharField(
        label=_("What changed"),
        required=False,
        max_length=100,
        help_text=_("Optional: a short note for the history saying why you changed the record."),
    )
