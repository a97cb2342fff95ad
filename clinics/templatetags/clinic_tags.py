from django import template

register = template.Library()


@register.filter
def tel_href(value):
    """A `tel:` link target from a phone number as written in the source."""
    digits = "".join(ch for ch in value or "" if ch.isdigit() or ch == "+")
    return f"tel:{digits}" if digits else ""
