from django.conf import settings
from django.contrib import admin
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _


def guide(request):
    """The editors' guide, in the admin's language (one template per language: it is prose, not UI text)."""
    language = get_language() if get_language() in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    context = admin.site.each_context(request) | {
        "title": _("Editors' guide"),
        "guide": f"editing/guide/{language}.html",
    }
    return TemplateResponse(request, "editing/guide.html", context)
