import re

import pytest
from django.test import Client

ENTRY = "/kk/faq/onirlik-kvota/"
SAME_ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin"}


def form_fields(html: str, form_class: str) -> dict:
    """The hidden fields of the form with that class, as a browser would send them."""
    form = re.search(rf'<form class="{form_class}".*?</form>', html, re.S).group()
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form))


@pytest.fixture
def reader():
    """A visitor's browser: no cookies, and CSRF checks as in production (the view must not need a token)."""
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def vote_fields(reader):
    return form_fields(reader.get(ENTRY).content.decode(), "feedback")
