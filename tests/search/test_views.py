"""search.views: what the results page shows (highlights, topics, regions, counts, pages,
suggestions) and that any input gives a page."""

import pytest

pytestmark = pytest.mark.django_db


def test_results_page_shows_highlights_topics_regions_and_counts(client):
    html = client.get("/kk/search/", {"q": "ата жолы"}).content.decode()
    assert "<mark>Ата</mark> <mark>жолы</mark>" in html
    assert "«Ата жолы» картасы" in html  # the entry's topic
    assert 'Сұрақтар мен жауаптар <span class="count">(' in html

    # A city that names no region finds its region's rows, grouped (Кокшетау: Акмолинская область).
    html = client.get("/ru/search/", {"q": "Кокшетау"}).content.decode()
    assert 'href="/ru/clinics/akmola/"' in html and "answer-card" not in html

    # A region alone is a clinic question: its rows come first, in a card.
    html = client.get("/ru/search/", {"q": "Караганда"}).content.decode()
    card = html[html.index('class="answer-card"') : html.index("</section>")]
    assert card.count("<tr>") == 1 + 7  # the head and the region's seven rows
    assert 'href="/ru/clinics/karaganda/"' in card


def test_results_link_to_pages_in_the_visitors_language(client):
    html = client.get("/ru/search/", {"q": "кандас"}).content.decode()
    assert 'href="/ru/faq/' in html and 'href="/kk/faq/' not in html


def test_pagination(client):
    first = client.get("/kk/search/", {"q": "қандас"})
    page = first.context["page"]
    assert page.paginator.count > 10 and len(page.object_list) == 10
    second = client.get("/kk/search/", {"q": "қандас", "page": "2"}).context["page"]
    assert second.number == 2 and second.object_list
    assert {e.pk for e in page.object_list}.isdisjoint({e.pk for e in second.object_list})


@pytest.mark.parametrize("bad", ["0", "-1", "999", "abc", "1e9", "\x00"])
def test_a_bad_page_number_still_gives_a_page(client, bad):
    response = client.get("/kk/search/", {"q": "қандас", "page": bad})
    assert response.status_code == 200


def test_nothing_found_suggests_spellings_and_topics(client):
    response = client.get("/kk/search/", {"q": "апастиль", "exact": "1"})
    html = response.content.decode()
    assert response.context["results"].count == 0
    assert "апостиль" in " ".join(response.context["suggestions"])
    assert 'href="/kk/faq/topic/' in html
    html = client.get("/ru/search/", {"q": "zzzqqqxx"}).content.decode()
    assert "ничего не найдено" in html and 'href="/ru/faq/topic/' in html


def test_empty_query_shows_the_topics(client):
    response = client.get("/kk/search/", {"q": "   "})
    assert response.context["topics"] and 'href="/kk/faq/topic/' in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "<script>alert(1)</script>",
        "a" * 5000,
        "\x00\x01",
        "' OR 1=1 --",
        "%",
        "_",
        "%%__",
        "😀",
        "  ",
        "\u202e",
        '"',
        "NEAR(a b)",
        "title : x",
        "*",
        "квота*",
        "а",
        "ә ғ",
    ],
)
def test_any_input_gives_a_page(client, query):
    response = client.get("/kk/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert len(response.context["query"]) <= 200
