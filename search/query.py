"""From what a visitor typed to search terms.

A query becomes a list of Terms; each Term is a set of alternative folded stems, any of
which may match. Folding (search.textfold.fold) ignores case and Kazakh letter marks;
stems take Kazakh suffixes and Russian endings off; Latin words are transliterated.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

import snowballstemmer

from scripts.translit import arabic_to_search_latin, to_cyrillic
from search.textfold import fold

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
WHOLE_WORD_MAX = 3  # "ИИН", "ЖСН", "ЕНТ": short words match only as whole words
MAX_VARIANTS = 6

WORD = re.compile(r"\w+", re.UNICODE)
LATIN_WORD = re.compile(r"^[a-zäöüūıığşçñİ]+$")

# Words that carry no topic: question words, auxiliaries, conjunctions (folded forms).
STOP_WORDS = {
    fold(w)
    for w in (
        # kk
        "қалай қандай қайда қашан неге не нені неше қанша кім кімге ма ме ба бе па пе ғой "
        "болады болама бола ала алам алама алады керек қажет бар жоқ және мен мен да де та те "
        "үшін бойынша туралы деген ол бұл осы сол біз мен сен сіз менің біздің маған бізге "
        "ұшін сондай ақ немесе егер онда"
        # ru
        " как какой какие какая каком сколько где когда почему зачем что чтобы кто ли ли можно нужно надо "
        "есть нет и в во на по для с со о об от до из к у за при это этот эта мне меня мой моя мы "
        "я вы вам нам ещё или если то же бы был была было"
    ).split()
}

# Kazakh endings (folded), longest first; stripped repeatedly while the stem keeps 4+ letters.
KK_NOUN_ENDINGS = (
    "ның нің дың дің тың тің ын ін "
    "ға ге қа ке на не "
    "ны ні ды ді ты ті "
    "да де та те нда нде "
    "дан ден тан тен нан нен "
    "мен бен пен "
    "дағы дегі тағы тегі "
    "лар лер дар дер тар тер "
    "лары лері дары дері тары тері "
    "сы сі ы "
    "ымыз іміз мыз міз "
    "шы ші "
)
# Verb forms: conditional (жоғалса), converb (жоғалып), participles (жоғалған, жоғалатын), verbal noun
# (жоғалту), past (алдым, алды), present (алады). `manage.py search_stems` measures what they merge.
KK_VERB_ENDINGS = "са се ып іп ған ген қан кен атын етін йтын йтін ту тү дым дім тым тім ды ді ты ті ады еді йды йді"


def _endings(*lists) -> list[str]:
    return sorted({fold(s) for text in lists for s in text.split()}, key=len, reverse=True)


KK_NOUN_SUFFIXES = _endings(KK_NOUN_ENDINGS)
KK_SUFFIXES = _endings(KK_NOUN_ENDINGS, KK_VERB_ENDINGS)
# A verb ending leaves a stem of 5+ letters: «тәртіп» (order) is not «тарт» (pull) + «іп».
VERB_ONLY = set(_endings(KK_VERB_ENDINGS)) - set(KK_NOUN_SUFFIXES)

_ru_stemmer = snowballstemmer.stemmer("russian")


def kazakh_stem(word: str, suffixes=None) -> str:
    suffixes = KK_SUFFIXES if suffixes is None else suffixes
    changed = True
    while changed:
        changed = False
        for suffix in suffixes:
            if word.endswith(suffix) and len(word) - len(suffix) >= (5 if suffix in VERB_ONLY else 4):
                word = word[: -len(suffix)]
                changed = True
                break
    return word


def russian_stem(word: str) -> str:
    return _ru_stemmer.stemWord(word)


# Latin → folded Cyrillic. The 2021 Kazakh Latin alphabet and everyday transliteration.
# Several options where Latin is ambiguous (y → ы or й, kh → х or қ, s → с or ц …).
LATIN_DIGRAPHS = [
    ("shch", ["ш"]),
    ("sh", ["ш"]),
    ("ch", ["ч"]),
    ("zh", ["ж"]),
    ("kh", ["х", "к"]),
    ("ts", ["ц", "тс"]),
    ("ya", ["я", "иа"]),
    ("yu", ["ю"]),
    ("yo", ["е"]),
    ("ye", ["е"]),
    ("iy", ["ии", "и"]),
]
LATIN_LETTERS = {
    "a": ["а"],
    "ä": ["а"],
    "b": ["б"],
    "c": ["ц", "с"],
    "ç": ["ч"],
    "d": ["д"],
    "e": ["е", "э"],
    "f": ["ф"],
    "g": ["г"],
    "ğ": ["г"],
    "h": ["х"],
    "i": ["и"],
    "ı": ["и"],
    "j": ["ж"],
    "k": ["к"],
    "l": ["л"],
    "m": ["м"],
    "n": ["н"],
    "ñ": ["н"],
    "o": ["о"],
    "ö": ["о"],
    "p": ["п"],
    "q": ["к"],
    "r": ["р"],
    "s": ["с", "ц"],
    "ş": ["ш"],
    "t": ["т"],
    "u": ["у"],
    "ū": ["у"],
    "ü": ["у"],
    "v": ["в"],
    "w": ["у", "в"],
    "x": ["х", "кс"],
    "y": ["ы", "и"],
    "z": ["з"],
}


def latin_to_cyrillic(word: str) -> list[str]:
    """Folded Cyrillic spellings of a Latin word, most likely first (at most MAX_VARIANTS)."""
    pieces = []
    i = 0
    while i < len(word):
        for latin, options in LATIN_DIGRAPHS:
            if word.startswith(latin, i):
                pieces.append(options)
                i += len(latin)
                break
        else:
            pieces.append(LATIN_LETTERS.get(word[i], [word[i]]))
            i += 1
    variants = []
    for combo in product(*pieces):
        variants.append("".join(combo))
        if len(variants) >= MAX_VARIANTS:
            break
    return variants


@dataclass(frozen=True)
class Term:
    """One word of the query. It matches a document that contains any of its patterns.

    Patterns are searched in search.textfold.index_text(): " stem" matches words that
    start with the stem, " word " a whole word.
    """

    word: str  # as typed (lower case)
    patterns: tuple[str, ...]


def _patterns(folded: str) -> set[str]:
    if len(folded) <= WHOLE_WORD_MAX:
        return {f" {folded} "}
    found = stems(folded)
    # A stem that starts with another stem adds nothing.
    return {f" {s}" for s in found if not any(o != s and s.startswith(o) for o in found)}


def normalize_query(query: str) -> str:
    """The one place where a query's text is normalised before it is parsed, logged or corrected:
    NFKC, length limit, lower case. Folding of other scripts into Cyrillic belongs here."""
    return unicodedata.normalize("NFKC", query or "")[:MAX_QUERY_LENGTH].lower()


def query_words(query: str) -> list[str]:
    """The query's distinct words, normalised, in order."""
    words = []
    # Arabic-script words become Latin first (scripts.translit), then are searched as Latin words are.
    for word in WORD.findall(arabic_to_search_latin(normalize_query(query))):
        word = word.strip("_")
        if word and word not in words:
            words.append(word)
    return words


