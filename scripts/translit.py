"""Kazakh Cyrillic → Latin (2021) and → Arabic script (төте жазу), and back.

Editors write one Kazakh text, in Cyrillic; the Latin and Arabic-script pages are generated from it
at render time (scripts.html applies these functions to a whole page). Only Cyrillic letters are
changed: digits, Latin names, URLs and e-mail addresses stay as they are.

Where the rules come from:
- Latin: the alphabet presented by the Government of Kazakhstan on 28 January 2021 (31 letters:
  Ä Ğ Ñ Ö Ş Ū Ü, I ı for і, İ i for и and й, Y y for ы, U u for у, H h for х and һ). Letters it
  has no place for, found in Russian loanwords, follow the project's table
  (shared/reference/kazakh-scripts.md): ц ts, ч ch, щ şş, ё io, ю iu, я ia, э e, ъ and ь dropped.
- Arabic script: the orthography of Kazakh publications in Xinjiang (the reformed төте жазу): one
  letter per sound, no capital letters; a word with front vowels (ә ө ү і) and none of е, к, г
  (ە ك گ already show a front word) gets the high hamza ٴ (U+0674) once, at its start; Russian
  loanwords are written letter by letter (ц تس, ч چ, щ شش, ё يو, ю يۋ, я يا); the Arabic comma,
  semicolon and question mark ، ؛ ؟.
"""

import re

CYRILLIC_LOWER = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
CYRILLIC_UPPER = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ"
CYRILLIC = CYRILLIC_LOWER + CYRILLIC_UPPER
SOFT_HYPHEN = "\u00ad"
HIGH_HAMZA = "\u0674"
# Isolates a run of digits so that «302 750» or «8 (7212) 34 70 42» keeps its order in RTL text.
LRI, PDI = "\u2066", "\u2069"

_LATIN = dict(
    zip(
        CYRILLIC_LOWER,
        "a ä b v g ğ d e io j z i i k q l m n ñ o ö p r s t u ū ü f h h ts ch ş şş - y ı - e iu ia".split(),
        strict=True,
    )
)
_LATIN["ъ"] = _LATIN["ь"] = ""

_ARABIC = dict(
    zip(
        CYRILLIC_LOWER,
        "ا ا ب ۆ گ ع د ە يو ج ز ي ي ك ق ل م ن ڭ و و پ ر س ت ۋ ۇ ۇ ف ح ھ تس چ ش شش - ى ى - ە يۋ يا".split(),
        strict=True,
    )
)
_ARABIC["ъ"] = _ARABIC["ь"] = ""

_FRONT_VOWELS = set("әөүі")
_FRONT_MARKERS = set("екгэ")  # their Arabic letters (ە ك گ) already show a front word
_ARABIC_PUNCTUATION = {",": "،", ";": "؛", "?": "؟"}

# Left as they are: web and e-mail addresses (an IDN may hold Cyrillic) and HTML entities.
_PROTECTED = re.compile(
    r"(?:https?://|www\.)[^\s<>\"']+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|&(?:#\d+|#x[0-9a-fA-F]+|\w+);",
)
_WORD = re.compile(f"[{CYRILLIC}{SOFT_HYPHEN}]*[{CYRILLIC}][{CYRILLIC}{SOFT_HYPHEN}]*")
# Digits grouped by spaces, brackets, dashes or dots: a phone number, «302 750», «9:00–18:00».
_NUMBER_RUN = re.compile(r"\+?\(?\d+(?:[ \u00a0\u202f\u2009().:/\-–]{1,3}\d+)+\)?")


def _latin_upper(text: str) -> str:
    # Turkish-style pair: i ↔ İ, ı ↔ I (str.upper() would turn i into I).
    return "".join("İ" if ch == "i" else "I" if ch == "ı" else ch.upper() for ch in text)


def _convert(text: str, script: str) -> list[str]:
    """What each character of `text` becomes (one string per character, so that the output of a
    text split over several HTML text nodes can be cut back into the same pieces)."""
    out = list(text)
    protected = [False] * len(text)
    for match in _PROTECTED.finditer(text):
        for i in range(match.start(), match.end()):
            protected[i] = True
    for match in _WORD.finditer(text):
        start, end = match.span()
        if any(protected[start:end]):
            continue
        word = match.group().replace(SOFT_HYPHEN, "")
        if script == "latn":
            _word_to_latin(text, start, end, word, out)
        else:
            _word_to_arabic(text, start, end, word, out)
    if script == "arab":
        _arabic_punctuation_and_numbers(text, out, protected)
    return out


def _word_to_latin(text, start, end, word, out):
    all_caps = len(word) > 1 and word.isupper()
    for i in range(start, end):
        ch = text[i]
        if ch == SOFT_HYPHEN:
            continue
        lower = ch.lower()
        latin = _LATIN[lower]
        if ch != lower:  # a capital letter
            if lower in "иі":
                latin = "İ" if lower == "и" else "I"
            elif lower == "й":
                latin = "İ"
            elif all_caps or (i + 1 < end and text[i + 1].isupper()):
                latin = _latin_upper(latin)
            else:
                latin = _latin_upper(latin[:1]) + latin[1:]
        out[i] = latin


