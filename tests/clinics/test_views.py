import pytest

from clinics.models import Clinic, Region
from tests.conftest import tags

pytestmark = pytest.mark.django_db


def test_directory_lists_regions_with_row_counts_and_empty_ones(client):
    html = client.get("/kk/clinics/").content.decode()
    for region in Region.objects.all():
        assert f'href="/kk/clinics/{region.slug}/"' in html
    assert "8 мекенжай" in html and "7 мекенжай" in html
    assert "Мекенжайлары әлі жоқ өңірлер" in html


def test_directory_sorts_regions_by_the_kazakh_alphabet(client):
    html = client.get("/kk/clinics/").content.decode()
    # Code-point order would put Қарағанды after Шығыс; the Kazakh alphabet puts it before Маңғыстау.
    assert html.index("Жамбыл облысы") < html.index("Қарағанды облысы") < html.index("Маңғыстау облысы")


def test_region_page_shows_its_table(client):
    html = client.get("/kk/clinics/karaganda/").content.decode()
    rows = Clinic.objects.filter(region__slug="karaganda")
    for row in rows:
        assert row.address_kk in html
    assert 'href="tel:+77212347042"' in html
    assert len(tags(html, "caption")) == 1
    assert len([1 for t, a in tags(html, "th") if a.get("scope") == "col"]) == 4


def test_region_filter_by_examination_type(client):
    html = client.get("/kk/clinics/pavlodar/?type=tuberculosis").content.decode()
    tbody = html.split("<tbody>")[1].split("</tbody>")[0]
    assert tbody.count("<tr>") == 1
    assert "Қамзин көш.275" in tbody
    assert "Флюромен бару керек" in tbody


def test_bad_filter_value_shows_all_rows_with_a_message(client):
    response = client.get("/ru/clinics/pavlodar/?type=%00<script>")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.split("<tbody>")[1].count("<tr>") == 8
    assert 'role="alert"' in html
    assert "<script>" not in html.split("<main")[1]


def test_region_without_rows_has_an_honest_empty_state(client):
    html = client.get("/kk/clinics/abai/").content.decode()
    assert "<table" not in html
    assert "мекемелері әзірге көрсетілмеген" in html


def test_unknown_region_is_404(client):
    assert client.get("/kk/clinics/atlantis/").status_code == 404


def test_quota_page_shows_table_total_order_and_rule(client):
    html = client.get("/kk/quota/").content.decode()
    assert '<td class="num">2\xa0281</td>' in html
    assert "№ 401" in html
    assert "өңірлік квотаға ене алады" in html
    for slug in ("abai", "akmola", "north-kazakhstan", "ulytau", "kostanay", "pavlodar", "east-kazakhstan"):
        assert f'href="/kk/clinics/{slug}/"' in html


def test_quota_total_follows_an_editors_change(client):
    from clinics.models import Quota

    Quota.objects.filter(region__slug="pavlodar").update(count=1000)
    assert '<td class="num">2\xa0304</td>' in client.get("/ru/quota/").content.decode()


@pytest.mark.parametrize("year", ["1999", "2030", "99999999999999999999999"])
def test_unknown_quota_year_is_404(client, year):
    assert client.get(f"/kk/quota/{year}/").status_code == 404


def test_row_without_russian_shows_kazakh_with_a_note(client):
    row = Clinic.objects.get(region__slug="mangystau", position=1)
    Clinic.objects.filter(pk=row.pk).update(address_ru="", transport_ru="")
    html = client.get("/ru/clinics/mangystau/").content.decode()
    assert f'<span lang="kk">{row.address_kk}</span>' in html
    assert "(перевод готовится)" in html
