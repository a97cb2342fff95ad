from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from editing import previews
from faq import selectors as faq_selectors

from . import selectors
from .forms import RegionFilterForm


def directory(request):
    return render(
        request,
        "clinics/directory.html",
        {
            **selectors.directory(),
            "breadcrumbs": [(_("Medical examination"), None)],
        },
    )


def region(request, slug):
    region = selectors.get_region(slug)
    if region is None:
        raise Http404
    types = selectors.region_examination_types(region)
    form = RegionFilterForm(request.GET or None, types=types)
    chosen = form.cleaned_data["type"] if form.is_valid() else None
    rows = list(selectors.region_clinics(region, chosen))
    return render(
        request,
        "clinics/region.html",
        {
            "region": region,
            "form": form,
            "chosen_type": chosen,
            "rows": rows,
            "nearest": selectors.nearest_listed_regions(region) if not rows else [],
            "breadcrumbs": [(_("Medical examination"), "clinics:directory"), (region.name, None)],
        },
    )


def quota(request, year=None):
    # Staff can preview a year that is not public yet (a draft, not in force or incomplete) at its address.
    quota_year = selectors.get_quota_year(year, preview=year is not None and previews.may_preview(request))
    if quota_year is None and year is not None:
        raise Http404
    response = render(
        request,
        "clinics/quota.html",
        {
            "quota_year": quota_year,
            "chart": selectors.quota_bars(quota_year) if quota_year else None,
            "tile_map": selectors.quota_tile_map(quota_year) if quota_year else None,
            "years": selectors.public_quota_years(),
            # Where a reader goes from the quota: the documents, how to apply, the payments, housing.
            "next_entries": faq_selectors.quota_entries(),
            "breadcrumbs": [(_("Regional quota"), None)],
        },
    )
    return response if quota_year is None or quota_year.is_public else previews.mark_private(response)
