"""Site search: the one entry point over FAQ entries and clinic rows.

    results = search("как получить ИИН", language="ru")

The index (search.index) answers which documents contain each term; ranking
happens here, on those hits alone: each term found adds its weight, rarer terms more
(idf = ln(1 + N / objects with the term)); a term found in a title (the question, or a
row's region and examination type) counts three times one found in the body; a match in
the visitor's language counts more than one in the other language. Not every term has to
match, so whole questions find their entry.

A document id is object_id * 4 + kind * 2 + language (SearchDocument.make_id), so
id // 2 names the object and id % 2 its language, without reading any document.
"""

import heapq
import math
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection

from clinics.models import Clinic
from faq.models import Entry
from search.models import SearchDocument

from . import cards, index, suggest, synonyms
from .query import Term, parse, query_words

PER_PAGE = 10  # entries per results page

TITLE_WEIGHT = 3.0
BODY_WEIGHT = 1.0
OTHER_LANGUAGE = 0.6
CLINIC_REGIONS_SHOWN = 6
CLINIC_ROWS_PER_REGION = 5
# A word counts as common in a query when it is in more than 3× the documents of the query's
# rarest word and in more than 5% of all documents.
COMMON_RATIO = 3
COMMON_SHARE = 0.05
ENTRY, CLINIC = (
    SearchDocument.KIND_CODES[SearchDocument.Kind.ENTRY],
    SearchDocument.KIND_CODES[SearchDocument.Kind.CLINIC],
)


@dataclass
class RegionGroup:
    region: object
    rows: list
    total: int
    score: float


class RankedHits:
    """(entry id, score) pairs, best first, ranked lazily: the first pages need no full sort."""

    def __init__(self, scores: dict[int, float]):
        self.scores = scores
        self._sorted = None

    @staticmethod
    def _order(hit):
        return (-hit[1], hit[0])

    def __len__(self):
        return len(self.scores)

    def count(self):
        return len(self.scores)

    def __getitem__(self, item):
        if not isinstance(item, slice):
            return self[item : item + 1][0]
        stop = len(self.scores) if item.stop is None else item.stop
        if self._sorted is None and stop <= 100:
            return heapq.nsmallest(stop, self.scores.items(), key=self._order)[item]
        if self._sorted is None:
            self._sorted = sorted(self.scores.items(), key=self._order)
        return self._sorted[item]

    def __iter__(self):
        return iter(self[:])


@dataclass
class SearchResults:
    query: str
    terms: tuple[Term, ...]
    entry_hits: RankedHits = field(default_factory=lambda: RankedHits({}))  # (entry id, score), best first
    clinic_groups: list = field(default_factory=list)  # RegionGroup, best first
    clinic_count: int = 0
    cards: list = field(default_factory=list)  # search.cards.Card: a clinic question's answer, shown first
    unmatched: set = field(default_factory=set)  # query words (as typed) that match no document
    corrected_from: str = ""  # the query as typed, when these are the results of a corrected query
    alternatives: list = field(default_factory=list)  # other corrected queries worth offering

    @property
    def entry_count(self) -> int:
        return len(self.entry_hits)

    @property
    def count(self) -> int:
        return self.entry_count + self.clinic_count + sum(c.total or len(c.regions) for c in self.cards)

    @property
    def entries(self) -> list:
        """The first page of entries (see load_entries)."""
        return load_entries(self.entry_hits[:PER_PAGE])


def load_entries(hits) -> list:
    """Entry objects (with .score) for ranked hits, e.g. one page, in rank order."""
    scores = dict(hits)
    if not scores:
        return []
    # published() again: a bulk update may have unpublished an entry since it was indexed.
    entries = {e.pk: e for e in Entry.objects.published().filter(pk__in=scores).select_related("topic")}
    for pk, entry in entries.items():
        entry.score = scores[pk]
    return [entries[pk] for pk, _score in hits if pk in entries]


def _term_weights(term: Term, language_code: int, within=()) -> dict[int, float]:
    """object key (document id // 2) → the best weight the term earns in any of its documents."""
    docs, in_title = index.hits(term.patterns, within)
    # Set operations instead of a loop per document: best weight first, each object once.
    weights: dict[int, float] = {}
    for source, same_language, weight in (
        (in_title, True, TITLE_WEIGHT),
        (in_title, False, TITLE_WEIGHT * OTHER_LANGUAGE),
        (docs, True, BODY_WEIGHT),
        (docs, False, BODY_WEIGHT * OTHER_LANGUAGE),
    ):
        keys = {doc >> 1 for doc in source if (doc & 1 == language_code) == same_language}
        weights.update(dict.fromkeys(keys.difference(weights), weight))
    return weights


