"""Folding for search: what a query and an indexed text are compared as.

fold() maps every character to exactly one character, so offsets found in folded
text are valid in the original (needed to highlight matches later).
"""

import re

# Kazakh letters typed without their marks, and ё/й/щ, fold to their plain Cyrillic twin.
FOLD = str.maketrans(
    {
        "ә": "а",
        "ғ": "г",
        "қ": "к",
        "ң": "н",
        "ө": "о",
        "ұ": "у",
        "ү": "у",
        "һ": "х",
        "і": "и",
        "ё": "е",
        "й": "и",
        "щ": "ш",
    }
)


def fold(text: str) -> str:
    """Lower-case and fold Kazakh/Russian letter variants, one character for one."""
    # "İ".lower() is the only lower() that yields two characters; keep the mapping 1:1.
    return (text or "").replace("\u0130", "I").lower().translate(FOLD)


_NON_WORD = re.compile(r"[^\w]|_")


def index_text(text: str) -> str:
    """Folded text with every non-word character turned into a space, padded with spaces.

    Still one character for one (plus the leading space), so " квот" finds words that start
    with the stem and " иин " finds the whole word, in stored documents and in snippets alike.
    """
    return " " + _NON_WORD.sub(" ", fold(text)) + " "