@lru_cache(maxsize=20000)
def stems(folded: str) -> frozenset[str]:
    """A folded word and its Kazakh and Russian stems (those of at least WHOLE_WORD_MAX letters)."""
    found = {folded}
    if len(folded) > WHOLE_WORD_MAX:
        found |= {s for s in (kazakh_stem(folded), russian_stem(folded)) if len(s) >= WHOLE_WORD_MAX}
    return frozenset(found)


def readings(word: str) -> list[str]:
    """A typed word as search compares it: folded, and if typed in Latin letters also its Cyrillic readings."""
    folded = fold(word)
    return [folded] + (latin_to_cyrillic(folded) if LATIN_WORD.match(folded) else [])


@lru_cache(maxsize=2048)
def parse(query: str) -> tuple[Term, ...]:
    words = query_words(query)
    terms = []
    for word in words:
        spellings = readings(word)
        if any(s in STOP_WORDS for s in spellings):
            continue
        patterns = set()
        for spelling in spellings:
            patterns |= _patterns(spelling)
        terms.append(Term(word, tuple(sorted(patterns, key=lambda p: (len(p), p)))))
    if not terms:
        # A query of stop words only still searches for them, as whole words.
        terms = [Term(w, (f" {fold(w)} ",)) for w in words]
    return tuple(terms[:MAX_TERMS])


def normalized(query: str) -> str:
    """The query as the search log keeps it: folded words, no personal formatting."""
    # Arabic-script queries are logged in Cyrillic (scripts.translit).
    return " ".join(fold(w) for w in WORD.findall(to_cyrillic(normalize_query(query))))[:MAX_QUERY_LENGTH]
