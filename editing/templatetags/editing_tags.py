from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse

from editing.selectors import attention_items

register = template.Library()


@register.simple_tag(takes_context=True)
def admin_languages(context):
    """The admin's languages (Kazakh in Cyrillic and Russian: the languages content is edited in; the
    Arabic-script and Latin readings are the public site's), each with the link that switches to it and
    comes back to this page."""
    request = context.get("request")
    if request is None:
        return []
    current = context.get("LANGUAGE_CODE")
    query = urlencode({"next": request.get_full_path()})
    return [
        {
            "code": code,
            "name": name,
            "url": f"{reverse('switch_language', args=[code])}?{query}",
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
        if code in settings.MODELTRANSLATION_LANGUAGES
    ]


@register.inclusion_tag("editing/includes/attention.html", takes_context=True)
def needs_attention(context):
    return {"items": attention_items(context["request"])}
