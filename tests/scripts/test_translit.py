"""scripts.translit: Kazakh Cyrillic → Latin (2021) and Arabic script, and back."""

import re
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from scripts.translit import (
    CYRILLIC,
    LRI,
    PDI,
    arabic_to_cyrillic,
    convert_pieces,
    latin_to_cyrillic,
    to_arabic,
    to_latin,
)

ROOT = Path(__file__).resolve().parents[2]
TABLE = [
    line.split("\t")
    for line in (Path(__file__).parent / "kazakh_words.tsv").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]


def test_the_table_has_at_least_200_words_with_regions_abbreviations_and_loanwords():
    words = {cyrillic for cyrillic, _latin, _arabic in TABLE}
    assert len(words) >= 200
    assert {"Қызылорда", "Түркістан", "Ұлытау", "ЖСН", "ҚР", "ХҚКО", "медициналық", "бюджет", "көшесі"} <= words


@pytest.mark.parametrize("cyrillic, latin, arabic", TABLE, ids=[row[0] for row in TABLE])
def test_word(cyrillic, latin, arabic):
    assert to_latin(cyrillic) == latin
    assert to_arabic(cyrillic) == arabic


@pytest.mark.parametrize(
    "cyrillic, latin, arabic",
    [
        # The examples of the reference table (shared/reference/kazakh-scripts.md).
        ("Қазақстан", "Qazaqstan", "قازاقستان"),
        ("тіл", "tıl", "ٴتىل"),
        ("мектеп", "mektep", "مەكتەپ"),
        ("өтініш", "ötınış", "ٴوتىنىش"),
        # Front vowels and no е/к/г: the hamza once, at the start; with е, к or г: none.
        ("Үрімжі", "Ürımjı", "ٴۇرىمجى"),
        ("әкім", "äkım", "اكىم"),
        ("бірге", "bırge", "بىرگە"),
        ("сөз", "söz", "ٴسوز"),
        ("қала", "qala", "قالا"),
        # Capitals: І → I, И and Й → İ; a digraph letter in a capitalised or an all-capitals word.
        ("Іле", "Ile", "ىلە"),
        ("Ия", "İia", "ييا"),
        ("Щучинск", "Şşuchinsk", "ششۋچينسك"),
        ("ЦОН", "TSON", "تسون"),
        ("Цифрлық", "Tsifrlyq", "تسيفرلىق"),
        # ъ and ь are not written.
        ("объект", "obekt", "وبەكت"),
    ],
)
def test_rules(cyrillic, latin, arabic):
    assert to_latin(cyrillic) == latin
    assert to_arabic(cyrillic) == arabic


def test_addresses_numbers_and_latin_names_stay():
    text = "Жазыңыз: info@example.kz, https://www.gov.kz/memleket/ қараңыз, Otandastar Qory, 8 (7172) 55-10-20"
    assert (
        to_latin(text)
        == "Jazyñyz: info@example.kz, https://www.gov.kz/memleket/ qarañyz, Otandastar Qory, 8 (7172) 55-10-20"
    )
    arabic = to_arabic(text)
    for kept in ("info@example.kz", "https://www.gov.kz/memleket/", "Otandastar Qory"):
        assert kept in arabic
    assert not re.search(f"[{CYRILLIC}]", arabic)


def test_arabic_punctuation_and_numbers_kept_left_to_right():
    assert to_arabic("302 750 теңге, 2026 жылы?") == f"{LRI}302 750{PDI} تەڭگە، 2026 جىلى؟"
    assert to_arabic("1,5 АЕК") == "1,5 اەك"  # a decimal comma stays
    assert to_arabic("&amp; қала; тағы") == "&amp; قالا؛ تاعى"  # an HTML entity keeps its ;


def test_a_word_split_by_markup_is_spelled_as_one_word():
    # «мәртебесін» has е: no hamza, also when a highlight splits it.
    assert convert_pieces(["мәртебе", "сін"], "arab") == ["مارتەبە", "سىن"]
    assert to_arabic("сін") == "ٴسىن"
    assert convert_pieces(["Қан", "дас"], "latn") == ["Qan", "das"]


def test_soft_hyphens_stay_in_latin_and_go_in_the_joined_arabic_script():
    assert to_latin("Қос\u00adтанай") == "Qos\u00adtanai"
    assert to_arabic("Қос\u00adтанай") == "قوستاناي"


@pytest.mark.parametrize(
    "text, cyrillic",
    [
        ("Qazaqstan Respublikasy", "Қазақстан Республикасы"),
        ("JSN", "ЖСН"),
        ("qiial, Aziia, aiaq, oiu", "қиял, Азия, аяқ, ою"),
        ("üiıne söilesıp", "үйіне сөйлесіп"),
        ("meditsina", "медицина"),
        ("aitsañyz", "айтсаңыз"),  # ts is тс in a Kazakh word
        ("İia", "Ия"),
    ],
)
def test_latin_to_cyrillic(text, cyrillic):
    assert latin_to_cyrillic(text) == cyrillic


@pytest.mark.parametrize(
    "arabic, cyrillic",
    [
        ("قازاقستان", "қазақстан"),
        ("ٴتىل", "тіл"),
        ("مەكتەپ", "мектеп"),
        ("ٴوتىنىش", "өтініш"),
        ("ٴۇرىمجى", "үрімжі"),
        ("قييال", "қиял"),
        ("سايىن", "сайын"),
        ("نە ىستەۋ كەرەك؟", "не істеу керек?"),
    ],
)
def test_arabic_to_cyrillic(arabic, cyrillic):
    assert arabic_to_cyrillic(arabic) == cyrillic


def _content_vocabulary() -> Counter:
    words = Counter()

    def walk(value, key=""):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str) and not key.endswith("_ru"):
            words.update(re.findall(f"[{CYRILLIC}]+", re.sub(r"<[^>]+>", " ", value)))

    for path in [*ROOT.glob("faq/seed/**/*.toml"), *ROOT.glob("clinics/seed/*.toml")]:
        walk(tomllib.loads(path.read_text(encoding="utf-8")))
    return words


# Letters of Russian loanwords that the Latin alphabet does not keep apart (э = е, ь and ъ unwritten,
# ц = тс); the only other misses are Russian words spelled «ои» (шанкроид → шанкройд).
RUSSIAN_LETTERS = re.compile("[эьъцЭЬЪЦ]")
LOANWORDS_WITH_OI = {"шанкроид"}


def test_latin_round_trip_on_the_content_vocabulary():
    words = _content_vocabulary()
    misses = {word for word in words if latin_to_cyrillic(to_latin(word)) != word}
    share = 1 - len(misses) / len(words)
    print(f"Latin → Cyrillic round trip: {len(words) - len(misses)} of {len(words)} words ({share:.1%})")
    assert len(words) > 1500
    assert share >= 0.985
    # Every native Kazakh word comes back as it was.
    assert {word for word in misses if not RUSSIAN_LETTERS.search(word)} <= LOANWORDS_WITH_OI
