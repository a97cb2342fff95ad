"""Writes of readers' answers."""

from django.db import transaction

from .models import Answer, Page
from .privacy import scrub


def answer_record(*, path: str, language: str, useful: bool) -> Answer:
    """Keep one Yes/No answer for the page at `path` (the address without its language prefix)."""
    with transaction.atomic():
        page, _created = Page.objects.get_or_create(path=path)
        return Answer.objects.create(page=page, language=language, useful=useful)


def answer_add_comment(*, answer_id: int, comment: str) -> bool:
    """Attach what the reader was looking for to their "No" answer, personal data taken out.

    Once only: False if the answer is gone, was "Yes", or has a comment already.
    """
    text = scrub(comment).strip()
    updated = Answer.objects.filter(pk=answer_id, useful=False, comment="").update(comment=text)
    return bool(updated)
