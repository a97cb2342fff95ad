import pytest
from django.utils import translation
from django.utils.html import escape

from clinics.models import ExaminationType, Region
from faq.models import Entry
from tests.conftest import tags, text_of

pytestmark = pytest.mark.django_db


def test_index_lists_every_published_entry_by_topic(client):
    html = client.get("/kk/faq/").content.decode()
    for entry in Entry.objects.all():
        assert f'href="/kk/faq/{entry.slug}/"' in html


def test_entry_page_shows_answer_citation_review_and_topic_neighbours(client):
    entry = Entry.objects.get(number=1)
    html = client.get("/kk/faq/jsn/").content.decode()
    assert entry.question_kk in html
    assert "<cite>«Сәйкестендіру нөмірлерінің ұлттық тізілімдері туралы»" in html
    # The source is named, not a "not reviewed" notice: that state is the admin's business.
    assert "тексермеген" not in html
    source = html.split('class="source"')[1].split("</aside>")[0]
    assert "«Отандастар қоры» КеАҚ-ның қандастарға арналған анықтамалығы" in source
    assert 'href="https://oq.gov.kz/"' in source and "Соңғы тексерілген күні" not in source
    neighbours = Entry.objects.filter(topic=entry.topic).exclude(pk=entry.pk)
    for other in neighbours:
        assert f'href="/kk/faq/{other.slug}/"' in html
    # Breadcrumbs: home › questions › topic › entry.
    crumbs = html.split('class="wrap breadcrumbs"')[1].split("</nav>")[0]
    assert "/kk/faq/topic/documents-status/" in crumbs and 'aria-current="page"' in crumbs


def test_last_reviewed_date_is_formatted_in_kazakh(client):
    import datetime

    Entry.objects.filter(number=1).update(last_reviewed=datetime.date(2026, 1, 12))
    assert "12 қаңтар 2026 ж." in client.get("/kk/faq/jsn/").content.decode()
    assert "12 января 2026" in client.get("/ru/faq/jsn/").content.decode()


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_entry_17_lists_the_examinations_and_leads_to_every_regions_table(client, language):
    html = client.get(f"/{language}/faq/meditsinalyq-anyqtama/").content.decode()
    section = html.split('class="directory"')[1].split("</section>")[0]
    with translation.override(language):
        for exam in ExaminationType.objects.all():
            assert f"<li>{escape(exam.name)}" in section
        for region in Region.objects.all():
            assert f'href="/{language}/clinics/{region.slug}/"' in section
    assert "<table" not in html


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_an_entry_without_the_directory_does_not_list_it(client, language):
    assert 'class="directory"' not in client.get(f"/{language}/faq/jsn/").content.decode()


def test_a_review_date_is_shown_in_the_source_when_an_editor_set_it(client):
    import datetime

    Entry.objects.filter(number=1).update(last_reviewed=datetime.date(2026, 1, 12))
    source = client.get("/kk/faq/jsn/").content.decode().split('class="source"')[1].split("</aside>")[0]
    assert "Соңғы тексерілген күні" in source and 'datetime="2026-01-12"' in source


def test_entry_7_links_to_the_quota_page(client):
    assert 'href="/ru/quota/"' in client.get("/ru/faq/onirlik-kvota/").content.decode()


def test_russian_page_without_translation_shows_kazakh_with_a_note(client):
    entry = Entry.objects.get(number=2)
    Entry.objects.filter(pk=entry.pk).update(question_ru="", answer_ru="")
    html = client.get(f"/ru/faq/{entry.slug}/").content.decode()
    assert entry.question_kk in html
    assert "Перевод этого текста готовится" in html
    article = [a for t, a in tags(html, "article")][0]
    assert article.get("lang") == "kk"


def test_translated_entry_has_no_pending_note(client):
    Entry.objects.filter(number=2).update(question_ru="Как получить ПМЖ?", answer_ru="<p>Ответ.</p>")
    html = client.get("/ru/faq/turaqty-turuga-ruqsat/").content.decode()
    assert "Как получить ПМЖ?" in html
    assert "Перевод этого текста готовится" not in html


def test_unpublished_entry_is_hidden_but_staff_can_preview(client, editor):
    Entry.objects.filter(number=5).update(published=False)
    slug = Entry.objects.get(number=5).slug
    assert client.get(f"/kk/faq/{slug}/").status_code == 404
    assert f"/kk/faq/{slug}/" not in client.get("/kk/faq/").content.decode()
    client.force_login(editor)
    response = client.get(f"/kk/faq/{slug}/")
    assert response.status_code == 200
    assert "алдын ала қарауды тек қызметкерлер" in response.content.decode()


def test_answer_html_is_sanitized_when_rendered(client):
    Entry.objects.filter(number=6).update(
        answer_kk='<p onclick="x()">Жауап <script>alert(1)</script><a href="javascript:alert(2)">сілтеме</a>'
        '<a href="https://egov.kz">egov</a></p>'
    )
    html = client.get(f"/kk/faq/{Entry.objects.get(number=6).slug}/").content.decode()
    answer = html.split('class="answer"')[1].split("</div>")[0]
    assert "<script" not in answer and "alert(1)" not in answer
    assert "onclick" not in answer and "javascript:" not in answer
    assert 'rel="noopener noreferrer"' in answer


def test_unknown_entry_and_topic_are_404(client):
    assert client.get("/kk/faq/no-such-entry/").status_code == 404
    assert client.get("/ru/faq/topic/no-such-topic/").status_code == 404


def test_topic_page_lists_its_entries(client):
    html = client.get("/ru/faq/topic/digital-assessment-2026/").content.decode()
    with translation.override("ru"):
        for entry in Entry.objects.filter(topic__slug="digital-assessment-2026"):
            assert entry.get_absolute_url() in html
    assert "Изменения 2026 года" in text_of(html)


@pytest.mark.parametrize("url", ["/kk/faq/kvota-tolemaqylary/", "/ru/faq/kvota-tolemaqylary/", "/kk/search/?q=АЕК"])
def test_a_page_stating_amounts_reads_the_years_mci_once(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200 and ("теңге" in html or "тенге" in html)
    assert sum("faq_mci" in query["sql"] for query in queries.captured_queries) == 1
