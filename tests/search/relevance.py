"""The held-back relevance set: real readers' queries by class, and the page each should find.

An expected answer is ("entry", number) - the entry among the first three results - or
("card", region slug, examination slug) - the clinic answer card shown first for that region
(None: any examination) or, without a region, for that examination. Used by test_relevance.py;
`hit_rates(search)` also measures another version of the engine.
"""

TYPOS = [
    ("kk", "ықтиярхт", ("entry", 2)),
    ("ru", "вид на жителство", ("entry", 2)),
    ("ru", "апостел", ("entry", 5)),
    ("ru", "стипеднии", ("entry", 25)),
    ("kk", "стипендя бағдарламасы", ("entry", 25)),
    ("ru", "сертефикат на жилье", ("entry", 11)),
    ("ru", "собеседывание", ("entry", 24)),
    ("kk", "сауалнма", ("entry", 22)),
    ("ru", "анкетирвание иммигрантов", ("entry", 22)),
    ("ru", "безвозмезные гранты", ("entry", 27)),
    ("ru", "утерья документов", ("entry", 19)),
    ("ru", "национальость", ("entry", 15)),
    ("kk", "әңгімелсу", ("entry", 24)),
    ("kk", "тестлеу", ("entry", 21)),
    # Typed in Latin letters (a Latin keyboard, or the Latin script), misspelt too.
    ("kk", "kvoat", ("entry", 7)),
    ("kk", "ykhtiyarhat", ("entry", 2)),
    ("kk", "sertifkat", ("entry", 11)),
]
CLINIC_QUESTIONS = [
    ("kk", "лепра ақмола", ("card", "akmola", "leprosy")),
    ("ru", "сифилис Астана", ("card", "astana", "sti")),
    ("ru", "психиатр Павлодар", ("card", "pavlodar", "mental-disorders")),
    ("ru", "Павлодарская область нарколог", ("card", "pavlodar", "drug-addiction")),
    ("ru", "туберкулез Карагандинская область", ("card", "karaganda", "tuberculosis")),
    ("ru", "ВКО флюорография", ("card", "east-kazakhstan", "tuberculosis")),
    ("ru", "ВИЧ Алматинская область", ("card", "almaty-region", "hiv-aids")),
    ("kk", "Pavlodar psikhiatr", ("card", "pavlodar", "mental-disorders")),
    ("kk", "СҚО туберкулез", ("card", "north-kazakhstan", "tuberculosis")),
    ("kk", "мерез Қарағанды", ("card", "karaganda", "sti")),
    ("kk", "Маңғыстау облысында нашақорлық", ("card", "mangystau", "drug-addiction")),
    ("kk", "Жамбыл облысы лепра", ("card", "jambyl", "leprosy")),
    ("ru", "проказа", ("card", None, "leprosy")),
    ("ru", "город Алматы туберкулез", ("card", "almaty", "tuberculosis")),
    ("kk", "Алматы облысы психиатр", ("card", "almaty-region", "mental-disorders")),
]
PARAPHRASES = [
    ("kk", "жоғалтып алдым", ("entry", 19)),
    ("kk", "құжатымды жоғалттым", ("entry", 19)),
    ("ru", "потерял паспорт", ("entry", 19)),
    ("ru", "утерял документы", ("entry", 19)),
    ("ru", "как получить ВНЖ", ("entry", 2)),
    ("kk", "ИИН қалай алам", ("entry", 1)),
    ("ru", "не нашел работу по специальности", ("entry", 16)),
    ("ru", "подтвердить что я казах", ("entry", 15)),
    ("ru", "деньги на покупку жилья", ("entry", 11)),
    ("kk", "үй сатып алуға сертификат", ("entry", 11)),
    ("ru", "тест для переселенцев", ("entry", 21)),
    ("kk", "бизнеске грант алу", ("entry", 27)),
    ("kk", "төлқұжатымды жоғалттым", ("entry", 19)),
]
CLASSES = {"typos": TYPOS, "clinic questions": CLINIC_QUESTIONS, "paraphrases": PARAPHRASES}


def found(results, expected) -> bool:
    if expected[0] == "entry":
        return expected[1] in [e.number for e in results.entries[:3]]
    _kind, region, examination = expected
    cards = getattr(results, "cards", [])
    if not cards:
        return False
    first = cards[0]
    return (first.region.slug if first.region else None) == region and (
        examination is None or (first.examination and first.examination.slug == examination)
    )


def misses(search, cases) -> list:
    return [
        (language, query, expected)
        for language, query, expected in cases
        if not found(search(query, language), expected)
    ]


def hit_rates(search) -> dict[str, tuple[int, int]]:
    """(hits, cases) per class."""
    return {name: (len(cases) - len(misses(search, cases)), len(cases)) for name, cases in CLASSES.items()}