def search(query: str, language: str, correct: bool = True) -> SearchResults:
    """Results for a query; if a word of it matches nothing and a corrected query finds something,
    the corrected query's results (with .corrected_from). `correct=False`: the query as typed."""
    results = _search(query, language)
    if not correct or not results.unmatched:
        return results
    options = suggest.corrections(query_words(query), results.unmatched)
    for option in options:
        corrected = _search(option.query, language)
        if corrected.count and len(corrected.unmatched) < len(results.unmatched):
            corrected.corrected_from = query
            corrected.alternatives = [o.query for o in options if o is not option]
            return corrected
    return results


def _search(query: str, language: str) -> SearchResults:
    terms = synonyms.expand(parse(query))
    results = SearchResults(query=query, terms=terms)
    if not terms:
        return results
    totals = _totals()
    language_code = SearchDocument.LANGUAGE_CODES.get(language, 0)

    # A word far more frequent than the query's rarest word ("қандас", "получить") only adds
    # to the ranking of the documents the rarer words find; alone, it is searched like any word.
    # (A lone word needs no comparison: its frequency is not asked for.)
    frequency = {term: index.count(term.patterns) for term in terms} if len(terms) > 1 else {terms[0]: 1}
    results.unmatched = {term.word for term in terms if not frequency[term]}
    terms = [term for term in terms if frequency[term]]
    rarest = min((frequency[t] for t in terms), default=0)
    threshold = max(COMMON_RATIO * rarest, COMMON_SHARE * 2 * (totals[ENTRY] + totals[CLINIC]))
    common = [t for t in terms if frequency[t] > threshold]
    rare = [t for t in terms if t not in common]

    scores: dict[int, float] = defaultdict(float)
    for term in terms:
        within = [t.patterns for t in rare] if term in common else ()
        weights = _term_weights(term, language_code, within)
        if within:
            # The term's own frequency, not the restricted one, sets its weight.
            share = {kind: math.log(1 + 2 * totals[kind] / frequency[term]) for kind in totals}
        else:
            objects = {ENTRY: 0, CLINIC: 0}
            for key in weights:
                objects[key % 2] += 1
            share = {kind: math.log(1 + totals[kind] / n) for kind, n in objects.items() if n}
        for key, weight in weights.items():
            scores[key] += weight * share[key % 2]

    if len(results.terms) == 1 and not scores:
        results.unmatched = {results.terms[0].word}
    results.entry_hits = RankedHits({key >> 1: score for key, score in scores.items() if key & 1 == ENTRY})
    results.cards = cards.find(results.terms)
    clinic_scores = {key // 2: score for key, score in scores.items() if key % 2 == CLINIC}
    # A card is the answer about clinics: the rows it holds are not listed (or counted) a second time.
    if clinic_scores and not results.cards:
        _group_clinics(results, clinic_scores)
    return results


def _totals() -> dict[int, int]:
    """How many entries and clinic rows there are, in one query (the idf needs them)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT (SELECT count(*) FROM faq_entry), (SELECT count(*) FROM clinics_clinic)")
        entries, clinics = cursor.fetchone()
    return {ENTRY: entries or 1, CLINIC: clinics or 1}


def _group_clinics(results: SearchResults, scores: dict[int, float]) -> None:
    """Clinic hits by region: the best regions first, each with its first rows in order."""
    by_region: dict[int, list] = defaultdict(list)
    for pk, region_id, position in _clinic_places(list(scores)):
        by_region[region_id].append((position, pk))
    results.clinic_count = sum(len(rows) for rows in by_region.values())
    best = {region_id: max(scores[pk] for _p, pk in rows) for region_id, rows in by_region.items()}
    shown = sorted(best, key=lambda r: (-best[r], r))[:CLINIC_REGIONS_SHOWN]
    wanted = [pk for r in shown for _position, pk in sorted(by_region[r])[:CLINIC_ROWS_PER_REGION]]
    rows = Clinic.objects.filter(pk__in=wanted).select_related("region", "examination_type").order_by("position", "pk")
    groups: dict[int, RegionGroup] = {}
    for row in rows:
        row.score = scores[row.pk]
        groups.setdefault(
            row.region_id,
            RegionGroup(region=row.region, rows=[], total=len(by_region[row.region_id]), score=best[row.region_id]),
        ).rows.append(row)
    results.clinic_groups = [groups[r] for r in shown if r in groups]


def _clinic_places(ids: list[int]):
    """(id, region_id, position) of clinic rows, in batches that any database accepts."""
    places = []
    with connection.cursor() as cursor:
        for start in range(0, len(ids), 900):
            batch = ids[start : start + 900]
            cursor.execute(
                f"SELECT id, region_id, position FROM clinics_clinic WHERE id IN ({', '.join(['%s'] * len(batch))})",
                batch,
            )
            places += cursor.fetchall()
    return places
