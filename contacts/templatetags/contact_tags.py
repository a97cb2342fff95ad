from urllib.parse import urlsplit

from django import template

register = template.Library()


@register.filter
def host(url):
    """A website as readers write it: oq.gov.kz for https://www.oq.gov.kz/."""
    return (urlsplit(url or "").netloc or url or "").removeprefix("www.")
