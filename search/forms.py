from django import forms
from django.utils.translation import gettext_lazy as _

from .query import MAX_QUERY_LENGTH


class QueryField(forms.CharField):
    """Free text that never fails: control characters (NUL included) are dropped, long input is cut."""

    def to_python(self, value):
        value = super().to_python(value)
        value = "".join(ch if ch.isprintable() else " " for ch in value)
        return " ".join(value.split())[:MAX_QUERY_LENGTH]


class SearchForm(forms.Form):
    # The page number is read leniently by the paginator (Paginator.get_page), not by the form.
    q = QueryField(label=_("Search"), required=False)
