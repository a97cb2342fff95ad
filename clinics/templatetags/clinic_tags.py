from functools import lru_cache

import pyphen
from django import template

from clinics.maps import map_links, map_query
from clinics.phones import e164, national_format
from scripts.languages import content_language

register = template.Library()


@register.filter
def tel_href(value):
    """A `tel:` link target in E.164; none for a number that is not valid (no link to a wrong number)."""
    number = e164(value)
    return f"tel:{number}" if number else ""


@register.filter
def phone_display(value):
    """The number in the national format, e.g. 8 (7212) 34 70 42; one that is not valid as typed."""
    return national_format(value)


# Russian: LibreOffice's hyphenation patterns (via pyphen). Kazakh has none there; its rule is regular
# enough to apply directly: a syllable break falls before a lone consonant between two vowels and after
# the first consonant of a cluster (Қос-та-най, Түр-кіс-тан), never leaving one letter alone.
_RUSSIAN = pyphen.Pyphen(lang="ru_RU")
KAZAKH_VOWELS = set("аәеиоөуұүыіэюяёАӘЕИОӨУҰҮЫІЭЮЯЁ")
SOFT_HYPHEN = "\u00ad"


def kazakh_syllable_breaks(word: str) -> list[int]:
    vowels = [i for i, ch in enumerate(word) if ch in KAZAKH_VOWELS]
    breaks = []
    for left, right in zip(vowels, vowels[1:], strict=False):
        consonants = right - left - 1
        position = left + 1 if consonants <= 1 else left + 2
        if 2 <= position <= len(word) - 2:
            breaks.append(position)
    return breaks


def _kazakh(word: str) -> str:
    pieces, start = [], 0
    for position in kazakh_syllable_breaks(word):
        pieces.append(word[start:position])
        start = position
    return SOFT_HYPHEN.join([*pieces, word[start:]])


@lru_cache(maxsize=512)
def _hyphenated(text: str, language: str) -> str:
    def word(w):
        if len(w) < 6:
            return w
        return _RUSSIAN.inserted(w, hyphen=SOFT_HYPHEN) if language == "ru" else _kazakh(w)

    return " ".join(word(w) for w in text.split(" "))


@register.filter
def hyphenate(value):
    """Soft hyphens where a long name may break (tiles and bars of the quota map), so a narrow phone
    breaks «Павлодар-ская» / «Қос-танай» at a syllable, not «Павлодарска-я» anywhere."""
    return _hyphenated(str(value), content_language())


@register.simple_tag
def address_map_links(row):
    """Map searches for a clinic row's address, in the active language (clinics.maps)."""
    return map_links(map_query(row.address, row.region.name))


@register.filter
def any_phone(rows) -> bool:
    """The phone column only when a row has a number: most rows of the source have none (on region pages
    and in search's answer cards alike)."""
    return any(row.phone for row in rows)
