"""Site search: the one entry point over FAQ entries and clinic rows.

    results = search("как получить ИИН", language="ru")

Ranking: every term found adds its weight, rarer terms more (idf); a term found in a
title (question, or region and examination type) counts three times one found in the body;
a match in the visitor's language counts more than one in the other language. Not every
term has to match, so whole questions find their entry.
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import F

from clinics.models import Clinic
from faq.models import Entry
from otandastar.models import SearchQuery

from . import index
from .query import Term, normalized, parse

TITLE_WEIGHT = 3.0
BODY_WEIGHT = 1.0
OTHER_LANGUAGE = 0.6
CLINIC_REGIONS_SHOWN = 10
CLINIC_ROWS_PER_REGION = 8


@dataclass
class RegionGroup:
    region: object
    rows: list
    total: int
    score: float


@dataclass
class SearchResults:
    query: str
    terms: tuple[Term, ...]
    entries: list = field(default_factory=list)  # Entry objects with .score, best first
    clinic_groups: list = field(default_factory=list)  # RegionGroup, best first
    clinic_count: int = 0
    unmatched: list = field(default_factory=list)  # terms that found nothing

    @property
    def count(self) -> int:
        return len(self.entries) + self.clinic_count


def _term_hits(term: Term, language: str) -> dict[tuple[str, int], float]:
    """(kind, object_id) → the best weight this term earns for the object."""
    hits: dict[tuple[str, int], float] = {}
    for pattern in term.patterns:
        for kind, object_id, doc_language, in_title in index.matches(pattern):
            weight = TITLE_WEIGHT if in_title else BODY_WEIGHT
            if doc_language != language:
                weight *= OTHER_LANGUAGE
            key = (kind, object_id)
            if weight > hits.get(key, 0):
                hits[key] = weight
    return hits


def _scores(terms, language):
    totals = {"entry": Entry.objects.count() or 1, "clinic": Clinic.objects.count() or 1}
    scores: dict[tuple[str, int], float] = defaultdict(float)
    unmatched = []
    for term in terms:
        hits = _term_hits(term, language)
        if not hits:
            unmatched.append(term)
            continue
        frequency = defaultdict(int)
        for kind, _object_id in hits:
            frequency[kind] += 1
        for (kind, object_id), weight in hits.items():
            idf = math.log(1 + totals[kind] / frequency[kind])
            scores[(kind, object_id)] += weight * idf
    return scores, unmatched


def search(query: str, language: str) -> SearchResults:
    terms = parse(query)
    results = SearchResults(query=query, terms=terms)
    if not terms:
        return results
    scores, results.unmatched = _scores(terms, language)

    entry_scores = {object_id: s for (kind, object_id), s in scores.items() if kind == "entry"}
    entries = Entry.objects.published().filter(pk__in=entry_scores).select_related("topic")
    for entry in entries:
        entry.score = entry_scores[entry.pk]
    results.entries = sorted(entries, key=lambda e: (-e.score, e.number))

    clinic_scores = {object_id: s for (kind, object_id), s in scores.items() if kind == "clinic"}
    results.clinic_count = len(clinic_scores)
    if clinic_scores:
        rows = Clinic.objects.filter(pk__in=clinic_scores).select_related("region", "examination_type").order_by("position", "pk")
        groups: dict[int, RegionGroup] = {}
        for row in rows.iterator(chunk_size=2000):
            row.score = clinic_scores[row.pk]
            group = groups.get(row.region_id)
            if group is None:
                group = groups[row.region_id] = RegionGroup(region=row.region, rows=[], total=0, score=0.0)
            group.total += 1
            group.score = max(group.score, row.score)
            if len(group.rows) < CLINIC_ROWS_PER_REGION:
                group.rows.append(row)
        ordered = sorted(groups.values(), key=lambda g: (-g.score, g.region.slug))
        results.clinic_groups = ordered[:CLINIC_REGIONS_SHOWN]
    return results


def record(query: str, language: str, result_count: int) -> None:
    """Count the search for editors: normalized query only, nothing about the visitor."""
    text = normalized(query)
    if not text:
        return
    zero = 1 if result_count == 0 else 0
    updated = SearchQuery.objects.filter(query=text, language=language).update(
        count=F("count") + 1, zero_results=F("zero_results") + zero, last_results=result_count
    )
    if not updated:
        try:
            with transaction.atomic():
                SearchQuery.objects.create(query=text, language=language, count=1, zero_results=zero, last_results=result_count)
        except IntegrityError:  # a concurrent first search created it: count this one too
            SearchQuery.objects.filter(query=text, language=language).update(count=F("count") + 1, zero_results=F("zero_results") + zero)
