"""The grammar of MCI shortcodes ([[70 АЕК]], [[АЕК]]) and the check run when an editor saves.

A plain module: the model validates with it, faq.amounts renders with it.
"""

import re

from django.utils import formats
from django.utils.translation import gettext

# Every repetition is bounded and no two parts can take the same characters, so matching takes
# time linear in the text (an open-ended run of digits and spaces before `\s*` backtracked
# quadratically). A count has at most 12 digits (digit groups may be split by one space).
SHORTCODE = re.compile(
    r"\[\[[ \u00a0]{0,3}(?:(?P<count>\d(?:[ \u00a0]?\d){0,11})[ \u00a0]{0,3})?(?P<unit>АЕК|МРП)"
    r"(?P<suffix>-[^\s\]<\[]{1,20})?[ \u00a0]{0,3}\]\]",
    re.IGNORECASE,
)
SHORTCODE_MAX_LENGTH = 60  # what `[[` … `]]` may hold, for the check on save
MAX_COUNT = 100_000  # MCI in one amount; the law's largest sums are in the thousands
# Amounts in one answer (the reference's answers state at most 16): each is formatted on every render.
MAX_AMOUNTS = 100


def grouped(value: int) -> str:
    """A whole number with the language's digit grouping (1 625 / 7 028 125)."""
    return formats.number_format(value, use_l10n=True, force_grouping=True)


def shortcode_errors(text: str) -> list[str]:
    """Messages for every `[[…]]` in `text` that is not a valid amount (checked when an editor saves)."""
    errors = []
    text = text or ""
    if (count := text.count("[[")) > MAX_AMOUNTS:
        return [
            gettext("The text has %(count)s amounts; at most %(max)s fit in one answer. Split it into entries.")
            % {"count": count, "max": MAX_AMOUNTS}
        ]
    start = text.find("[[")
    while start != -1:
        end = text.find("]]", start + 2, start + 2 + SHORTCODE_MAX_LENGTH + 2)
        written = text[start : end + 2] if end != -1 else text[start : start + 20] + "…"
        match = SHORTCODE.match(text, start) if end != -1 else None
        if match is None or match.end() != end + 2:
            errors.append(
                gettext("“%(written)s” is not an amount: write it as [[70 АЕК]], [[70 МРП]] or [[АЕК]].")
                % {"written": written}
            )
        elif match["count"] and int(re.sub(r"\D", "", match["count"])) > MAX_COUNT:
            errors.append(
                gettext("“%(written)s”: an amount may be at most %(max)s MCI.")
                % {"written": written, "max": grouped(MAX_COUNT)}
            )
        start = text.find("[[", start + 2)
    return errors
