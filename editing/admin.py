"""Admin building blocks shared by the content apps (faq, clinics)."""

from django.contrib import admin, messages
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

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
