import json

import nh3
from django import template
from django.utils.safestring import mark_safe
from django.urls import reverse
from django.utils.translation import get_language, gettext

register = template.Library()

# What answers may contain; everything else (scripts, styles, event handlers, javascript: URLs) is removed.
ALLOWED_TAGS = {
    "p", "br", "ol", "ul", "li", "i", "em", "b", "strong", "u", "a", "h2", "h3", "h4", "blockquote",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}


def clean_html(value: str) -> str:
    return nh3.clean(
        value or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


@register.filter
def sanitize(value):
    """Editor-written HTML, cleaned with nh3 before it is marked safe."""
    return mark_safe(clean_html(value))


@register.filter
def lines(value):
    """Non-empty lines of a multi-line text field (e.g. one legal citation per line)."""
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


@register.filter
def tel_href(value):
    """A `tel:` link target from a phone number as written in the source."""
    digits = "".join(ch for ch in value or "" if ch.isdigit() or ch == "+")
    return f"tel:{digits}" if digits else ""


@register.simple_tag
def translation_pending(obj, *fields):
    """True on a non-Kazakh page when a field has Kazakh text but none yet in the page's language."""
    language = get_language()
    if language == "kk":
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


@register.simple_tag(takes_context=True)
def faq_jsonld(context, entry):
    """schema.org FAQPage for one entry: its question and its answer as plain text."""
    from otandastar.textfold import html_to_text

    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "inLanguage": get_language(),
        "mainEntity": [
            {
                "@type": "Question",
                "name": entry.question,
                "acceptedAnswer": {"@type": "Answer", "text": html_to_text(amounts(entry.answer, context.get("mci")))},
            }
        ],
    }


@register.filter
def plain_text(value):
    """Text of an HTML fragment (for meta descriptions and previews)."""
    from otandastar.textfold import html_to_text

    return html_to_text(value)


@register.filter
def amounts(value, mci=None):
    """MCI shortcodes ([[70 АЕК]]) shown with the tenge figure of the current year (faq.amounts);
    a page that states several amounts passes the year's value (`mci`) it looked up once."""
    from faq.amounts import expand

    return expand(value, mci)
