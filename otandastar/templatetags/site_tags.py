import nh3
from django import template
from django.utils.safestring import mark_safe

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
    """True on a non-Kazakh page when one of the fields is still empty in its language."""
    from django.utils.translation import get_language

    language = get_language()
    if language == "kk":
        return False
    return any(not getattr(obj, f"{name}_{language}", None) for name in fields)


@register.filter
def amounts(value):
    """MCI shortcodes ([[70 АЕК]]) shown with the tenge figure of the current year (faq.amounts)."""
    from faq.amounts import expand

    return expand(value)
