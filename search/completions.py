"""Suggestions as the reader types: up to 6 questions and regions whose words start with the words typed.

The candidates (published questions, region names) are read once per content version and language;
region names come from clinics.selectors. Matching ignores case and Kazakh letter marks (fold).
"""

import threading

from django.utils.translation import override

from clinics import selectors as clinic_selectors
from faq.models import Entry
from search.query import query_words
from search.textfold import fold, index_text
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
    """Regions and questions every typed word of which starts one of their words (the last may be partial)."""
    words = [fold(w) for w in query_words(query)]
    if sum(len(w) for w in words) < MIN_LETTERS:
        return []
    results = []
    for kind, label, url, candidate_words in _candidates(language):
        if all(any(c.startswith(w) for c in candidate_words) for w in words):
            results.append({"kind": kind, "label": label, "url": url})
            if len(results) >= LIMIT:
                break
    return results
