"""The editors' start page (issue 17, item 6): each kind of work that needs attention, counted, each a
link into the admin list filtered to exactly those rows."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from clinics.models import Clinic
from clinics.quality import rows_with
from editing.selectors import Attention, attention_items
from faq.models import Entry
from feedback.models import Answer, Page
from search.models import SearchQuery

pytestmark = pytest.mark.django_db

ITEM = re.compile(r'<li><a href="([^"]+)">([^<]+)</a>: <strong[^>]*>(\d+)</strong></li>')


def start_page(client):
    html = client.get(reverse("admin:index")).content.decode()
    section = html[html.index('class="module attention"') :]
    return [(url.replace("&amp;", "&"), label, int(count)) for url, label, count in ITEM.findall(section)]


@pytest.fixture
def work():
    """Some of each kind: 2 entries reviewed recently (the rest not), 1 without Russian, 2 searches that found
    nothing more than once (and one once only, which the list leaves out by default)."""
    Entry.objects.update(last_reviewed=datetime.date(2024, 1, 10))
    Entry.objects.filter(number__in=[1, 2]).update(last_reviewed=timezone.localdate())
    Entry.objects.filter(number=5).update(answer_ru="")
    for query, count, results in (("жоқсөз", 4, 0), ("басқасөз", 2, 0), ("бірреттік", 1, 0), ("квота", 9, 12)):
        SearchQuery.objects.create(query=query, language="kk", count=count, zero_results=count, last_results=results)
    # Readers' answers: 2 "not useful" in the last 30 days, 1 older, 1 "useful".
    page = Page.objects.create(path="/faq/onirlik-kvota/")
    for useful, days_ago in ((False, 1), (False, 3), (False, 40), (True, 2)):
        answer = Answer.objects.create(page=page, language="kk", useful=useful)
        Answer.objects.filter(pk=answer.pk).update(created=timezone.now() - datetime.timedelta(days=days_ago))


def test_the_start_page_lists_each_kind_of_work_with_its_count(content_editor_client, work):
    items = start_page(content_editor_client)
    counts = {url: count for url, _label, count in items}
    entries = reverse("admin:faq_entry_changelist")
    assert counts == {
        f"{entries}?review=stale": Entry.objects.count() - 2,
        f"{entries}?ru=missing": 1,
        reverse("admin:clinics_clinictocheck_changelist"): len(rows_with(Clinic.objects.all())),
        reverse("admin:search_searchquery_changelist") + "?found=no": 2,
        reverse("admin:feedback_answer_changelist") + "?useful__exact=0&period=30d": 2,
    }


def test_each_link_opens_its_list_filtered_to_the_rows_counted(content_editor_client, work):
    items = start_page(content_editor_client)
    assert len(items) == 5
    for url, label, count in items:
        response = content_editor_client.get(url)
        assert response.status_code == 200, url
        changelist = response.context["cl"]
        assert changelist.result_count == count, (label, url)
        if "?" in url:  # the filter is applied: fewer rows than the whole list
            assert changelist.result_count < changelist.full_result_count, url
    stale = next(url for url, _l, _c in items if "review=stale" in url)
    shown = {e.number for e in content_editor_client.get(stale).context["cl"].result_list}
    assert shown == set(Entry.objects.exclude(number__in=[1, 2]).values_list("number", flat=True))
    searches = next(url for url, _l, _c in items if "found=no" in url)
    shown = {q.query for q in content_editor_client.get(searches).context["cl"].result_list}
    assert shown == {"жоқсөз", "басқасөз"}
    not_useful = next(url for url, _l, _c in items if "useful__exact=0" in url)
    shown = content_editor_client.get(not_useful).context["cl"].result_list
    assert [a.useful for a in shown] == [False, False]


def test_an_item_whose_app_is_missing_is_left_out(rf, content_editor):
    """An item whose app is not installed is left out instead of failing the admin index."""
    request = rf.get("/")
    request.user = content_editor
    items = [Attention("nosuchapp.page", "useful=no", "not useful"), Attention("faq.entry", "ru=missing", "ru")]
    assert [item["label"] for item in attention_items(request, items)] == ["ru"]


def test_the_start_page_speaks_the_admins_language(content_editor_client, work):
    labels = [label for _u, label, _c in start_page(content_editor_client)]
    assert "12 ай бойы тексерілмеген сұрақ-жауаптар" in labels
    content_editor_client.cookies["lang"] = "ru"
    labels = [label for _u, label, _c in start_page(content_editor_client)]
    assert "Поиски без результатов" in labels


def test_an_item_whose_filter_no_longer_exists_is_left_out(rf, content_editor):
    request = rf.get("/")
    request.user = content_editor
    items = [Attention("faq.entry", "no_such_filter=1", "gone"), Attention("faq.entry", "ru=missing", "ru")]
    assert [item["label"] for item in attention_items(request, items)] == ["ru"]
