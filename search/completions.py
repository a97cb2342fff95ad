"""Suggestions as the reader types: up to 6 questions and regions whose words start with the words typed.

The candidates (published questions, region names) are read once per content version and language;
region names come from clinics.selectors. Matching ignores case and Kazakh letter marks (fold).
"""

import threading

from django.utils.translation import override

from clinics import selectors as clinic_selectors
from faq.models import Entry
from search import suggest
from search.query import query_words, readings, stems
from search.textfold import index_text
from search.vocabulary import content_version

LIMIT = 6
MIN_LETTERS = 2

_lock = threading.Lock()
_current: dict = {"version": None, "languages": {}}


def _candidates(language: str) -> list[tuple[str, str, str, list[str]]]:
    """(kind, label, url, folded words) of each region and published question, regions first."""
    version = content_version()
    with _lock:
        if _current["version"] != version:
            _current["version"], _current["languages"] = version, {}
        if language in _current["languages"]:
            return _current["languages"][language]
    found = []
    with override(language):
        for region in clinic_selectors.regions_with_counts():
            found.append(("region", region.name, region.get_absolute_url(), index_text(region.name).split()))
        for entry in Entry.objects.published().order_by("number"):
            question = entry.question  # the language's question (Kazakh when the Russian one is missing)
            found.append(("question", question, entry.get_absolute_url(), index_text(question).split()))
    with _lock:
        _current["languages"][language] = found
    return found


def suggestions(query: str, language: str) -> list[dict]:
    """Regions and questions every typed word of which starts one of their words (the last may be partial).

    A word also matches by its stem (as search does: «апостиль» finds «апостилирования») and, typed in
    Latin letters, by its Cyrillic readings. When nothing matches, the words are corrected as search
    corrects them (search.suggest): «апостел» suggests the questions about «апостиль».
    """
    words = query_words(query)
    if sum(len(w) for w in words) < MIN_LETTERS:
        return []
    results = _starting_with([_forms(w) for w in words], language)
    if not results:
        corrected = [found[0] if (found := suggest.candidates(w, limit=1)) else w for w in words]
        if corrected != words:
            results = _starting_with([_forms(w) for w in corrected], language)
    return results


def _forms(word: str) -> tuple[str, ...]:
    """The beginnings a typed word may match: the word folded, its stems, and its Cyrillic readings if Latin."""
    return tuple({form for spelling in readings(word) for form in stems(spelling)})


def _starting_with(typed: list[tuple[str, ...]], language: str) -> list[dict]:
    results = []
    for kind, label, url, candidate_words in _candidates(language):
        if all(any(c.startswith(forms) for c in candidate_words) for forms in typed):
            results.append({"kind": kind, "label": label, "url": url})
            if len(results) >= LIMIT:
                break
    return results
