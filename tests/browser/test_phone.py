"""A 360 × 740 phone: no page type scrolls sideways, in either language."""

import pytest

from .conftest import LANGS
from .pages import NOT_FOUND, PAGE_TYPES

WIDEST = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
  .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
                        + ' right=' + Math.round(e.getBoundingClientRect().right))"""


@pytest.mark.parametrize("page_type", PAGE_TYPES)
@pytest.mark.parametrize("lang", LANGS)
def test_no_horizontal_scrolling_at_360_px(phone, lang, page_type):
    path = PAGE_TYPES[page_type].format(lang=lang)
    response = phone.goto(phone.base + path)
    assert response.status == (404 if page_type in NOT_FOUND else 200), path
    assert phone.evaluate("window.innerWidth") == 360
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, (width, phone.evaluate(WIDEST))
