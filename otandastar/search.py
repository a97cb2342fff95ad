"""Site search: the one entry point over FAQ entries and clinic rows.

Matching runs on the folded columns (search_kk / search_ru), so Cyrillic case and
Kazakh letters typed without their marks match on SQLite and PostgreSQL alike.
"""

from dataclasses import dataclass, field

from django.db.models import Q

from clinics.models import Clinic
from faq.models import Entry

from .textfold import fold

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8


def terms_of(query: str) -> list[str]:
    words = [w.strip(".,;:!?«»\"'()[]") for w in fold(query).split()]
    unique = []
    for w in words:
        if w and w not in unique:
            unique.append(w)
    return unique[:MAX_TERMS]


@dataclass
class SearchResults:
    query: str
    entries: list = field(default_factory=list)
    clinics: list = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.entries) + len(self.clinics)


def search(query: str, language: str) -> SearchResults:
    terms = terms_of(query)
    results = SearchResults(query=query)
    if not terms:
        return results
    other = "ru" if language == "kk" else "kk"
    columns = (f"search_{language}", f"search_{other}")

    def matches(term):
        return Q(**{f"{columns[0]}__contains": term}) | Q(**{f"{columns[1]}__contains": term})

    entry_filter = Q()
    clinic_filter = Q()
    for term in terms:
        entry_filter &= matches(term)
        clinic_filter &= matches(term)

    entries = list(Entry.objects.published().filter(entry_filter).select_related("topic").order_by("number")[:100])
    # A term found in the question ranks the entry above one found only in the body.
    for entry in entries:
        question = fold(entry.question)
        entry.rank = sum(10 if term in question else 1 for term in terms)
    results.entries = sorted(entries, key=lambda e: (-e.rank, e.number))
    results.clinics = list(
        Clinic.objects.filter(clinic_filter).select_related("region", "examination_type").order_by("region__slug", "position")[:50]
    )
    return results
