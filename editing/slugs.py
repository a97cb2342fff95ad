"""Web-address slugs from Kazakh text: the Kazakh Latin alphabet of 2021, written in plain ASCII.

Letters follow the 2021 alphabet (Decree of the President of Kazakhstan of 28 January 2021; table in
docs of this project: /work/shared/reference/kazakh-scripts.md); its marked letters lose their marks
for an address (ä→a, ğ→g, ñ→n, ö→o, ū/ü→u, ı→i, ş→sh), as the hand-made seed slugs do
(«Мамандығы бойынша жұмыс» → mamandygy-boiynsha-jumys).
"""

import re

LETTERS = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "io",
    "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n",
    "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u",
    "ү": "u", "ф": "f", "х": "h", "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shsh", "ъ": "",
    "ы": "y", "і": "i", "ь": "", "э": "e", "ю": "iu", "я": "ia",
}  # fmt: skip


def kazakh_slug(text: str, max_length: int = 60) -> str:
    """«Қандастарға қайтарымсыз бизнес гранттар» → "qandastarga-qaitarymsyz-biznes-granttar": whole
    words only, at most `max_length` characters."""
    latin = "".join(LETTERS.get(ch, ch) for ch in (text or "").lower())
    words = re.findall(r"[a-z0-9]+", latin)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    return slug or (words[0][:max_length] if words else "")
