"""Answer cards for clinic questions (search.cards) and the synonym groups they use."""

import pytest

from clinics.models import Clinic
from search.cards import find
from search.engine import search
from search.models import SynonymGroup
from search.query import parse
from search.synonyms import expand

pytestmark = pytest.mark.django_db


def card(query, language="kk"):
    cards = search(query, language).cards
    return [(c.region and c.region.slug, c.examination and c.examination.slug) for c in cards]


@pytest.mark.parametrize(
    "query",
    ["Павлодар психиатр", "Павлодарская область психиатр", "Pavlodar psikhiatr", "павлодарда психикалық бұзылу"],
)
def test_a_region_in_any_form_and_an_examination_make_one_card(query):
    assert card(query) == [("pavlodar", "mental-disorders")]


def test_the_card_holds_the_rows_with_phone_transport_and_a_filtered_link(client):
    html = client.get("/ru/search/", {"q": "туберкулез Карагандинская область"}).content.decode()
    card_html = html[html.index('class="answer-card"') :]
    card_html = card_html[: card_html.index("</section>")]
    row = Clinic.objects.filter(region__slug="karaganda", examination_type__slug="tuberculosis").first()
    assert row.transport_ru in card_html or row.transport_kk in card_html
    assert 'href="tel:' in card_html
    assert 'href="/ru/clinics/karaganda/?type=tuberculosis"' in card_html
    html = client.get("/kk/search/", {"q": "лепра ақмола"}).content.decode()
    assert html.index("answer-card") < html.index("found-entries")  # the card comes before the entries


def test_a_card_shows_its_first_rows_and_links_to_all_of_them(client):
    from search.cards import CARD_ROWS

    pavlodar = Clinic.objects.filter(region__slug="pavlodar")
    before = pavlodar.count()
    assert before <= CARD_ROWS  # the seeded directory fits in a card whole
    template = pavlodar.order_by("position").first()
    for n in range(CARD_ROWS + 3 - before):
        template.pk, template.position = None, 1000 + n
        template.save()
    (only,) = search("Павлодар емхана", "kk").cards
    first = pavlodar.order_by("position", "pk").values_list("pk", flat=True)[:CARD_ROWS]
    assert [r.pk for r in only.rows] == list(first)
    assert only.total == CARD_ROWS + 3
    html = client.get("/ru/search/", {"q": "Павлодар больница"}).content.decode()
    assert f"Все {CARD_ROWS + 3} адресов" in html


def test_an_abbreviation_names_its_region():
    assert card("ВКО флюорография", "ru") == [("east-kazakhstan", "tuberculosis")]
    assert card("СҚО туберкулез") == [("north-kazakhstan", "tuberculosis")]


def test_an_examination_alone_lists_the_regions_that_have_it(client):
    cards = search("проказа", "ru").cards
    assert len(cards) == 1 and cards[0].region is None and cards[0].examination.slug == "leprosy"
    having = set(Clinic.objects.filter(examination_type__slug="leprosy").values_list("region__slug", flat=True))
    assert {r.slug for r in cards[0].regions} == having
    html = client.get("/ru/search/", {"q": "проказа"}).content.decode()
    assert "?type=leprosy" in html


def test_a_region_in_another_question_makes_no_card():
    assert card("как получить ИИН в Астане", "ru") == []
    assert card("Қазақстан") == []  # part of three regions' names, names none of them


def test_synonym_groups_are_applied_and_editable():
    assert card("психиатр", "ru") == [(None, "mental-disorders")]
    SynonymGroup.objects.filter(words__contains="психиатр").delete()
    assert card("психиатр", "ru") == []
    SynonymGroup.objects.create(language="ru", words="психиатр\nпсихические")
    assert card("психиатр", "ru") == [(None, "mental-disorders")]
    terms = expand(parse("ВНЖ"))
    assert any("жительств" in p for p in terms[0].patterns)


def test_no_terms_no_cards():
    assert find(()) == []


@pytest.mark.parametrize(
    "query, language, expected",
    [
        ("Алматы облысы", "kk", ["almaty-region"]),
        ("Алматы обл", "ru", ["almaty-region"]),
        ("Алматы қаласы", "kk", ["almaty"]),
        ("город Алматы туберкулез", "ru", ["almaty"]),
        ("Алматинская область туберкулез", "ru", ["almaty-region"]),
        # Without the word that tells them apart, both are answers: the city and the region around it.
        ("Алматы", "kk", ["almaty", "almaty-region"]),
        ("Pavlodar oblysy", "kk", ["pavlodar"]),
    ],
)
def test_the_city_or_the_region_of_the_same_name_as_the_query_says(query, language, expected):
    assert [c.region.slug for c in search(query, language).cards] == expected
