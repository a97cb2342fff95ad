"""All FAQ reads in one place; views stay thin."""

from django.db.models import Prefetch, QuerySet

from .models import Entry, Topic


def published_entries() -> QuerySet[Entry]:
    return Entry.objects.published().select_related("topic")


def topics_with_entries() -> list[Topic]:
    """Topics that have published entries, each with `entries_list` in number order."""
    topics = Topic.objects.prefetch_related(
        Prefetch("entries", queryset=Entry.objects.published().order_by("number"), to_attr="entries_list")
    )
    return [t for t in topics if t.entries_list]


def get_topic(slug: str) -> Topic | None:
    return Topic.objects.filter(slug=slug).first()


def topic_entries(topic: Topic) -> QuerySet[Entry]:
    return topic.entries.published().order_by("number")


def get_entry(slug: str, *, include_unpublished: bool = False) -> Entry | None:
    entries = Entry.objects.select_related("topic")
    if not include_unpublished:
        entries = entries.published()
    return entries.filter(slug=slug).first()


def other_entries_of_topic(entry: Entry) -> QuerySet[Entry]:
    return Entry.objects.published().filter(topic=entry.topic).exclude(pk=entry.pk).order_by("number")
