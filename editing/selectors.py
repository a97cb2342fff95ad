"""Reads for the editors' start page: what needs attention, counted by the admin lists themselves."""

import copy
from dataclasses import dataclass

from django.apps import apps
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Attention:
    """One kind of work: a filtered admin list (model label and its filter's query string)."""

    model: str
    query: str
    label: str


ATTENTION = [
    Attention("faq.entry", "review=stale", _("Entries not reviewed for 12 months")),
    Attention("faq.entry", "ru=missing", _("Entries missing Russian text")),
    Attention("clinics.clinictocheck", "", _("Clinic rows to check")),
    Attention("search.searchquery", "found=no", _("Searches that found nothing")),
    Attention("feedback.answer", "useful__exact=0&period=30d", _("Readers who found a page not useful (30 days)")),
]


def attention_items(request, items=ATTENTION) -> list[dict]:
    """Each item the user may see, with its count and the link to its list.

    The count is the list's own result count (its filters and default filters applied to a copy of
    the request), so the number on the start page is the number of rows the link shows."""
    found = []
    for item in items:
        try:
            model = apps.get_model(item.model)
        except LookupError:
            continue
        model_admin = admin.site._registry.get(model)
        if model_admin is None or not model_admin.has_view_or_change_permission(request):
            continue
        opts = model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        listing = copy.copy(request)
        listing.GET = QueryDict(item.query)
        try:
            changelist = model_admin.get_changelist_instance(listing)
        except IncorrectLookupParameters:  # a filter renamed since: leave the item out rather than fail the page
            continue
        found.append(
            {
                "label": item.label,
                "count": changelist.result_count,
                "url": f"{url}?{item.query}" if item.query else url,
            }
        )
    return found
