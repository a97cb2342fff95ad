from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from faq.models import Entry


class Journey(models.Model):
    """A multi-stage process read as ordered steps (GOV.UK's "step by step" pattern)."""

    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("Part of the permanent link; shared by both languages. Do not change it once published."),
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences under the title."))
    published = models.BooleanField(_("published"), default=True)
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("The home page leads with the first published journey.")
    )
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("journey")
        verbose_name_plural = _("journeys")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("journeys:journey", kwargs={"slug": self.slug})


class Step(models.Model):
    class Relation(models.TextChoices):
        # "and"/"or" steps share the number of the step before them, as in GOV.UK's pattern.
        NEXT = "", _("a new numbered step")
        AND = "and", _("and: done alongside the step before")
        OR = "or", _("or: instead of the step before")

    journey = models.ForeignKey(Journey, verbose_name=_("journey"), on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    relation = models.CharField(_("grouping"), max_length=3, choices=Relation.choices, blank=True, default="")
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True, help_text=_("What to do at this step, in a few lines."))
    cost = models.CharField(
        _("cost"),
        max_length=300,
        blank=True,
        help_text=_("Only what the law or the reference states; sums in MCI as [[70 АЕК]] / [[70 МРП]]."),
    )
    duration = models.CharField(_("time"), max_length=300, blank=True, help_text=_("How long it takes, if stated."))
    entries = models.ManyToManyField(
        Entry,
        verbose_name=_("entries"),
        blank=True,
        related_name="journey_steps",
        help_text=_("The answers that explain this step; listed by their number."),
    )

    class Meta:
        ordering = ["journey", "order", "pk"]
        verbose_name = _("step")
        verbose_name_plural = _("steps")

    def __str__(self):
        return self.title
