"""Template tags of the FAQ pages: source lines and structured data."""

from django import template
from django.utils.html import conditional_escape
from django.utils.translation import get_language

from scripts.languages import language_tag

from .. import amounts

register = template.Library()


@register.filter
def lines(value):
    """Non-empty lines of a multi-line text field (e.g. one legal citation per line)."""
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


@register.simple_tag
def faq_jsonld(entry, answer_text):
    """schema.org FAQPage for one entry: its question and its answer as plain text."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "inLanguage": language_tag(get_language()),
        "mainEntity": [
            {"@type": "Question", "name": entry.question, "acceptedAnswer": {"@type": "Answer", "text": answer_text}}
        ],
    }


@register.filter
def with_amounts(value):
    """A plain-text field (an entry's "in short", a step's cost) with its [[70 АЕК]] amounts written out."""
    return amounts.expand(conditional_escape(value or ""))
