"""Sums stated in MCI (АЕК / МРП) inside answers, shown with their tenge figure for the current year.

Editors write a shortcode in the answer text; the page shows it with the current value:
  [[70 АЕК]]       → 70 АЕК (2026 жылы – 302 750 теңге)
  [[70 МРП]]       → 70 МРП (в 2026 году – 302 750 тенге)
  [[1625 АЕК-тен]] → 1 625 АЕК-тен (2026 жылы – 7 028 125 теңге)   (a Kazakh ending stays with the unit)
  [[АЕК]] / [[МРП]] → the sentence stating one MCI for the year
The unit chooses the language of the output, so a Kazakh text shown on /ru/ (pending translation)
stays Kazakh. Plain text survives the rich-text editor and the HTML cleaner unchanged.
"""

from django.utils import formats, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, pgettext

from .selectors import current_mci
from .shortcodes import SHORTCODE

UNIT_LANGUAGE = {"АЕК": "kk", "МРП": "ru"}


class _Labels:
    """What the shortcodes of one text are shown with, looked up once per language, not once per shortcode
    (activating a language and formatting a number cost more than the whole replacement)."""

    def __init__(self, mci):
        self.mci = mci
        self.by_language = {}

    def __call__(self, language: str) -> dict:
        if language not in self.by_language:
            with translation.override(language):
                separator = formats.get_format("THOUSAND_SEPARATOR", language, use_l10n=True)
                year = ""
                if self.mci is not None:
                    year = gettext("In %(year)s one MCI is %(value)s tenge") % {
                        "year": self.mci.year,
                        "value": _grouped(self.mci.value, separator),
                    }
                self.by_language[language] = {
                    # The tenge figure holds for one year: say which (the reference writes «2026 жылы – …»).
                    "in_year": gettext("in %(year)s") % {"year": self.mci.year} if self.mci is not None else "",
                    "unit": pgettext("abbreviation", "MCI"),
                    "tenge": pgettext("currency", "tenge"),
                    "separator": separator,
                    "year": year,
                }
        return self.by_language[language]


def _grouped(value: int, separator: str) -> str:
    return f"{value:,}".replace(",", separator)


def _render(match, labels: _Labels) -> str:
    label = labels(UNIT_LANGUAGE[match["unit"].upper()])
    if match["count"] is None:
        return label["year"]
    count = int(match["count"].replace(" ", "").replace("\u00a0", ""))
    text = f"{_grouped(count, label['separator'])} {label['unit']}{match['suffix'] or ''}"
    if labels.mci is not None:
        text += f" ({label['in_year']} – {_grouped(count * labels.mci.value, label['separator'])} {label['tenge']})"
    return text


def has_amounts(text: str) -> bool:
    return bool(text) and SHORTCODE.search(text) is not None


def expand(text: str, mci=None):
    """`text` with every amount shortcode replaced; `mci` defaults to the current year's value."""
    if not has_amounts(text):
        return text
    if mci is None:
        mci = current_mci()
    labels = _Labels(mci)
    result = SHORTCODE.sub(lambda m: _render(m, labels), str(text))
    return mark_safe(result) if hasattr(text, "__html__") else result
