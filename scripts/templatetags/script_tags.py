from django import template
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import override

from scripts.translit import to_arabic as _to_arabic

register = template.Library()


@register.filter
def to_arabic(value):
    """Kazakh Cyrillic in the Arabic script (for a line offered on a Cyrillic page)."""
    return _to_arabic(str(value))


@register.simple_tag
def switch_url(code):
    """The language switch to `code`'s home page (remembers the choice in the language cookie)."""
    with override(code):
        home = reverse("home")
    return reverse("switch_language", kwargs={"code": code}) + "?" + urlencode({"next": home})
