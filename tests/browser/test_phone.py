"""A 360 × 740 phone: no page type scrolls sideways, in either language."""

import pytest

from .conftest import LANGS
from .pages import NOT_FOUND, PAGE_TYPES

WIDEST = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
  .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
                        + ' right=' + Math.round(e.getBoundingClientRect().right))"""


@pytest.mark.parametrize("lang", LANGS)
def test_no_horizontal_scrolling_at_360_px(phone, lang):
    overflowing = {}
    for page_type, path in PAGE_TYPES.items():
        response = phone.goto(phone.base + path.format(lang=lang))
        assert response.status == (404 if page_type in NOT_FOUND else 200), path
        assert phone.evaluate("window.innerWidth") == 360
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            overflowing[path.format(lang=lang)] = (width, phone.evaluate(WIDEST))
    assert not overflowing
