"""Synonym groups (SynonymGroup, edited in the admin) applied to a parsed query.

A query word matches a group word when they share a stem (search.query.stems); the term then
also finds the documents of every other word of the group. A term of several words («вид на
жительство») is found by its longest word.
"""

import threading

from search.models import SynonymGroup
from search.query import Term, _patterns, stems
from search.textfold import fold
from search.vocabulary import content_version

_lock = threading.Lock()
_current: dict = {"version": None, "groups": None}


def key_word(member: str) -> str:
    """The word a group member is matched and found by: itself, or a phrase's longest word."""
    words = [fold(w) for w in member.split() if w.strip()]
    return max(words, key=len) if words else ""


def groups() -> list[tuple[set[str], set[str], set[str]]]:
    """(stems, patterns, key words) of every group, for this content version (a save of a group changes it)."""
    version = content_version()
    with _lock:
        if _current["version"] != version or _current["groups"] is None:
            loaded = []
            for group in SynonymGroup.objects.all():
                keys = {key_word(m) for m in group.word_list()} - {""}
                group_stems = set().union(*(stems(k) for k in keys)) if keys else set()
                patterns = set().union(*(_patterns(k) for k in keys)) if keys else set()
                loaded.append((group_stems, patterns, keys))
            _current["groups"], _current["version"] = loaded, version
        return _current["groups"]


def expand(terms) -> tuple[Term, ...]:
    """The terms, each with the patterns of the synonym groups its word belongs to."""
    known = groups()
    if not known:
        return tuple(terms)
    expanded = []
    for term in terms:
        mine = stems(fold(term.word))
        extra = set()
        for group_stems, patterns, _keys in known:
            if mine & group_stems:
                extra |= patterns
        if extra - set(term.patterns):
            patterns = set(term.patterns) | extra
            term = Term(term.word, tuple(sorted(patterns, key=lambda p: (len(p), p))))
        expanded.append(term)
    return tuple(expanded)
