"""Answer cards: when a query names a region and/or an examination type, the clinic rows are the answer.

Region names are recognised in every form the site knows: the Kazakh and Russian names (without
«облысы», «область», «қаласы», «город»), their inflected forms (through the query's stems), Latin
spellings (parsed to Cyrillic) and the abbreviations editors entered (ВКО, СҚО). Examination types
by the words of their short names in both languages and the synonym groups that contain them
(«психиатр», «сифилис»). Reads of clinic data go through clinics.selectors.
"""

import re
import threading
from dataclasses import dataclass, field

from clinics import selectors as clinic_selectors
from clinics.models import ExaminationType, Region
from search import synonyms
from search.query import Term, stems
from search.textfold import fold
from search.vocabulary import content_version

MAX_CARDS = 3
# Rows shown in a card; the region page has them all. The directory lists at most 8 rows per region,
# so today a card is never cut; the cap keeps a card (and the search) small as the directory grows.
CARD_ROWS = 8
# Words of a region's name that do not tell regions apart, except a city from the region around it
# («Алматы қаласы» / «Алматы облысы»): a query with one of them keeps the regions of that kind.
REGION_KINDS = {
    "region": {fold(w) for w in "облысы облыс область облыстық областная обл".split()},
    "city": {fold(w) for w in "қаласы қала город г".split()},
}
REGION_GENERIC = set().union(*REGION_KINDS.values())
# Words of examination names that do not tell types apart (a type of these words only needs all of them).
EXAM_GENERIC = {
    fold(w)
    for w in "ауру ауруы аурулар бұзылу болезнь заболевания заболевание расстройства инфекциялық инфекционные "
    "жіті острые".split()
}
# Words around a clinic question that name no topic of their own: a region with only these is a clinic question.
CLINIC_WORDS = {
    fold(w)
    for w in "емхана аурухана клиника больница поликлиника диспансер адрес адресі мекенжай мекенжайы телефон "
    "медосмотр медкомиссия тексеру тексеруден освидетельствование обследование куда қайда".split()
}
_SPLIT = re.compile(r"[^\w]+|_")


@dataclass
class Card:
    region: Region | None = None
    examination: ExaminationType | None = None
    rows: list = field(default_factory=list)  # with a region: its first rows (of the examination, if named)
    total: int = 0  # how many rows the region has (of the examination, if named)
    regions: list = field(default_factory=list)  # an examination alone: the regions that have it

    @property
    def url(self) -> str:
        if self.region is None:
            return ""
        url = self.region.get_absolute_url()
        return f"{url}?type={self.examination.slug}" if self.examination else url


def _words(text: str) -> list[str]:
    return [w for w in _SPLIT.split(fold(text or "")) if w]


class _TermMatcher:
    """Which (folded) words a query term names: as the index would find them, or by a shared stem.
    Built once per term and query, as a card check asks it about every word of every name."""

    def __init__(self, term: Term):
        self.term = term
        self.whole = {p.strip() for p in term.patterns if p.endswith(" ")}
        prefixes = [p.strip() for p in term.patterns if not p.endswith(" ")]
        self.prefixes = tuple(p for p in prefixes if len(p) >= 4)
        self.whole |= {p for p in prefixes if len(p) < 4}  # a short stem names only itself
        self.stems = stems(fold(term.word))

    def __call__(self, word: str) -> bool:
        if word in self.whole or word.startswith(self.prefixes):
            return True
        return len(word) > 3 and not self.stems.isdisjoint(stems(word))


_lock = threading.Lock()
_current: dict = {"version": None, "names": None}


def _names():
    """(region, [word sets, any of which names it]) and (type, [keyword sets]) for this content version."""
    version = content_version()
    with _lock:
        if _current["version"] == version:
            return _current["names"]
    regions = []
    for region in Region.objects.all():
        names = []
        for lang in ("kk", "ru"):
            full = [w for w in _words(getattr(region, f"name_{lang}", "")) if w not in REGION_GENERIC]
            if full:
                names.append(full)
            short = _words(getattr(region, f"short_name_{lang}", ""))
            if short:
                names.append(short)
        regions.append((region, names))
    group_words = synonyms.groups()
    exams = []
    for exam in ExaminationType.objects.all():
        names = []
        for lang in ("kk", "ru"):
            words = _words(getattr(exam, f"short_name_{lang}", ""))
            if words:
                names.append(words)  # all the words of the short name
            names += [[w] for w in words if w not in EXAM_GENERIC]  # or one telling word
        keywords = {w for n in names for w in n if len(n) == 1}
        # The synonym groups of a telling word name the type too («психиатр» → «психикалық»).
        for group_stems, _patterns, group_keys in group_words:
            if any(stems(k) & group_stems for k in keywords):
                names += [[k] for k in group_keys]
        exams.append((exam, names))
    with _lock:
        _current["version"], _current["names"] = version, (regions, exams)
    return regions, exams


def _kind(region: Region) -> str:
    """ "city" or "region", by the words of its names."""
    words = set(_words(region.name_kk)) | set(_words(region.name_ru))
    return "city" if words & REGION_KINDS["city"] else "region"


def _named(matchers, candidates) -> tuple[list, set]:
    """The candidates a query names (each needs all the words of one of its names), and the terms used."""
    found, used = [], set()
    for obj, names in candidates:
        for words in names:
            matching = [next((m.term for m in matchers if m(w)), None) for w in words]
            if all(matching):
                found.append(obj)
                used |= set(matching)
                break
    return found, used


def find(terms) -> list[Card]:
    """The answer cards for a parsed query, most specific first (none if it names no region or type)."""
    if not terms:
        return []
    regions_list, exams_list = _names()
    matchers = [_TermMatcher(t) for t in terms]
    regions, region_terms = _named(matchers, regions_list)
    exams, exam_terms = _named(matchers, exams_list)
    if not regions and not exams:
        return []
    named_kinds = {kind for kind, words in REGION_KINDS.items() if any(m(w) for m in matchers for w in words)}
    if len(regions) > 1 and named_kinds:
        regions = [r for r in regions if _kind(r) in named_kinds] or regions
    if regions and not exams:
        # A region alone is a clinic question only when nothing else is asked («Павлодар емхана», not
        # «как получить ИИН в Астане»).
        others = [
            m for m in matchers if m.term not in region_terms and not any(m(w) for w in CLINIC_WORDS | REGION_GENERIC)
        ]
        if others:
            return []
    cards = []
    types = {exam.pk: exam for exam, _names in exams_list}
    if regions:
        for region in regions[:MAX_CARDS]:
            for exam in exams[:MAX_CARDS] or [None]:
                found = clinic_selectors.region_clinics(region, exam)
                # The region and the types are at hand (loaded with the names): no join for them.
                rows = list(found.select_related(None)[: CARD_ROWS + 1])
                for row in rows:
                    row.region, row.examination_type = region, types[row.examination_type_id]
                total = len(rows) if len(rows) <= CARD_ROWS else found.count()
                cards.append(Card(region=region, examination=exam, rows=rows[:CARD_ROWS], total=total))
    else:
        for exam in exams[:MAX_CARDS]:
            cards.append(Card(examination=exam, regions=clinic_selectors.regions_with_examination(exam)))
    return cards[:MAX_CARDS]
