"""FAQ writes worth a name; admin actions and views call these (reads are in selectors.py)."""

from django.db.models import QuerySet
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from otandastar.pagecache import bump_content_version
from search.documents import index_entries

from .models import Entry


def entries_set_published(*, entries: QuerySet[Entry], published: bool, user) -> int:
    """Publish or unpublish entries in one query, with a history record each; returns how many changed."""
    changed = list(entries.exclude(published=published))
    now = timezone.now()
    for entry in changed:
        entry.published, entry.updated = published, now
    bulk_update_with_history(changed, Entry, ["published", "updated"], default_user=user)
    # A bulk update sends no signals: refresh the pages and the search index here.
    bump_content_version()
    index_entries(changed)
    return len(changed)


def entries_mark_reviewed(*, entries: QuerySet[Entry], user, day=None) -> int:
    """Set the review date of entries to `day` (today), with a history record each; returns how many changed."""
    day = day or timezone.localdate()
    changed = list(entries.exclude(last_reviewed=day))
    now = timezone.now()
    for entry in changed:
        entry.last_reviewed, entry.updated = day, now
    bulk_update_with_history(changed, Entry, ["last_reviewed", "updated"], default_user=user)
    bump_content_version()  # entry pages show the review date
    return len(changed)
