"""Text helpers shared by the apps: folding for search, plain text from HTML, alphabetical keys.

fold() maps every character to exactly one character, so offsets found in folded
text are valid in the original (needed to highlight matches later).
"""

import html
import re

import nh3

# Kazakh letters typed without their marks, and ё/й/щ, fold to their plain Cyrillic twin.
_FOLD = str.maketrans(
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
    return (text or "").replace("\u0130", "I").lower().translate(_FOLD)


_SPACE = re.compile(r"\s+")


_BLOCK_END = re.compile(r"<(?:/p|br\s*/?|/li|/tr|/td|/th|/h\d)>", re.I)


def html_to_text(value: str) -> str:
    """Plain text of an HTML fragment, with block boundaries kept as spaces."""
    if not value:
        return ""
    # nh3 (a Rust HTML parser) with no allowed tags keeps only the text, escaped; scripts go whole.
    text = nh3.clean(_BLOCK_END.sub(" ", value), tags=set(), attributes={})
    return _SPACE.sub(" ", html.unescape(text)).strip()


# Alphabets in their official order; databases sort by code point and would put Қ/Ә/Ө after Я.
ALPHABETS = {
    "kk": "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
}


def alphabet_key(text: str, language: str):
    """Sort key that follows the language's alphabet (other characters after, by code point)."""
    alphabet = ALPHABETS.get(language, ALPHABETS["ru"])
    # Letters foreign to the alphabet (Kazakh letters in a Russian list) sort by their plain twin.
    order = {ch: i for i, ch in enumerate(alphabet)}
    key = []
    for ch in (text or "").lower():
        if ch in order:
            key.append((0, order[ch], 0))
        else:
            twin = ch.translate(_FOLD)
            if twin in order:
                key.append((0, order[twin], 1))
            else:
                key.append((1, ord(ch), 0))
    return key


_NON_WORD = re.compile(r"[^\w]|_")


def index_text(text: str) -> str:
    """Folded text with every non-word character turned into a space, padded with spaces.

    Still one character for one (plus the leading space), so " квот" finds words that start
    with the stem and " иин " finds the whole word, in stored documents and in snippets alike.
    """
    return " " + _NON_WORD.sub(" ", fold(text)) + " "
