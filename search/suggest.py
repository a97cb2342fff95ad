"""Spelling suggestions from the site's own vocabulary, for queries that find nothing."""

import difflib
import re
import threading
import time

from clinics.models import ExaminationType, Region
from editing.html import html_to_text
from faq.models import Entry, Topic
from search.textfold import fold

WORD = re.compile(r"[^\W\d_]{4,}")
_lock = threading.Lock()
_cache: dict = {"built": float("-inf"), "words": {}}
# Suggestions may lag an edit by a few minutes; rebuilding costs a pass over all texts.
VOCABULARY_TTL = 600


def _build() -> dict[str, dict[str, str]]:
    """folded word → original spelling, grouped by first letter and length for quick lookup."""
    texts = []
    for question_kk, question_ru, answer_kk, answer_ru in Entry.objects.published().values_list(
        "question_kk", "question_ru", "answer_kk", "answer_ru"
    ):
        texts += [question_kk or "", question_ru or "", html_to_text(answer_kk or ""), html_to_text(answer_ru or "")]
    texts += [t for pair in Topic.objects.values_list("title_kk", "title_ru") for t in pair if t]
    for model in (Region, ExaminationType):
        texts += [t for pair in model.objects.values_list("name_kk", "name_ru") for t in pair if t]
    words: dict[str, str] = {}
    for text in texts:
        for word in WORD.findall(text):
            lower = word.lower()
            words.setdefault(fold(lower), lower)
    return words


def vocabulary() -> dict[str, str]:
    with _lock:
        if time.monotonic() - _cache["built"] > VOCABULARY_TTL:
            _cache["words"] = _build()
            _cache["built"] = time.monotonic()
        return _cache["words"]


def suggestions(terms, limit: int = 3) -> list[str]:
    """Corrected spellings of the query's words that exist on the site."""
    words = vocabulary()
    corrected = []
    for term in terms:
        folded = fold(term.word)
        candidates = [w for w in words if w[:1] == folded[:1] and abs(len(w) - len(folded)) <= 2]
        close = difflib.get_close_matches(folded, candidates, n=limit, cutoff=0.75)
        corrected.append([words[w] for w in close])
    if not any(corrected):
        return []
    # One suggestion per rank: the query with each unknown word replaced by its n-th match.
    results = []
    for rank in range(limit):
        words_out = [
            options[rank] if rank < len(options) else term.word for term, options in zip(terms, corrected, strict=True)
        ]
        suggestion = " ".join(words_out)
        if suggestion not in results and any(rank < len(options) for options in corrected):
            results.append(suggestion)
    return results
