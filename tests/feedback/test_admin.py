"""Editors' report: per page the share of "useful" answers and the comments, newest first; the last 30
days; export; in both languages; Content editors may read it (and nothing more)."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from feedback.models import Answer
from feedback.services import answer_add_comment, answer_record
from tests.conftest import text_of

from .conftest import ENTRY, SAME_ORIGIN, form_fields

pytestmark = pytest.mark.django_db

PAGE = "/faq/onirlik-kvota/"


@pytest.fixture
def answers():
    """On the quota entry: 3 useful, 1 not (with a comment), and one not useful 40 days ago (with a comment)."""
    for _ in range(3):
        answer_record(path=PAGE, language="kk", useful=True)
    recent = answer_record(path=PAGE, language="ru", useful=False)
    answer_add_comment(answer_id=recent.pk, comment="где квота для Костаная?")
    old = answer_record(path=PAGE, language="kk", useful=False)
    answer_add_comment(answer_id=old.pk, comment="ескі пікір")
    Answer.objects.filter(pk=old.pk).update(created=timezone.now() - timedelta(days=40))
    answer_record(path="/clinics/abai/", language="kk", useful=True)


def changelist(client, **params):
    return text_of(client.get(reverse("admin:feedback_page_changelist"), params).content.decode())


def test_the_report_shows_a_vote_sent_from_the_site(content_editor_client, reader, settings):
    settings.FEEDBACK_MIN_SECONDS = 0
    fields = form_fields(reader.get(ENTRY).content.decode(), "feedback")
    html = reader.post("/kk/feedback/", {**fields, "useful": "no"}, **SAME_ORIGIN).content.decode()
    reader.post(
        "/kk/feedback/comment/",
        {**form_fields(html, "feedback-comment"), "comment": "менің ЖСН 850101300123"},
        **SAME_ORIGIN,
    )

    text = changelist(content_editor_client)
    assert PAGE in text and "0 % (1 ішінен 0)" in text
    page = Answer.objects.get().page
    detail = text_of(content_editor_client.get(reverse("admin:feedback_page_change", args=[page.pk])).content.decode())
    assert "менің ЖСН [ИИН/ЖСН]" in detail


def test_share_of_useful_answers_per_page(content_editor_client, answers):
    text = changelist(content_editor_client)
    assert "60 % (5 ішінен 3)" in text  # all time: 3 of 5
    assert "100 % (1 ішінен 1)" in text  # /clinics/abai/


def test_the_last_30_days_filter_counts_only_recent_answers(content_editor_client, answers):
    text = changelist(content_editor_client, period="30d")
    assert "75 % (4 ішінен 3)" in text
    answers_list = text_of(
        content_editor_client.get(reverse("admin:feedback_answer_changelist"), {"period": "30d"}).content.decode()
    )
    assert "где квота для Костаная?" in answers_list and "ескі пікір" not in answers_list


def test_comments_newest_first_on_the_page_report(content_editor_client, answers):
    page = Answer.objects.filter(page__path=PAGE).first().page
    text = text_of(content_editor_client.get(reverse("admin:feedback_page_change", args=[page.pk])).content.decode())
    assert text.index("где квота для Костаная?") < text.index("ескі пікір")


def test_the_report_in_russian(content_editor_client, answers):
    content_editor_client.cookies["django_language"] = "ru"
    response = content_editor_client.get(reverse("admin:feedback_page_changelist"), HTTP_ACCEPT_LANGUAGE="ru")
    text = text_of(response.content.decode())
    assert "60 % (3 из 5)" in text and "полезно" in text.lower()


def test_editors_read_but_cannot_change_answers(content_editor_client, answers):
    answer = Answer.objects.first()
    assert content_editor_client.get(reverse("admin:feedback_answer_change", args=[answer.pk])).status_code == 200
    assert content_editor_client.get(reverse("admin:feedback_answer_add")).status_code == 403
    response = content_editor_client.post(
        reverse("admin:feedback_answer_change", args=[answer.pk]), {"comment": "changed"}
    )
    assert response.status_code == 403
    assert content_editor_client.get(reverse("admin:feedback_answer_delete", args=[answer.pk])).status_code == 403


def test_answers_export_as_csv_with_formulas_neutralised(content_editor_client, answers):
    pick = Answer.objects.filter(useful=False, comment="").first() or answer_record(
        path=PAGE, language="kk", useful=False
    )
    answer_add_comment(answer_id=pick.pk, comment="=HYPERLINK(1)")
    response = content_editor_client.post(
        reverse("admin:feedback_answer_export"),
        {
            "format": "0",
            "resource": "0",
            **{f"answerresource_{name}": "on" for name in ("answered", "page", "language", "useful", "comment")},
        },
    )
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["answered", "page", "language", "useful", "comment"]
    assert len(rows) == 1 + 7
    assert [row[4] for row in rows[1:] if "HYPERLINK" in row[4]] == ["'=HYPERLINK(1)"]


def test_page_report_exports_its_counts(content_editor_client, answers):
    response = content_editor_client.post(
        reverse("admin:feedback_page_export") + "?period=30d",
        {
            "format": "0",
            "resource": "0",
            **{
                f"pagereportresource_{name}": "on"
                for name in ("page", "answers", "useful", "share", "comments", "last_answer")
            },
        },
    )
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))
    by_page = {row[0]: row for row in rows[1:]}
    assert by_page[PAGE][1:5] == ["4", "3", "75", "1"]
