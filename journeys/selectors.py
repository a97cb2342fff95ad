"""All journey reads; views and the entry page's "part of" box stay thin."""

from dataclasses import dataclass

from django.db.models import Prefetch

from faq.models import Entry
from faq.selectors import LIST_FIELDS

from .models import Journey, Step


def _steps(journey: Journey) -> list[Step]:
    """The journey's steps in order, each with `number` (and/or steps share the one before theirs),
    `entries_list` (published entries by number) and `first_entry`."""
    entries = Entry.objects.published().only(*LIST_FIELDS).order_by("number")
    steps = list(
        journey.steps.order_by("order", "pk").prefetch_related(
            Prefetch("entries", queryset=entries, to_attr="entries_list")
        )
    )
    number = 0
    for step in steps:
        if step.relation == Step.Relation.NEXT or number == 0:
            number += 1
            step.grouped = False
        else:
            step.grouped = True
        step.number = number
        step.first_entry = step.entries_list[0] if step.entries_list else None
    journey.step_count = number
    return steps


def published_journeys():
    return Journey.objects.filter(published=True).order_by("order", "pk")


def lead_journey() -> Journey | None:
    """The journey the home page leads with, with `steps_list`."""
    journey = published_journeys().first()
    if journey is not None:
        journey.steps_list = _steps(journey)
    return journey


def get_journey(slug: str, *, include_unpublished: bool = False) -> Journey | None:
    journeys = Journey.objects.all() if include_unpublished else published_journeys()
    journey = journeys.filter(slug=slug).first()
    if journey is not None:
        journey.steps_list = _steps(journey)
    return journey


@dataclass(frozen=True)
class Position:
    """Where an entry sits in a journey: its step, and the steps before and after it."""

    journey: Journey
    step: Step
    previous: Step | None
    next: Step | None


def entry_position(entry: Entry) -> Position | None:
    """The first published journey step that cites the entry (in journey, then step order), or None."""
    step = (
        Step.objects.filter(entries=entry, journey__published=True)
        .select_related("journey")
        .order_by("journey__order", "journey__pk", "order", "pk")
        .first()
    )
    if step is None:
        return None
    steps = _steps(step.journey)
    index = next(i for i, s in enumerate(steps) if s.pk == step.pk)
    current = steps[index]
    # Previous and next lead to another stage (a different number), skipping its and/or partners.
    previous = next((s for s in reversed(steps[:index]) if s.number < current.number), None)
    if previous is not None:
        previous = next(s for s in steps if s.number == previous.number)
    following = next((s for s in steps[index + 1 :] if s.number > current.number), None)
    return Position(journey=step.journey, step=current, previous=previous, next=following)
