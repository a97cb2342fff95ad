"""Personal data is taken out of a comment before it is saved (feedback.privacy)."""

import pytest

from feedback.privacy import scrub


@pytest.mark.parametrize(
    "text, expected",
    [
        ("пишите на aigerim.n@mail.kz, спасибо", "пишите на [e-mail], спасибо"),
        ("e-mail: Test_User+kz@Gmail.COM", "e-mail: [e-mail]"),
        ("мой адрес aigerim (at) mail . ru", "мой адрес [e-mail]"),
        ("ЖСН 850101300123 бойынша", "ЖСН [ИИН/ЖСН] бойынша"),
        ("ИИН:990203451234.", "ИИН:[ИИН/ЖСН]."),
        ("звоните +7 701 123 45 67", "звоните [телефон]"),
        ("тел. 8 (7212) 34-70-42 после обеда", "тел. [телефон] после обеда"),
        ("87011234567", "[телефон]"),
        ("Китайский номер +86 138 1234 5678", "Китайский номер [телефон]"),
        ("Монголия 9911 2233", "Монголия [телефон]"),
        ("ИИН 850101 300123", "ИИН [телефон]"),  # spaced out: still taken out, as digits
    ],
)
def test_personal_data_is_replaced_by_a_marker(text, expected):
    assert scrub(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Квота 2026 жылға 1 600 адам",  # a year and a short number stay
        "приказ № 664 от 30 сентября 2011 года",
        "70 АЕК, 302 750 теңге",
        "Где пройти обследование в Костанае?",
    ],
)
def test_ordinary_text_and_short_numbers_are_kept(text):
    assert scrub(text) == text


def test_lines_are_not_joined_into_a_phone_number():
    assert scrub("2026\n2027\n2028") == "2026\n2027\n2028"
