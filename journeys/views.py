from django.conf import settings
from django.http import Http404
from django.shortcuts import render

from . import selectors


def journey(request, slug):
    # As faq.views.entry: staff preview unpublished journeys; readers' pages stay free of the session.
    signed_in = settings.SESSION_COOKIE_NAME in request.COOKIES
    journey = selectors.get_journey(slug, include_unpublished=signed_in and request.user.is_staff)
    if journey is None:
        raise Http404
    return render(request, "journeys/journey.html", {"journey": journey, "breadcrumbs": [(journey.title, None)]})
