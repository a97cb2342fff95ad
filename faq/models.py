from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from editing.html import clean_html

from .shortcodes import shortcode_errors


class Topic(models.Model):
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, help_text=_("Part of the web address; shared by both languages.")
    )
    title = models.CharField(_("title"), max_length=200)
    order = models.PositiveSmallIntegerField(_("order"), default=0, help_text=_("Topics are listed by this number."))

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("faq:topic", kwargs={"slug": self.slug})


# Characters of HTML per answer: five times the longest answer of the reference (entry 11, ~5 900).
ANSWER_MAX_LENGTH = 30_000


class EntryQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


class Entry(models.Model):
    class Feature(models.TextChoices):
        NONE = "", _("none")
        QUOTA = "quota", _("regional quota table")
        CLINICS = "clinics", _("clinic directory")

    number = models.PositiveSmallIntegerField(
        _("number"), unique=True, help_text=_("The entry's number in the reference; it orders the entries.")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("Part of the permanent link; shared by both languages. Do not change it once published."),
    )
    topic = models.ForeignKey(Topic, verbose_name=_("topic"), on_delete=models.PROTECT, related_name="entries")
    question = models.CharField(_("question"), max_length=300)
    answer = models.TextField(_("answer"), help_text=_("HTML: paragraphs, lists, emphasis, links."))
    summary = models.TextField(
        _("in short"),
        blank=True,
        help_text=_("2–4 lines shown above the answer: what, where, how much, by when. Plain text."),
    )
    checklist = models.BooleanField(
        _("print as a checklist"),
        default=False,
        help_text=_("The answer lists documents: its lists print with a tick box per item."),
    )
    source = models.TextField(_("source"), blank=True, help_text=_("Legal source citation («Дереккөз»), one per line."))
    feature = models.CharField(
        _("linked page"),
        max_length=20,
        choices=Feature.choices,
        blank=True,
        default="",
        help_text=_("Shows a link to the quota table or the clinic directory under the answer."),
    )
    # A new entry starts as a draft: staff preview it on the site ("View on site") before publishing.
    published = models.BooleanField(
        _("published"), default=False, help_text=_("Only published entries are public; staff can preview a draft.")
    )
    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("The date an editor last checked this answer against the law."),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["number"]
        # Counting a topic's published entries reads this index, not the long answers.
        indexes = [models.Index(fields=["topic", "published"], name="entry_topic_published")]
        verbose_name = _("entry")
        verbose_name_plural = _("entries")

    def __str__(self):
        return f"{self.number}. {self.question}"

    def save(self, *args, **kwargs):
        # Stored answers are clean whatever wrote them (admin, import, seed); pages clean again on render.
        for language in settings.MODELTRANSLATION_LANGUAGES:
            name = f"answer_{language}"
            if getattr(self, name):
                setattr(self, name, clean_html(getattr(self, name)))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("faq:entry", kwargs={"slug": self.slug})

    def clean(self):
        # Checked here, so every form that saves an entry reports them. The length cap keeps every page
        # that shows an answer fast to render (`python -m bench render` measures the worst case).
        errors = {}
        for language in settings.MODELTRANSLATION_LANGUAGES:
            answer = getattr(self, f"answer_{language}", "") or ""
            messages = shortcode_errors(answer)
            if len(answer) > ANSWER_MAX_LENGTH:
                messages.append(
                    _(
                        "The answer is %(length)s characters long; at most %(max)s fit on one page. "
                        "Split it into entries."
                    )
                    % {"length": len(answer), "max": ANSWER_MAX_LENGTH}
                )
            if messages:
                errors[f"answer_{language}"] = messages
            summary_messages = shortcode_errors(getattr(self, f"summary_{language}", "") or "")
            if summary_messages:
                errors[f"summary_{language}"] = summary_messages
        if errors:
            raise ValidationError(errors)


class Mci(models.Model):
    """The monthly calculation index (АЕК / МРП) of one year; answers state sums in it."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True, validators=[MinValueValidator(2000)])
    value = models.PositiveIntegerField(
        _("value in tenge"),
        validators=[MinValueValidator(1)],
        help_text=_("One MCI in tenge for this year, as set by the budget law."),
    )

    class Meta:
        ordering = ["-year"]
        verbose_name = _("monthly calculation index")
        verbose_name_plural = _("monthly calculation index by year")

    def __str__(self):
        return f"{self.year}: {self.value}"