def _word_to_arabic(text, start, end, word, out):
    lower = word.lower()
    front = any(ch in _FRONT_VOWELS for ch in lower)
    marked = any(ch in _FRONT_MARKERS for ch in lower)
    first = True
    for i in range(start, end):
        ch = text[i]
        if ch == SOFT_HYPHEN:
            out[i] = ""  # Arabic script is joined: no hyphenation points
            continue
        arabic = _ARABIC[ch.lower()]
        if first:
            first = False
            if front and not marked:
                arabic = HIGH_HAMZA + arabic
        out[i] = arabic


def _arabic_punctuation_and_numbers(text, out, protected):
    for i, ch in enumerate(text):
        if ch in _ARABIC_PUNCTUATION and not protected[i] and i > 0:
            before, after = text[i - 1], text[i + 1 : i + 2]
            # After a word (not between digits: 1,5) and before a space or the end of the text.
            if (before.isalpha() or before in '»)"') and (after == "" or after.isspace() or after in '«»)"<'):
                out[i] = _ARABIC_PUNCTUATION[ch]
    for match in _NUMBER_RUN.finditer(text):
        start, end = match.span()
        if any(protected[start:end]):
            continue
        out[start] = LRI + out[start]
        out[end - 1] = out[end - 1] + PDI


def to_latin(text: str) -> str:
    """Kazakh Cyrillic → Latin (2021)."""
    return "".join(_convert(text, "latn")) if _has_cyrillic(text) else text


def to_arabic(text: str) -> str:
    """Kazakh Cyrillic → Arabic script (төте жазу); numbers isolated left-to-right."""
    return "".join(_convert(text, "arab")) if text else text


def convert_pieces(pieces: list[str], script: str) -> list[str]:
    """Transliterate a text that arrives in pieces (HTML text nodes split by inline tags such as
    <mark>), deciding each word on the whole word: «<mark>мәртебе</mark>сін» is one word."""
    text = "".join(pieces)
    if script == "latn" and not _has_cyrillic(text):
        return pieces
    out = _convert(text, script)
    result, position = [], 0
    for piece in pieces:
        result.append("".join(out[position : position + len(piece)]))
        position += len(piece)
    return result


_CYRILLIC_RE = re.compile(f"[{CYRILLIC}]")


def _has_cyrillic(text: str) -> bool:
    return bool(text) and _CYRILLIC_RE.search(text) is not None


# --- Back to Cyrillic -------------------------------------------------------------------------

_LATIN_VOWELS = set("aäeoöuūüyıi")
_FROM_LATIN = {
    "a": "а", "ä": "ә", "b": "б", "c": "ц", "d": "д", "e": "е", "f": "ф", "g": "г", "ğ": "ғ", "h": "х",
    "ı": "і", "j": "ж", "k": "к", "l": "л", "m": "м", "n": "н", "ñ": "ң", "o": "о", "ö": "ө", "p": "п",
    "q": "қ", "r": "р", "s": "с", "ş": "ш", "t": "т", "u": "у", "ū": "ұ", "ü": "ү", "v": "в", "w": "у",
    "x": "кс", "y": "ы", "z": "з",
}  # fmt: skip
_LATIN_WORD = re.compile(r"[A-Za-zÄäĞğÑñÖöŞşŪūÜüİıÇç]+")


def _latin_lower(ch: str) -> str:
    return "i" if ch == "İ" else "ı" if ch == "I" else ch.lower()


def _cased(cyrillic: str, source: str) -> str:
    return cyrillic.upper() if source[:1] != _latin_lower(source[:1]) else cyrillic


def _latin_word_to_cyrillic(word: str) -> str:
    low = "".join(_latin_lower(ch) for ch in word)
    out = []
    i = 0
    while i < len(low):
        rest = low[i:]
        previous = low[i - 1] if i else ""
        if rest.startswith("şş"):
            cyr, n = "щ", 2
        elif rest.startswith("ch"):
            cyr, n = "ч", 2
        # ц only where Kazakh has no «тс»: at the start of a word or before a dotted i (ция, цифр).
        elif rest.startswith("ts") and (i == 0 or rest[2:3] == "i"):
            cyr, n = "ц", 2
        # я/ю at the start of a word or after a vowel (аяқ: aiaq, ою: oiu) or after и (қиял: qiial);
        # «ia» after a consonant is и, and the pair after it is read again (Азия: Aziia, диалог).
        elif rest.startswith(("ia", "iu")) and (i == 0 or previous in _LATIN_VOWELS):
            cyr, n = ("я" if rest[1] == "a" else "ю"), 2
        elif rest.startswith("iu"):  # after a consonant only in loanwords: бюджет, флюорография
            cyr, n = "ю", 2
        elif rest.startswith("io") and i == 0:
            cyr, n = "ё", 2
        elif rest[0] == "i":
            # й after a vowel (ай, ойы, үйі), и elsewhere (қиын, биік, иә).
            cyr, n = ("й" if previous in _LATIN_VOWELS else "и"), 1
        else:
            cyr, n = _FROM_LATIN.get(rest[0], word[i]), 1
        out.append(_cased(cyr, word[i]))
        i += n
    # An all-capitals word (an abbreviation such as JSN) stays all capitals.
    result = "".join(out)
    return result.upper() if len(word) > 1 and word.isupper() else result


