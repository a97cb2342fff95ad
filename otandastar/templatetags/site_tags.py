"""Template tags of the site's frame (base.html) and of every content app."""

import json

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from scripts.languages import content_language

register = template.Library()


@register.simple_tag
def translation_pending(obj, *fields):
    """True on a non-Kazakh page when a field has Kazakh text but none yet in the page's language."""
    language = content_language()  # Kazakh in any script shows the Kazakh fields
    if language == settings.LANGUAGE_CODE:
        return False
    return any(getattr(obj, f"{name}_kk", None) and not getattr(obj, f"{name}_{language}", None) for name in fields)


@register.filter
def jsonld(value):
    """JSON for a <script type="application/ld+json"> block, safe to embed in HTML."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


@register.simple_tag(takes_context=True)
def breadcrumb_jsonld(context):
    """schema.org BreadcrumbList of the page: home, the page's breadcrumbs, the page itself last."""
    request = context["request"]
    items = [(gettext("Home"), request.build_absolute_uri(reverse("home")))]
    for title, target in context.get("breadcrumbs") or []:
        if target is None:
            url = context.get("canonical_url")
        elif "/" in target:
            url = request.build_absolute_uri(target)
        else:
            url = request.build_absolute_uri(reverse(target))
        items.append((str(title), url))
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": url} for n, (name, url) in enumerate(items, 1)
        ],
    }
