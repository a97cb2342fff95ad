import pytest
from django.utils import translation

from clinics.templatetags.clinic_tags import hyphenate, kazakh_syllable_breaks


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("Қостанай", "Қос-та-най"),
        ("Түркістан", "Түр-кіс-тан"),
        ("Қарағанды", "Қа-ра-ған-ды"),
        ("Маңғыстау", "Маң-ғыс-тау"),
        ("Атырау", "Аты-рау"),  # never one letter alone
        ("Ақтөбе", "Ақ-тө-бе"),
    ],
)
def test_kazakh_words_break_between_syllables(word, syllables):
    breaks = kazakh_syllable_breaks(word)
    assert "".join(ch + ("-" if i + 1 in breaks else "") for i, ch in enumerate(word)) == syllables


@pytest.mark.parametrize(
    ("language", "name", "shown"),
    [
        ("ru", "Павлодарская", "Пав-ло-дар-ская"),
        ("ru", "город Шымкент", "город Шым-кент"),
        ("kk", "Шымкент қаласы", "Шым-кент қа-ла-сы"),
        ("kk", "ШҚО", "ШҚО"),
    ],
)
def test_long_names_get_soft_hyphens_in_the_pages_language(language, name, shown):
    with translation.override(language):
        assert hyphenate(name) == shown.replace("-", "\u00ad")


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "label"), [("ru", "Пав-ло-дар-ская"), ("kk", "Қос-та-най")])
def test_the_quota_map_carries_the_soft_hyphens(client, language, label):
    assert label.replace("-", "\u00ad") in client.get(f"/{language}/quota/").content.decode()
