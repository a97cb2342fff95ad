"""scripts.html: what of a page is transliterated, and what is left as it is."""

import json

from scripts.html import transliterate_html


def arab(html: str) -> str:
    return transliterate_html(html, "arab", "kk-arab")


def latn(html: str) -> str:
    return transliterate_html(html, "latn", "kk-latn")


def test_html_element_gets_the_tag_and_the_direction():
    assert (
        arab('<html lang="kk-arab"><body>тіл</body></html>')
        == '<html lang="kk-Arab" dir="rtl"><body>ٴتىل</body></html>'
    )
    assert latn('<html lang="kk-latn">') == '<html lang="kk-Latn">'


def test_shown_attributes_are_transliterated_and_others_kept():
    html = (
        '<a href="/kk-latn/faq/" title="Сұрақтар" class="қала" data-x="қала">Сұрақ</a>'
        '<img alt="Карта" src="/static/карта.svg"><input type="search" placeholder="Іздеу" value="қала">'
        '<input type="submit" value="Іздеу"><td data-label="Мекенжай">—</td>'
        '<meta name="description" content="Қандастар"><nav aria-label=\'Тіл\'></nav>'
    )
    assert latn(html) == (
        '<a href="/kk-latn/faq/" title="Sūraqtar" class="қала" data-x="қала">Sūraq</a>'
        '<img alt="Karta" src="/static/карта.svg"><input type="search" placeholder="Izdeu" value="қала">'
        '<input type="submit" value="Izdeu"><td data-label="Mekenjai">—</td>'
        '<meta name="description" content="Qandastar"><nav aria-label=\'Tıl\'></nav>'
    )


def test_what_a_reader_typed_scripts_styles_and_comments_stay():
    html = "<textarea>қала</textarea><script>var a = 'қала';</script><style>p::before{content:'қ'}</style><!-- қала -->"
    assert latn(html) == html


def test_an_element_in_another_language_stays_with_everything_inside():
    html = (
        '<ul><li><a lang="kk" href="/kk/">Қазақ<b>ша</b></a></li>'
        '<li><span lang="ru">Русский <i>язык</i></span> қала</li></ul>'
    )
    assert latn(html) == html.replace(" қала", " qala")
    # The page's own language, in either spelling of the tag, is transliterated (and the tag written in BCP 47).
    assert (
        latn('<p lang="kk-latn">қала</p><p lang="kk-Latn">қала</p>')
        == '<p lang="kk-Latn">qala</p><p lang="kk-Latn">qala</p>'
    )


def test_a_highlighted_part_of_a_word_is_spelled_with_the_whole_word():
    assert arab("<p><mark>мәртебе</mark>сін</p><p>сін</p>") == "<p><mark>مارتەبە</mark>سىن</p><p>ٴسىن</p>"


def test_block_elements_separate_words():
    assert arab("<li>мектеп</li><li>сін</li>") == "<li>مەكتەپ</li><li>ٴسىن</li>"


def test_jsonld_strings_are_transliterated_and_urls_and_keys_kept():
    data = {"@type": "ListItem", "name": "Басты бет, 2026", "item": "https://otandastar.kz/kk-arab/"}
    html = f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'
    body = arab(html).removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert json.loads(body) == {
        "@type": "ListItem",
        "name": "باستى بەت، 2026",
        "item": "https://otandastar.kz/kk-arab/",
    }


def test_entities_and_a_lone_less_than_sign_survive():
    assert arab("<p>А &amp; Б; 3 < 5 қала</p>") == "<p>ا &amp; ب؛ 3 < 5 قالا</p>"
