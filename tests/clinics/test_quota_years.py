"""A new quota year is public only when published, in force ("shown from") and complete (every region, or
marked final); until then the current year stays everywhere. Staff preview it, never cached."""

import datetime

import pytest
import time_machine

from clinics import selectors
from clinics.models import Quota, QuotaYear, Region

pytestmark = pytest.mark.django_db

NOVEMBER = datetime.datetime(2026, 11, 15, 10, 0, tzinfo=datetime.UTC)
NEW_YEAR = datetime.datetime(2027, 1, 1, 6, 0, tzinfo=datetime.UTC)  # 11:00 in Kazakhstan


@pytest.fixture
def year_2027():
    quota_year = QuotaYear.objects.create(year=2027, legal_order_kk="2027 бұйрық", published=True)
    Quota.objects.create(quota_year=quota_year, region=Region.objects.get(slug="abai"), count=1000)
    return quota_year


def public_pages(client):
    return {url: client.get(url).content.decode() for url in ("/kk/", "/ru/", "/kk/quota/", "/ru/quota/")}


def test_a_new_year_is_not_in_force_complete_or_published_by_default():
    quota_year = QuotaYear.objects.create(year=2027, legal_order_kk="2027")
    assert quota_year.shown_from == datetime.date(2027, 1, 1)
    assert not quota_year.published and not quota_year.final


def test_the_november_case(client, year_2027):
    with time_machine.travel(NOVEMBER, tick=False):
        before = public_pages(client)
        for html in before.values():
            assert "2026" in html and "2027" not in html
        assert client.get("/kk/quota/2027/").status_code == 404
        assert "/quota/2027/" not in client.get("/sitemap.xml").content.decode()
        entry_7 = client.get("/kk/faq/onirlik-kvota/").content.decode()
        assert "2281" in entry_7 and "2027" not in entry_7

        # Complete but not yet in force: still 2026.
        for region in Region.objects.exclude(slug="abai"):
            Quota.objects.create(quota_year=year_2027, region=region, count=0)
        year_2027.save()  # an editor's save (bumps the page cache)
        assert "2027" not in client.get("/kk/quota/").content.decode()

    with time_machine.travel(NEW_YEAR, tick=False):
        html = client.get("/kk/quota/").content.decode()
        assert "2027" in html and "1\xa0000" in html
        # Regions with 0 complete the year but are not listed.
        assert html.split("<tbody>")[1].split("</tbody>")[0].count("<tr>") == 1
        assert "2027 год: 1\xa0000" in client.get("/ru/").content.decode()
        assert "/quota/2027/" in client.get("/sitemap.xml").content.decode()
        assert client.get("/kk/quota/2026/").status_code == 200  # the old year keeps its page


def test_an_incomplete_year_in_force_waits_until_marked_final(client, year_2027):
    with time_machine.travel(NEW_YEAR, tick=False):
        assert "2027" not in client.get("/kk/quota/").content.decode()
        year_2027.final = True
        year_2027.save()
        assert "2027" in client.get("/kk/quota/").content.decode()


def test_an_unpublished_year_waits_whatever_its_date(client, year_2027):
    year_2027.final, year_2027.published = True, False
    year_2027.save()
    with time_machine.travel(NEW_YEAR, tick=False):
        assert "2027" not in client.get("/kk/quota/").content.decode()


def test_a_later_shown_from_date_holds_the_year_back(client, year_2027):
    year_2027.final, year_2027.shown_from = True, datetime.date(2027, 2, 1)
    year_2027.save()
    with time_machine.travel(NEW_YEAR, tick=False):
        assert "2027" not in client.get("/kk/quota/").content.decode()
    with time_machine.travel(datetime.datetime(2027, 2, 1, 6, 0, tzinfo=datetime.UTC), tick=False):
        assert "2027" in client.get("/kk/quota/").content.decode()


def test_a_cached_page_follows_the_date_without_a_save(client, year_2027):
    year_2027.final = True
    year_2027.save()
    with time_machine.travel(NOVEMBER, tick=False):
        assert "2027" not in client.get("/kk/quota/").content.decode()
    with time_machine.travel(NEW_YEAR, tick=False):
        assert "2027" in client.get("/kk/quota/").content.decode()


def test_staff_preview_a_year_that_is_not_public_never_cached(client, editor, year_2027):
    with time_machine.travel(NOVEMBER, tick=True):
        client.force_login(editor)
        response = client.get("/kk/quota/2027/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "1\xa0000" in html and 'class="notice"' in html
        cache_control = response["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control
        # The public latest year stays 2026 for staff too, and is not marked as a preview.
        current = client.get("/kk/quota/")
        assert "2027" not in current.content.decode() and 'class="notice"' not in current.content.decode()


def test_the_years_seeded_or_migrated_are_public():
    assert [y.year for y in selectors.public_quota_years()] == [2026]
    assert QuotaYear.objects.get(year=2026).final
