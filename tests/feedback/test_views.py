"""Readers answer "Was this page useful?" from cached pages, without a CSRF token; bots, other sites and
floods are refused with a clear page, never a 500."""

import re

import pytest
from django.core.cache import cache

from feedback import guard
from feedback.models import Answer, Page
from tests.conftest import tags, text_of

from .conftest import ENTRY, SAME_ORIGIN, form_fields

pytestmark = pytest.mark.django_db


def vote(reader, fields, useful="no", **extra):
    headers = {**SAME_ORIGIN, **extra.pop("headers", {})}
    return reader.post("/kk/feedback/", {**fields, "useful": useful, "website": "", **extra}, **headers)


def comment(reader, html, text, **extra):
    fields = form_fields(html, "feedback-comment")
    headers = {**SAME_ORIGIN, **extra.pop("headers", {})}
    return reader.post("/kk/feedback/comment/", {**fields, "comment": text, "website": "", **extra}, **headers)


@pytest.fixture
def shown_long_ago(monkeypatch, settings):
    """The comment form was shown long enough ago for a person to have typed."""
    settings.FEEDBACK_MIN_SECONDS = 0


def test_a_vote_from_a_cached_page_is_stored_without_a_csrf_token(reader, monkeypatch):
    reader.get(ENTRY)  # renders and stores the page
    # From now on the form cannot be rendered: the page below can only come from the page cache.
    monkeypatch.setattr("feedback.templatetags.feedback_tags.sign_page", lambda path: 1 / 0)
    cached = reader.get(ENTRY)
    assert cached.status_code == 200 and not cached.cookies  # no CSRF cookie, nothing per visitor
    html = cached.content.decode()
    assert "csrfmiddlewaretoken" not in html
    fields = form_fields(html, "feedback")
    assert fields["page"] == ENTRY

    response = vote(reader, fields, useful="yes")

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    answer = Answer.objects.get()
    assert (answer.page.path, answer.language, answer.useful, answer.comment) == ("/faq/onirlik-kvota/", "kk", True, "")
    assert "Рақмет" in text_of(response.content.decode())


def test_every_content_page_has_the_form_and_it_names_the_page(client):
    for path in [
        "/kk/faq/",
        "/ru/faq/topic/quota-support/",
        "/kk/clinics/",
        "/ru/clinics/abai/",
        "/kk/quota/",
        "/ru/journeys/moving-as-kandas/",
    ]:
        html = client.get(path).content.decode()
        fields = form_fields(html, "feedback")
        assert fields["page"] == path and guard.page_signature_ok(path, fields["sig"])
        assert tags(html, "form")[-1][1]["action"].endswith("/feedback/")


def test_no_then_a_comment_with_personal_data_stored_scrubbed(reader, vote_fields, shown_long_ago):
    response = vote(reader, vote_fields, useful="no")
    html = response.content.decode()
    assert response.status_code == 200
    assert [a["name"] for t, a in tags(html, "textarea")] == ["comment"]
    assert tags(html, "textarea")[0][1]["maxlength"] == "500"

    response = comment(reader, html, "Квота туралы. Жазыңыз: aigerim@mail.kz, +7 701 123 45 67, ЖСН 850101300123")

    assert response.status_code == 200
    answer = Answer.objects.get()
    assert answer.useful is False
    assert answer.comment == "Квота туралы. Жазыңыз: [e-mail], [телефон], ЖСН [ИИН/ЖСН]"
    back = [a["href"] for t, a in tags(response.content.decode(), "a") if a.get("href") == ENTRY]
    assert back  # the answer page leads back to the page


def test_a_comment_is_kept_once(reader, vote_fields, shown_long_ago):
    html = vote(reader, vote_fields).content.decode()
    comment(reader, html, "бірінші")
    again = comment(reader, html, "екінші")
    assert again.status_code == 200
    assert Answer.objects.get().comment == "бірінші"


def test_an_empty_comment_saves_nothing_more(reader, vote_fields):
    html = vote(reader, vote_fields).content.decode()
    assert comment(reader, html, "   ").status_code == 200
    assert Answer.objects.get().comment == ""


def test_a_comment_over_500_characters_is_refused_and_shown_again(reader, vote_fields, shown_long_ago):
    html = vote(reader, vote_fields).content.decode()
    response = comment(reader, html, "а" * 501)
    assert response.status_code == 400
    assert "а" * 501 in response.content.decode()  # the reader's text is not lost
    assert Answer.objects.get().comment == ""


def test_a_comment_sent_too_fast_is_refused_and_kept_in_the_form(reader, vote_fields, settings):
    settings.FEEDBACK_MIN_SECONDS = 3600  # any post counts as too fast
    html = vote(reader, vote_fields).content.decode()
    response = comment(reader, html, "Қостанай емханалары")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Қостанай емханалары" in page and 'role="alert"' in page
    assert Answer.objects.get().comment == ""
    # Sent again once enough time has passed (the same token, its time kept running): saved.
    settings.FEEDBACK_MIN_SECONDS = 0
    assert comment(reader, page, "Қостанай емханалары").status_code == 200
    assert Answer.objects.get().comment == "Қостанай емханалары"


