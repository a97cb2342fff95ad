from django.shortcuts import render
from django.utils.translation import gettext as _

from . import selectors


def page(request):
    return render(
        request,
        "contacts/page.html",
        {"contacts": selectors.get_contacts(), "breadcrumbs": [(_("Contacts"), None)]},
    )
