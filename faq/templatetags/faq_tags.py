"""Template tags of the FAQ pages: answers as HTML, their amounts and their structured data."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from editing.html import clean_html, html_to_text
from faq.amounts import expand

register = template.Library()


@register.filter
def sanitize(value):
    """Editor-written HTML, cleaned with nh3 before it is marked safe."""
    return mark_safe(clean_html(value))


@register.filter
def lines(value):
    """Non-empty lines of a multi-line text field (e.g. one legal citation per line)."""
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


@register.filter
def plain_text(value):
    """Text of an HTML fragment (for meta descriptions and previews)."""
    return html_to_text(value)


@register.filter
def amounts(value, mci=None):
    """MCI shortcodes ([[70 АЕК]]) shown with the tenge figure of the current year (faq.amounts);
    a page that states several amounts passes the year's value (`mci`) it looked up once."""
    return expand(value, mci)


@register.simple_tag(takes_context=True)
def faq_jsonld(context, entry):
    """schema.org FAQPage for one entry: its question and its answer as plain text."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "inLanguage": get_language(),
        "mainEntity": [
            {
                "@type": "Question",
                "name": entry.question,
                "acceptedAnswer": {"@type": "Answer", "text": html_to_text(expand(entry.answer, context.get("mci")))},
            }
        ],
    }