@pytest.mark.parametrize("step", ["vote", "comment"])
def test_a_filled_honeypot_is_refused(reader, vote_fields, shown_long_ago, step):
    if step == "vote":
        response = vote(reader, vote_fields, website="http://spam.example")
        assert response.status_code == 400 and not Answer.objects.exists()
    else:
        html = vote(reader, vote_fields).content.decode()
        response = comment(reader, html, "buy now", website="http://spam.example")
        assert response.status_code == 400 and Answer.objects.get().comment == ""
    assert len(tags(response.content.decode(), "h1")) == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_SEC_FETCH_SITE": None, "HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_SEC_FETCH_SITE": None, "HTTP_ORIGIN": "null"},
        {"HTTP_SEC_FETCH_SITE": None, "HTTP_REFERER": "https://evil.example/kk/faq/"},
        {"HTTP_SEC_FETCH_SITE": None},  # no header saying where it came from
    ],
)
def test_posts_from_other_sites_are_refused(reader, vote_fields, headers):
    sent = {key: value for key, value in headers.items() if value is not None}
    response = reader.post("/kk/feedback/", {**vote_fields, "useful": "yes"}, **sent)
    assert response.status_code == 403
    assert not Answer.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [{"HTTP_ORIGIN": "http://testserver"}, {"HTTP_REFERER": "http://testserver/kk/faq/onirlik-kvota/"}],
)
def test_browsers_without_sec_fetch_site_are_recognised_by_origin_or_referer(reader, vote_fields, headers):
    assert reader.post("/kk/feedback/", {**vote_fields, "useful": "yes"}, **headers).status_code == 200
    assert Answer.objects.count() == 1


@pytest.mark.parametrize(
    "change",
    [
        {"page": "/kk/faq/made-up-page/"},  # signature of another page
        {"sig": "forged"},
        {"page": "/admin/"},
        {"useful": "maybe"},
    ],
)
def test_pages_the_site_did_not_sign_and_bad_answers_are_refused(reader, vote_fields, change):
    response = vote(reader, {**vote_fields, **change}, **({"useful": change["useful"]} if "useful" in change else {}))
    assert response.status_code == 400
    assert not Page.objects.exists()


def test_a_forged_or_old_comment_token_is_refused(reader, vote_fields, settings):
    html = vote(reader, vote_fields).content.decode()
    fields = form_fields(html, "feedback-comment")
    forged = reader.post("/kk/feedback/comment/", {"token": fields["token"] + "x", "comment": "hello"}, **SAME_ORIGIN)
    assert forged.status_code == 400
    settings.FEEDBACK_COMMENT_MAX_AGE = -1
    assert comment(reader, html, "кеш").status_code == 400
    assert Answer.objects.get().comment == ""


def test_posts_are_rate_limited_per_client_address(reader, vote_fields, settings):
    settings.FEEDBACK_RATE_LIMIT = 3
    statuses = [vote(reader, vote_fields, useful="yes").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 429, 429]
    assert Answer.objects.count() == 3
    limited = vote(reader, vote_fields, useful="yes")
    assert int(limited["Retry-After"]) == settings.FEEDBACK_RATE_WINDOW
    # Another reader (another address) is not affected.
    other = vote(reader, vote_fields, useful="yes", headers={"REMOTE_ADDR": "10.1.2.3"})
    assert other.status_code == 200


def test_the_rate_limit_keeps_no_address_in_the_cache(reader, vote_fields, monkeypatch):
    """The counter's key holds a keyed hash of the address, never the address (on any cache backend)."""
    keys = []
    original_add = cache.add
    monkeypatch.setattr(cache, "add", lambda key, *args, **kw: keys.append(key) or original_add(key, *args, **kw))
    vote(reader, vote_fields, useful="yes")
    assert [key for key in keys if key.startswith("feedback:rate:")], keys
    for key in keys:
        assert "127.0.0.1" not in key
        if key.startswith("feedback:rate:"):
            assert cache.get(key) == 1  # the counter is really kept in the configured cache


def test_the_answer_is_stored_without_the_readers_address(reader, vote_fields):
    vote(reader, vote_fields, useful="yes", headers={"REMOTE_ADDR": "203.0.113.9"})
    row = Answer.objects.values().get()
    assert "203.0.113.9" not in repr(row)
    assert {field.name for field in Answer._meta.get_fields()} == {
        "id",
        "page",
        "language",
        "useful",
        "comment",
        "created",
    }


@pytest.mark.parametrize("path", ["/kk/feedback/", "/ru/feedback/comment/"])
def test_a_get_gets_a_page_that_explains(client, path):
    response = client.get(path)
    assert response.status_code == 405 and response["Allow"] == "POST"
    assert len(tags(response.content.decode(), "h1")) == 1


def test_the_answer_page_is_in_the_readers_language(reader):
    fields = form_fields(reader.get("/ru/faq/onirlik-kvota/").content.decode(), "feedback")
    response = reader.post("/ru/feedback/", {**fields, "useful": "no"}, **SAME_ORIGIN)
    html = response.content.decode()
    assert tags(html, "html")[0][1]["lang"] == "ru"
    assert "Что вы искали?" in html
    assert re.search(r'<meta name="robots" content="noindex">', html)
    assert Answer.objects.get().language == "ru"


@pytest.mark.parametrize("language", ["kk-arab", "kk-latn"])
def test_a_vote_from_a_page_in_another_script_is_stored_with_its_language(reader, language):
    """The script's code (7 letters) fits the answer's language column on every database."""
    path = ENTRY.replace("/kk/", f"/{language}/")
    fields = form_fields(reader.get(path).content.decode(), "feedback")
    assert fields["page"] == path
    response = reader.post(f"/{language}/feedback/", {**fields, "useful": "yes", "website": ""}, **{**SAME_ORIGIN})
    assert response.status_code == 200
    answer = Answer.objects.get()
    assert (answer.page.path, answer.language, answer.useful) == ("/faq/onirlik-kvota/", language, True)
