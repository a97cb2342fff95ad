"""Typo correction against the index vocabulary (search.vocabulary), the same on every database.

A query word that matches no document is compared with the vocabulary's words by edit distance
(a swap of two neighbouring letters counts as one edit); Kazakh letters typed as their plain twins
already fold, so «ыктиярхт» is one edit from «ықтиярхат». Candidates are ordered by distance, then
by how many documents hold them. A word that matches documents is never corrected.
"""

from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from search.query import readings, stems
from search.textfold import fold
from search.vocabulary import snapshot

MIN_WORD = 4  # shorter words are not corrected (too many neighbours)
MAX_ALTERNATIVES = 3
STEM_MIN = 6  # a stem corrected against the beginnings of words needs this many letters


def max_distance(word: str) -> int:
    """Edits allowed for a word of this length: one up to five letters, two from six."""
    return 1 if len(word) <= 5 else 2


def candidates(word: str, limit: int = MAX_ALTERNATIVES) -> list[str]:
    """Vocabulary words (their spelling) close to a word that matches nothing, most plausible first.

    A word typed in Latin letters is compared in its Cyrillic readings (the vocabulary is Cyrillic):
    «kvoat» is one swap from «квота». The correction is then shown in Cyrillic (a Latin page shows it
    in Latin, as it shows everything).
    """
    folded = fold(word)
    if len(folded) < MIN_WORD or not folded.isalpha():
        return []
    forms = readings(word)
    vocabulary = snapshot()
    if any(form in vocabulary.counts for form in forms):
        return []
    allowed = max_distance(folded)
    found = {}
    for form in forms:
        for hit, distance, _index in process.extract(
            form, vocabulary.words, scorer=OSA.distance, score_cutoff=allowed, limit=None
        ):
            found[hit] = min(distance, found.get(hit, distance))
    # Closest first; among equally close words, the one more documents use; then alphabetical (stable).
    ranked = sorted(found.items(), key=lambda hit: (hit[1], -vocabulary.counts[hit[0]], hit[0]))
    if not ranked:
        return _by_stem(word, forms, vocabulary)
    best = ranked[0][1]
    spellings, seen = [], set()
    for word_found, distance in ranked:
        # A word two edits away is offered only when none is one edit away.
        if distance > best:
            break
        # One form per word: «апостиля» adds nothing to «апостиль» (they share a stem).
        word_stems = {s for s in stems(word_found) if len(s) >= MIN_WORD}
        if word_stems & seen:
            continue
        seen |= word_stems
        spellings.append(vocabulary.spellings[word_found])
        if len(spellings) >= limit:
            break
    return spellings


def _by_stem(word: str, forms: list[str], vocabulary) -> list[str]:
    """A word whose other forms are in the content but not this one («стипеднии»: the content has
    «стипендиальных», not «стипендии»): its stem one edit from the beginning of content words, corrected
    there and keeping the typed ending («стипендии»), which search then finds by that stem."""
    for form in forms:
        shorter = [s for s in stems(form) if s != form]
        stem = max(shorter, key=len, default="")
        if len(stem) < STEM_MIN:
            continue
        beginnings = vocabulary.prefixes(len(stem))
        hits = process.extract(stem, list(beginnings), scorer=OSA.distance, score_cutoff=1, limit=None)
        # An edit of the stem's last letter is another word more often than a typo («документац» is not
        # «документах»); a swap of two letters is a typo wherever it is.
        hits = [hit for hit in hits if hit[0][:-1] != stem[:-1]]
        if hits:
            best = min(hits, key=lambda hit: (hit[1], -beginnings[hit[0]][0], hit[0]))[0]
            # The typed ending, as typed (fold() keeps positions, so the letters line up).
            ending = word.lower()[len(stem) :] if form == fold(word) else form[len(stem) :]
            return [beginnings[best][1] + ending]
    return []


@dataclass(frozen=True)
class Correction:
    query: str  # the corrected query, as shown and searched
    words: tuple[tuple[str, str], ...]  # (word as typed, its correction)


def corrections(query_words: list[str], unmatched: set[str], limit: int = MAX_ALTERNATIVES) -> list[Correction]:
    """Corrected queries, best first: each unmatched word replaced by its n-th candidate.

    query_words: the query's words as typed (lower case), in order; unmatched: those that match nothing.
    """
    options = {word: candidates(word) for word in query_words if word in unmatched}
    options = {word: found for word, found in options.items() if found}
    if not options:
        return []
    results = []
    for rank in range(limit):
        chosen = {word: found[min(rank, len(found) - 1)] for word, found in options.items()}
        text = " ".join(chosen.get(word, word) for word in query_words)
        if all(text != c.query for c in results):
            results.append(Correction(text, tuple(chosen.items())))
    return results
