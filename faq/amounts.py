"""Sums stated in MCI (АЕК / МРП) inside answers, shown with their tenge figure for the current year.

Editors write a shortcode in the answer text; the page shows it with the current value:
  [[70 АЕК]]       → 70 АЕК (302 750 теңге)
  [[70 МРП]]       → 70 МРП (302 750 тенге)
  [[1625 АЕК-тен]] → 1 625 АЕК-тен (7 028 125 теңге)   (a Kazakh ending stays with the unit)
  [[АЕК]] / [[МРП]] → the sentence stating one MCI for the year
The unit chooses the language of the output, so a Kazakh text shown on /ru/ (pending translation)
stays Kazakh. Plain text survives the rich-text editor and the HTML cleaner unchanged.
"""

import re

from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, pgettext

from .selectors import current_mci
from .shortcodes import SHORTCODE, grouped

UNIT_LANGUAGE = {"АЕК": "kk", "МРП": "ru"}


def _render(match, mci) -> str:
    language = UNIT_LANGUAGE[match["unit"].upper()]
    with translation.override(language):
        unit = pgettext("abbreviation", "MCI")
        tenge = pgettext("currency", "tenge")
        if match["count"] is None:
            if mci is None:
                return ""
            return gettext("In %(year)s one MCI is %(value)s tenge") % {"year": mci.year, "value": grouped(mci.value)}
        count = int(re.sub(r"\D", "", match["count"]))
        text = f"{grouped(count)} {unit}{match['suffix'] or ''}"
        if mci is not None:
            text += f" ({grouped(count * mci.value)} {tenge})"
        return text


def has_amounts(text: str) -> bool:
    return bool(text) and SHORTCODE.search(text) is not None


def expand(text: str, mci=None):
    """`text` with every amount shortcode replaced; `mci` defaults to the current year's value."""
    if not has_amounts(text):
        return text
    if mci is None:
        mci = current_mci()
    result = SHORTCODE.sub(lambda m: _render(m, mci), str(text))
    return mark_safe(result) if hasattr(text, "__html__") else result
