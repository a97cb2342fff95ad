"""Slugs from Kazakh text: the 2021 Latin letters in ASCII, whole words, bounded length."""

import re

import pytest

from editing.slugs import kazakh_slug


@pytest.mark.parametrize(
    "text, slug",
    [
        ("Мамандығы бойынша жұмыс", "mamandygy-boiynsha-jumys"),  # as the seed's hand-made slug
        ("Қандастарға қайтарымсыз бизнес гранттар", "qandastarga-qaitarymsyz-biznes-granttar"),
        ("Өңірлік квота", "onirlik-kvota"),
        ("Әңгімелесуден өту", "angimelesuden-otu"),
        ("Ұлты қазақ екенін қалай дәлелдеуге болады?", "ulty-qazaq-ekenin-qalai-daleldeuge-bolady"),
        ("Үй, һ, ц, ч, щ, ё, ю, я, ь, ъ, э", "ui-h-ts-ch-shsh-io-iu-ia-e"),
        ("«Ата жолы» картасы — 2026", "ata-joly-kartasy-2026"),
        ("ҰБТ", "ubt"),
        ("", ""),
    ],
)
def test_kazakh_text_becomes_an_ascii_slug(text, slug):
    assert kazakh_slug(text) == slug


def test_a_long_question_is_cut_at_a_whole_word():
    text = "Қазақстан Республикасына тұрақты тұруға көшіп келушілер үшін сауалнама жүргізу тәртібі туралы"
    slug = kazakh_slug(text)
    assert len(slug) <= 60 and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)
    assert slug == "qazaqstan-respublikasyna-turaqty-turuga-koship-kelushiler"
