"""The two generated scripts of Kazakh as site languages, and what code outside this app asks of them.

`kk-arab` and `kk-latn` are Django languages of their own (URL prefixes /kk-arab/, /kk-latn/, the
language cookie, hreflang), but their content is the Kazakh (`kk`) content: translated fields,
search documents, catalogs and formats all come from `kk`, and scripts.middleware transliterates
the page at the end.
"""

from django.utils import translation

SCRIPTS = {"kk-arab": "arab", "kk-latn": "latn"}
# BCP 47 tags, as in <html lang> and hreflang.
TAGS = {"kk-arab": "kk-Arab", "kk-latn": "kk-Latn"}
CONTENT_LANGUAGE = {"kk-arab": "kk", "kk-latn": "kk"}

# For django.conf.locale.LANG_INFO (scripts.apps): names in their own script; Arabic is RTL.
LANG_INFO = {
    "kk-arab": {"bidi": True, "code": "kk-arab", "name": "Kazakh (Arabic script)", "name_local": "قازاقشا"},
    "kk-latn": {"bidi": False, "code": "kk-latn", "name": "Kazakh (Latin script)", "name_local": "Qazaqşa"},
}


def script_of(language: str | None) -> str | None:
    """ "arab", "latn" or None (Cyrillic Kazakh, Russian)."""
    return SCRIPTS.get((language or "").lower())


def content_language(language: str | None = None) -> str:
    """The language whose content a page shows: `kk` for every script of Kazakh."""
    language = language or translation.get_language() or "kk"
    return CONTENT_LANGUAGE.get(language.lower(), language)


def language_tag(language: str | None) -> str:
    return TAGS.get((language or "").lower(), language or "")


def language_from_accept(header: str) -> tuple[str | None, bool]:
    """(language, offer) for a first visit from the Accept-Language header.

    The first Kazakh or Russian tag decides: kk-Arab and Kazakh as used in China (kk-CN) get the
    Arabic script, kk-Latn Latin, other Kazakh Cyrillic. A browser asking for neither whose first
    language is Chinese (a phone set up in China) gets Kazakh, with an offer of the Arabic script.
    """
    ranked = []
    for position, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        try:
            quality = float(params.strip().removeprefix("q=")) if params.strip().startswith("q=") else 1.0
        except ValueError:
            quality = 0.0
        if tag and quality > 0:
            ranked.append((-quality, position, tag.strip().lower()))
    ranked.sort()
    tags = [tag for _q, _p, tag in ranked]
    for tag in tags:
        subtags = tag.split("-")
        if subtags[0] == "kk":
            if "arab" in subtags or "cn" in subtags:
                return "kk-arab", False
            if "latn" in subtags:
                return "kk-latn", False
            return "kk", False
        if subtags[0] == "ru":
            return "ru", False
    if tags and tags[0].split("-")[0] == "zh":
        return "kk", True
    return None, False
