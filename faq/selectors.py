"""All FAQ reads in one place; views stay thin."""

from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.utils import timezone

from .models import Entry, Mci, Topic

# What lists of entries show: no answers, which are the bulk of each row.
LIST_FIELDS = ("id", "number", "slug", "topic_id", "published", "question_kk", "question_ru")


def topics_with_counts() -> QuerySet[Topic]:
    """Topics that have published entries, each with `entry_count`."""
    return Topic.objects.annotate(entry_count=Count("entries", filter=Q(entries__published=True))).filter(
        entry_count__gt=0
    )


def topics_with_entries() -> list[Topic]:
    """Topics that have published entries, each with `entries_list` in number order."""
    entries = Entry.objects.published().only(*LIST_FIELDS).order_by("number")
    topics = Topic.objects.prefetch_related(Prefetch("entries", queryset=entries, to_attr="entries_list"))
    return [t for t in topics if t.entries_list]


def get_topic(slug: str) -> Topic | None:
    """A public topic: one with published entries (a draft topic's title is not public)."""
    return Topic.objects.filter(slug=slug, entries__published=True).distinct().first()


def topic_entries(topic: Topic) -> QuerySet[Entry]:
    return topic.entries.published().only(*LIST_FIELDS).order_by("number")


def get_entry(slug: str, *, include_unpublished: bool = False) -> Entry | None:
    entries = Entry.objects.select_related("topic")
    if not include_unpublished:
        entries = entries.published()
    return entries.filter(slug=slug).first()


def other_entries_of_topic(entry: Entry) -> QuerySet[Entry]:
    return (
        Entry.objects.published().filter(topic=entry.topic).exclude(pk=entry.pk).only(*LIST_FIELDS).order_by("number")
    )


def current_mci(year: int | None = None):
    """The MCI value in force: this year's, else the latest earlier one, else the earliest entered."""
    year = year or timezone.localdate().year
    return Mci.objects.filter(year__lte=year).order_by("-year").first() or Mci.objects.order_by("year").first()


def next_entry_number() -> int:
    """The number after the highest one in use: proposed for a new entry."""
    return (Entry.objects.aggregate(highest=Max("number"))["highest"] or 0) + 1


def free_entry_slug(base: str) -> str:
    """`base`, or `base-2`, `base-3`… whichever no entry uses yet."""
    taken = set(Entry.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, suffix = base, 2
    while slug in taken:
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug


def quota_entries() -> list[Entry]:
    """The published entries of the topics that link to the quota table (documents, payments, housing…),
    so the quota page leads on to them; the entry that links to the table comes first."""
    linking = Entry.objects.published().filter(feature=Entry.Feature.QUOTA)
    entries = list(
        Entry.objects.published()
        .filter(topic__in=linking.values("topic"))
        .only(*LIST_FIELDS, "feature")
        .order_by("number")
    )
    return sorted(entries, key=lambda e: e.feature != Entry.Feature.QUOTA)
