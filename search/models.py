import re

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class SearchDocument(models.Model):
    """Folded, plain text of one searchable object in one language.

    Kept current by search.documents (signals on save and delete, the seed loader,
    `manage.py rebuild_search`). Matched by substring: on PostgreSQL through pg_trgm GIN indexes,
    on SQLite through an FTS5 word index kept in sync by triggers (see migrations).

    The id encodes kind, object and language (object_id * 4 + kind * 2 + language), so the
    ranking query works on index hits alone, without reading the documents' text.
    """

    class Kind(models.TextChoices):
        ENTRY = "entry", _("entry")
        CLINIC = "clinic", _("clinic row")

    KIND_CODES = {Kind.ENTRY: 0, Kind.CLINIC: 1}
    # One bit of the id: the site has two languages (settings.LANGUAGES), Kazakh first.
    LANGUAGE_CODES = {code: bit for bit, code in enumerate(settings.MODELTRANSLATION_LANGUAGES)}

    id = models.BigIntegerField(primary_key=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    language = models.CharField(max_length=5)
    title = models.TextField(blank=True)
    body = models.TextField(blank=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        # The table kept its name when search became an app of its own (it began in `otandastar`).
        db_table = "otandastar_searchdocument"
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id", "language"], name="one_document_per_object_language"),
        ]
        indexes = [models.Index(fields=["kind", "object_id"], name="searchdoc_object")]

    def __str__(self):
        return f"{self.kind}:{self.object_id}:{self.language}"

    @classmethod
    def make_id(cls, kind: str, object_id: int, language: str) -> int:
        return object_id * 4 + cls.KIND_CODES[kind] * 2 + cls.LANGUAGE_CODES[language]


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
        db_table = "otandastar_searchquery"
        verbose_name = _("visitor search")
        verbose_name_plural = _("visitor searches")
        ordering = ["-count"]
        constraints = [models.UniqueConstraint(fields=["query", "language"], name="one_row_per_query_language")]

    def __str__(self):
        return self.query


class SearchWord(models.Model):
    """The index vocabulary: each folded word of the search documents of one language, with how many
    documents hold it. Kept by search.documents with the documents (`rebuild_search` recounts); the
    typo correction (search.suggest) compares unknown words with it, on every database alike."""

    word = models.CharField(max_length=100)
    language = models.CharField(max_length=5)
    spelling = models.CharField(max_length=100)  # as the content writes it (lower case, Kazakh letters kept)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["word", "language"], name="one_row_per_word_language")]

    def __str__(self):
        return self.spelling


WORD_SEPARATORS = re.compile(r"[,\n;]")


class SynonymGroup(models.Model):
    """Words that mean the same to a reader (an everyday word and the official term, Kazakh and Russian
    equivalents). A query word that matches one finds the documents of the others (search.synonyms)."""

    class Language(models.TextChoices):
        KAZAKH = "kk", _("Kazakh")
        RUSSIAN = "ru", _("Russian")
        BOTH = "kk+ru", _("Kazakh and Russian")

    language = models.CharField(_("language"), max_length=5, choices=Language.choices, default=Language.KAZAKH)
    words = models.TextField(
        _("words"),
        help_text=_(
            "One word or term per line (or separated by commas). A term of several words is found by its longest word."
        ),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    # Every save is a version an editor can compare and restore (as for answers and clinic rows).
    history = HistoricalRecords()

    class Meta:
        ordering = ["language", "pk"]
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonym groups")

    def __str__(self):
        return ", ".join(self.word_list()[:4])

    def word_list(self) -> list[str]:
        return [w.strip() for w in WORD_SEPARATORS.split(self.words or "") if w.strip()]