def latin_to_cyrillic(text: str) -> str:
    """Latin (2021) → Kazakh Cyrillic. Exact for native Kazakh words; Russian loanwords may differ
    (ь and ъ are not written in Latin, э is written e, ц is ts)."""
    pieces, position = [], 0
    for match in _PROTECTED.finditer(text):
        pieces.append(_LATIN_WORD.sub(lambda m: _latin_word_to_cyrillic(m.group()), text[position : match.start()]))
        pieces.append(match.group())
        position = match.end()
    pieces.append(_LATIN_WORD.sub(lambda m: _latin_word_to_cyrillic(m.group()), text[position:]))
    return "".join(pieces)


_ARABIC_LETTERS = "ابۆگعدەجزيكقلمنڭوپرستۋۇفحھچشىٴٵٶٷٸ"
_ARABIC_WORD = re.compile(f"[{_ARABIC_LETTERS}]+")
_FROM_ARABIC_BACK = {
    "ا": "а", "ب": "б", "ۆ": "в", "گ": "г", "ع": "ғ", "د": "д", "ە": "е", "ج": "ж", "ز": "з", "ك": "к",
    "ق": "қ", "ل": "л", "م": "м", "ن": "н", "ڭ": "ң", "و": "о", "پ": "п", "ر": "р", "س": "с", "ت": "т",
    "ۋ": "у", "ۇ": "ұ", "ف": "ф", "ح": "х", "ھ": "һ", "چ": "ч", "ش": "ш", "ى": "ы",
}  # fmt: skip
_FRONT_OF = {"а": "ә", "о": "ө", "ұ": "ү", "ы": "і"}
_ARABIC_VOWELS = set("اەوۋۇىيٵٶٷٸ")
# The hamza-carrying letters some texts use instead of ٴ + the plain letter.
_HAMZA_LETTERS = {"ٵ": "ا", "ٶ": "و", "ٷ": "ۇ", "ٸ": "ى"}
_ARABIC_PUNCTUATION_BACK = str.maketrans({"،": ",", "؛": ";", "؟": "?"})


def _arabic_word_to_cyrillic(word: str) -> str:
    front = HIGH_HAMZA in word or any(ch in word for ch in "ەكگٵٶٷٸ")
    letters = [_HAMZA_LETTERS.get(ch, ch) for ch in word if ch != HIGH_HAMZA]
    out = []
    i = 0
    while i < len(letters):
        ch = letters[i]
        following = letters[i + 1] if i + 1 < len(letters) else ""
        previous = letters[i - 1] if i else ""
        if ch == "ي":
            if following in ("ا", "و", "ۋ") and (i == 0 or previous in _ARABIC_VOWELS):
                out.append({"ا": "я", "و": "ё", "ۋ": "ю"}[following])
                i += 2
                continue
            out.append("й" if previous in _ARABIC_VOWELS and previous != "ي" else "и")
        else:
            cyr = _FROM_ARABIC_BACK.get(ch, ch)
            out.append(_FRONT_OF.get(cyr, cyr) if front else cyr)
        i += 1
    return "".join(out)


def arabic_to_cyrillic(text: str) -> str:
    """Arabic script → Kazakh Cyrillic (lower case: the Arabic script has no capitals). A word is
    read as front when it carries ٴ or has ە, ك or گ."""
    if not text or not _ARABIC_WORD.search(text):
        return text
    text = text.replace(LRI, "").replace(PDI, "")
    return _ARABIC_WORD.sub(lambda m: _arabic_word_to_cyrillic(m.group()), text).translate(_ARABIC_PUNCTUATION_BACK)


def to_cyrillic(text: str) -> str:
    """A reader's text in the Arabic script → Cyrillic (the search log keeps queries so)."""
    return arabic_to_cyrillic(text)


def arabic_to_search_latin(text: str) -> str:
    """Arabic-script words → Latin, as search.query reads a Latin word (it tries several Cyrillic
    spellings of each). The Arabic script does not tell ы from і in a loanword (مەديتسينالىق is
    медициналық), nor ц from тс: written «y» and «ts», both spellings are searched."""
    if not text or not _ARABIC_WORD.search(text):
        return text
    return _ARABIC_WORD.sub(lambda m: to_latin(_arabic_word_to_cyrillic(m.group())).replace("ı", "y"), text)
