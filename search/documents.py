"""What is searchable, and keeping SearchDocument current.

Every save and delete of an entry or clinic row (admin, imports, the seed loader, fixtures)
refreshes its documents through the signals below. Bulk paths that skip save(), such as
QuerySet.update(), need `manage.py rebuild_search` afterwards.
"""

import threading
from contextlib import contextmanager

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from clinics.models import Clinic, ExaminationType, Region
from editing.html import html_to_text
from faq.models import Entry
from search import vocabulary
from search.models import SearchDocument, SearchWord
from search.textfold import index_text

ENTRY, CLINIC = SearchDocument.Kind.ENTRY, SearchDocument.Kind.CLINIC


def _value(obj, field, language):
    return getattr(obj, f"{field}_{language}", None) or ""


def _document(kind, object_id, language, title, body) -> SearchDocument:
    doc = SearchDocument(
        id=SearchDocument.make_id(kind, object_id, language),
        kind=kind,
        object_id=object_id,
        language=language,
        title=index_text(title),
        body=index_text(body),
    )
    doc.raw_text = f"{title} {body}"  # for the vocabulary's spellings (the stored text is folded)
    return doc


def entry_documents(entry: Entry) -> list[SearchDocument]:
    if not entry.published:
        return []  # unpublished entries are not searchable (staff preview them from the admin)
    docs = []
    for lang in settings.MODELTRANSLATION_LANGUAGES:
        question = _value(entry, "question", lang)
        if not question:
            continue  # the other language's document serves it
        body = " ".join([html_to_text(_value(entry, "answer", lang)), _value(entry, "source", lang)])
        docs.append(_document(ENTRY, entry.pk, lang, question, body))
    return docs


def clinic_documents(row: Clinic, region: Region, exam: ExaminationType) -> list[SearchDocument]:
    docs = []
    for lang in settings.MODELTRANSLATION_LANGUAGES:
        title = " ".join(
            filter(None, [_value(region, "name", lang), _value(region, "short_name", lang), _value(exam, "name", lang)])
        )
        body = " ".join(filter(None, [_value(row, "address", lang), _value(row, "note", lang)]))
        docs.append(_document(CLINIC, row.pk, lang, title, body))
    return docs


def _replace(kind: str, object_ids: list[int], docs: list[SearchDocument]) -> None:
    removed = _remove(kind, object_ids, apply=False)
    SearchDocument.objects.bulk_create(docs, batch_size=500)
    added, spellings = vocabulary.count_words((d.language, d.raw_text) for d in docs)
    vocabulary.apply(added, removed, spellings)


def _remove(kind: str, object_ids, apply=True):
    """Delete the objects' documents; their words leave the vocabulary (now, or with the caller's apply)."""
    old = SearchDocument.objects.filter(kind=kind, object_id__in=object_ids)
    removed, _spellings = vocabulary.count_words(
        (language, f"{title} {body}") for language, title, body in old.values_list("language", "title", "body")
    )
    old.delete()
    if apply:
        vocabulary.apply({}, removed, {})
    return removed


def index_entries(entries) -> None:
    entries = list(entries)
    _replace(ENTRY, [e.pk for e in entries], [d for e in entries for d in entry_documents(e)])


def index_clinics(rows) -> None:
    rows = list(rows.select_related("region", "examination_type") if hasattr(rows, "select_related") else rows)
    docs = [d for r in rows for d in clinic_documents(r, r.region, r.examination_type)]
    _replace(CLINIC, [r.pk for r in rows], docs)


def rebuild() -> int:
    SearchDocument.objects.all().delete()
    SearchWord.objects.all().delete()
    index_entries(Entry.objects.all())
    index_clinics(Clinic.objects.all())
    return SearchDocument.objects.count()


def rebuild_vocabulary() -> int:
    """Count the vocabulary again from the searchable objects (the documents themselves stay)."""
    SearchWord.objects.all().delete()
    texts = []
    for entry in Entry.objects.all():
        texts += [(d.language, d.raw_text) for d in entry_documents(entry)]
    for row in Clinic.objects.select_related("region", "examination_type"):
        texts += [(d.language, d.raw_text) for d in clinic_documents(row, row.region, row.examination_type)]
    added, spellings = vocabulary.count_words(texts)
    vocabulary.apply(added, {}, spellings)
    return SearchWord.objects.count()


vocabulary.recount = rebuild_vocabulary

_deferred = threading.local()


@contextmanager
def indexing_deferred():
    """Index the entries and clinic rows saved inside the block once, when it ends.

    A spreadsheet import saves thousands of rows in one write transaction; indexing each as it is
    saved kept the database locked about twice as long. Used outside that transaction, the rows are
    indexed in one short write after it commits (and not at all if it fails).
    """
    if getattr(_deferred, "pending", None) is not None:  # already deferred by an outer block
        yield
        return
    _deferred.pending = pending = {ENTRY: set(), CLINIC: set()}
    try:
        yield
    finally:
        _deferred.pending = None
    if pending[ENTRY]:
        index_entries(Entry.objects.filter(pk__in=pending[ENTRY]))
    if pending[CLINIC]:
        index_clinics(Clinic.objects.filter(pk__in=pending[CLINIC]))


def _defer(kind, pk) -> bool:
    pending = getattr(_deferred, "pending", None)
    if pending is None:
        return False
    pending[kind].add(pk)
    return True


@receiver(post_save, sender=Entry)
def entry_saved(sender, instance, raw=False, **kwargs):
    if not _defer(ENTRY, instance.pk):
        index_entries([instance])


@receiver(post_save, sender=Clinic)
def clinic_saved(sender, instance, raw=False, **kwargs):
    if raw and not (
        Region.objects.filter(pk=instance.region_id).exists()
        and ExaminationType.objects.filter(pk=instance.examination_type_id).exists()
    ):
        return  # a fixture loads rows before their region; rebuild_search after loaddata
    if not _defer(CLINIC, instance.pk):
        index_clinics(Clinic.objects.filter(pk=instance.pk))


@receiver(post_save, sender=Region)
@receiver(post_save, sender=ExaminationType)
def names_changed(sender, instance, raw=False, **kwargs):
    # Region and type names are part of every row's document.
    if raw:
        return
    rows = instance.clinics.all()
    if rows.exists():
        index_clinics(rows)


@receiver(post_delete, sender=Entry)
def entry_deleted(sender, instance, **kwargs):
    _remove(ENTRY, [instance.pk])


@receiver(post_delete, sender=Clinic)
def clinic_deleted(sender, instance, **kwargs):
    _remove(CLINIC, [instance.pk])
