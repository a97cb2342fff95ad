"""clinics.selectors: region names sort by each language's alphabet."""

from clinics.selectors import alphabet_key


def test_alphabet_key_follows_each_language():
    words = ["Ұлытау", "Алматы", "Қостанай", "Абай", "Шымкент", "Жамбыл", "Іле", "Яблоко", "Өскемен"]
    assert sorted(words, key=lambda w: alphabet_key(w, "kk")) == [
        "Абай",
        "Алматы",
        "Жамбыл",
        "Қостанай",
        "Өскемен",
        "Ұлытау",
        "Шымкент",
        "Іле",
        "Яблоко",
    ]
    assert sorted(["Яр", "Ёж", "Еда", "Жук"], key=lambda w: alphabet_key(w, "ru")) == ["Еда", "Ёж", "Жук", "Яр"]
