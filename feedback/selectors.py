"""Reads for the editors' report: answers per page, with the share of "useful"."""

from datetime import timedelta

from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone

from .models import Answer, Page

RECENT_DAYS = 30


def recent_since():
    return timezone.now() - timedelta(days=RECENT_DAYS)


def page_report(*, since=None) -> QuerySet[Page]:
    """Pages with `answer_count`, `useful_count`, `comment_count`, `last_answer` (answers since `since`,
    or all), only pages with at least one such answer."""
    window = Q(answers__created__gte=since) if since is not None else Q()
    return (
        Page.objects.annotate(
            answer_count=Count("answers", filter=window),
            useful_count=Count("answers", filter=window & Q(answers__useful=True)),
            comment_count=Count("answers", filter=window & ~Q(answers__comment="")),
            last_answer=Max("answers__created", filter=window),
        )
        .filter(answer_count__gt=0)
        .order_by("-last_answer")
    )


def useful_share(useful: int, total: int) -> int | None:
    """Percentage of "Yes" answers, rounded; None without answers."""
    return round(useful * 100 / total) if total else None


def comments_of(page: Page) -> QuerySet[Answer]:
    """The page's answers with a comment, newest first."""
    return page.answers.exclude(comment="").order_by("-created", "-pk")
