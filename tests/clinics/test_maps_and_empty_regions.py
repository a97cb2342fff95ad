"""Clinic pages a reader can act on: no empty «Телефон —» lines, map searches for each address in the
page's language, and a region without institutions says what to do."""

import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from clinics.maps import map_links, map_query
from clinics.models import Clinic, Region
from clinics.selectors import nearest_listed_regions
from tests.conftest import tags, text_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "address, region, expected",
    [
        ("г. Алматы, ул. Демченко, 83 (областной центр)", "Алматинская область", "г. Алматы, ул. Демченко, 83"),
        ("Алматы қаласы, Демченко көшесі, 83 (Облыстық центр)", "Алматы облысы", "Алматы қаласы, Демченко көшесі, 83"),
        (
            "ул. Каныша Сатпаева, 1",
            "Восточно-Казахстанская область",
            "ул. Каныша Сатпаева, 1, Восточно-Казахстанская область",
        ),
        ("Қаныш Сатпаев көшесі 1", "Шығыс Қазақстан облысы", "Қаныш Сатпаев көшесі 1, Шығыс Қазақстан облысы"),
        (
            "Талгарский район, с. Шымбулак, ул. Сатпаева, 100",
            "Алматинская область",
            "Талгарский район, с. Шымбулак, ул. Сатпаева, 100",
        ),
        ("", "Абай облысы", ""),
    ],
)
def test_map_query_drops_notes_and_adds_the_region_when_no_settlement_is_named(address, region, expected):
    assert map_query(address, region) == expected


def test_map_links_are_query_urls_of_2gis_and_openstreetmap():
    (gis_name, gis), (osm_name, osm) = map_links("г. Павлодар, ул. Камзина, 5")
    assert (gis_name, osm_name) == ("2GIS", "OpenStreetMap")
    assert gis.startswith("https://2gis.kz/search/") and unquote(gis.rsplit("/", 1)[1]) == "г. Павлодар, ул. Камзина, 5"
    assert urlsplit(osm).netloc == "www.openstreetmap.org"
    assert parse_qs(urlsplit(osm).query) == {"query": ["г. Павлодар, ул. Камзина, 5"]}
    assert map_links("") == []


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_each_address_links_map_searches_in_the_pages_language(client, language):
    html = client.get(f"/{language}/clinics/pavlodar/").content.decode()
    rows = Clinic.objects.filter(region__slug="pavlodar").order_by("position", "pk")
    links = [a["href"] for t, a in tags(html, "a") if a.get("href", "").startswith("https://www.openstreetmap.org/")]
    expected = [
        map_query(getattr(row, f"address_{language}"), "") for row in rows if getattr(row, f"address_{language}")
    ]
    assert [parse_qs(urlsplit(link).query)["query"][0] for link in links] == expected
    assert len([a for t, a in tags(html, "a") if a.get("href", "").startswith("https://2gis.kz/search/")]) == len(
        expected
    )
    # Links only: nothing is loaded from the map sites.
    assert not [a for t, a in tags(html) if "2gis" in a.get("src", "") or "openstreetmap" in a.get("src", "")]


def test_no_dash_lines_and_no_phone_column_when_no_row_has_a_number(client):
    assert not Clinic.objects.filter(region__slug="pavlodar").exclude(phone="").exists()
    html = client.get("/ru/clinics/pavlodar/").content.decode()
    table = html[html.index("<table") : html.index("</table>")]
    assert "—" not in text_of(table)
    assert "Телефон" not in text_of(table)


def test_the_phone_column_shows_the_numbers_there_are_and_empty_cells_carry_no_label(client):
    html = client.get("/ru/clinics/almaty-region/").content.decode()
    table = html[html.index("<table") : html.index("</table>")]
    assert "Телефон" in text_of(table)
    assert "—" not in text_of(table)
    phones = [a for t, a in tags(table, "td") if a.get("data-label") == "Телефон"]
    assert len(phones) == Clinic.objects.filter(region__slug="almaty-region").exclude(phone="").count() >= 1
    assert all(not a.get("data-label") for t, a in tags(table, "td") if a.get("class") == "blank")


def test_an_empty_address_leaves_an_empty_cell_without_a_map_link(client):
    row = Clinic.objects.filter(region__slug="north-kazakhstan").first()
    Clinic.objects.filter(pk=row.pk).update(address_kk="", address_ru="")
    html = client.get("/ru/clinics/north-kazakhstan/").content.decode()
    assert "—" not in text_of(html[html.index("<table") : html.index("</table>")])


@pytest.mark.parametrize(
    "slug, nearest",
    [
        ("abai", ["astana", "almaty-region", "karaganda"]),  # sides of its tile that list institutions
        ("kostanay", ["north-kazakhstan", "akmola"]),  # a side, then a corner
        ("ulytau", ["akmola", "north-kazakhstan", "karaganda"]),
    ],
)
def test_nearest_listed_regions_follow_the_tile_map(slug, nearest):
    from django.utils import translation

    with translation.override("ru"):
        found = [region.slug for region in nearest_listed_regions(Region.objects.get(slug=slug))]
    assert sorted(found) == sorted(nearest)
    assert all(Clinic.objects.filter(region__slug=s).exists() for s in found)


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("slug", ["abai", "kostanay", "ulytau"])
def test_a_region_without_institutions_says_what_to_do(client, language, slug):
    html = client.get(f"/{language}/clinics/{slug}/").content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    links = [a["href"] for t, a in tags(main, "a")]
    for region in nearest_listed_regions(Region.objects.get(slug=slug)):
        assert f"/{language}/clinics/{region.slug}/" in links
    assert f"/{language}/contacts/" in links
    assert re.search("schematic|схемалық|схематической", text_of(main)) or language == "kk" and "схемалық" in main
