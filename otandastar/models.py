from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class SeedRecord(models.Model):
    """Remembers which seed record became which row.

    The seed loader uses it to fill only empty fields of rows it created before and to
    leave alone rows an editor deleted, so re-loading never undoes an editor's work.
    """

    key = models.CharField(_("seed key"), max_length=200, unique=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    loaded_at = models.DateTimeField(_("loaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("seed record")
        verbose_name_plural = _("seed records")

    def __str__(self):
        return self.key


class SearchDocument(models.Model):
    """Folded, plain text of one searchable object in one language.

    Kept current by otandastar.search.documents (signals on save and delete, the seed loader,
    `manage.py rebuild_search`). Matched by substring: on PostgreSQL through pg_trgm GIN indexes,
    on SQLite through an FTS5 word index kept in sync by triggers (see migrations).

    The id encodes kind, object and language (object_id * 4 + kind * 2 + language), so the
    ranking query works on index hits alone, without reading the documents' text.
    """

    class Kind(models.TextChoices):
        ENTRY = "entry", _("entry")
        CLINIC = "clinic", _("clinic row")

    KIND_CODES = {"entry": 0, "clinic": 1}
    LANGUAGE_CODES = {"kk": 0, "ru": 1}

    @classmethod
    def make_id(cls, kind: str, object_id: int, language: str) -> int:
        return object_id * 4 + cls.KIND_CODES[kind] * 2 + cls.LANGUAGE_CODES[language]

    id = models.BigIntegerField(primary_key=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    language = models.CharField(max_length=5)
    title = models.TextField(blank=True)
    body = models.TextField(blank=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id", "language"], name="one_document_per_object_language"),
        ]
        indexes = [models.Index(fields=["kind", "object_id"], name="searchdoc_object")]

    def __str__(self):
        return f"{self.kind}:{self.object_id}:{self.language}"


class SearchQuery(models.Model):
    """What visitors searched: counts per normalized query, no personal data."""

    query = models.CharField(_("query"), max_length=200)
    language = models.CharField(_("language"), max_length=5)
    count = models.PositiveIntegerField(_("searches"), default=0)
    zero_results = models.PositiveIntegerField(_("searches without results"), default=0)
    last_results = models.PositiveIntegerField(_("results last time"), default=0)
    first_seen = models.DateTimeField(_("first searched"), auto_now_add=True)
    last_seen = models.DateTimeField(_("last searched"), auto_now=True)

    class Meta:
        verbose_name = _("visitor search")
        verbose_name_plural = _("visitor searches")
        ordering = ["-count"]
        constraints = [models.UniqueConstraint(fields=["query", "language"], name="one_row_per_query_language")]

    def __str__(self):
        return self.query
