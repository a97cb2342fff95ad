import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from editing.html import normalize_text

from .phones import invalid_phone_message, normalize_phone, phone_is_valid


class Region(models.Model):
    class Kind(models.TextChoices):
        OBLAST = "oblast", _("region (oblast)")
        CITY = "city", _("city of republican significance")

    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, help_text=_("Part of the web address; shared by both languages.")
    )
    name = models.CharField(_("name"), max_length=120)
    short_name = models.CharField(
        _("abbreviation"), max_length=20, blank=True, help_text=_("Common abbreviation, e.g. ШҚО / ВКО.")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.OBLAST)

    class Meta:
        # Public lists sort by each language's alphabet in Python (clinics.selectors).
        ordering = ["slug"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("clinics:region", kwargs={"slug": self.slug})


class ExaminationType(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=300)
    short_name = models.CharField(_("short name"), max_length=80, help_text=_("Used in the filter of a region's page."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("examination type")
        verbose_name_plural = _("examination types")

    def __str__(self):
        return self.short_name or self.name


class Clinic(models.Model):
    """One row of the directory: where a region's residents take one examination."""

    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="clinics")
    examination_type = models.ForeignKey(
        ExaminationType, verbose_name=_("examination type"), on_delete=models.PROTECT, related_name="clinics"
    )
    position = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Rows of a region are listed by this number.")
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    transport = models.CharField(_("public transport"), max_length=300, blank=True)
    phone = models.CharField(
        _("phone"),
        max_length=100,
        blank=True,
        help_text=_("One Kazakhstan number with its area or operator code; it is stored as +7… and shown as 8 (…)."),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["region", "position", "pk"]
        verbose_name = _("clinic row")
        verbose_name_plural = _("clinic directory")

    def __str__(self):
        return f"{self.region} · {self.examination_type}"

    def save(self, *args, **kwargs):
        # Every path (admin, import, seed) stores E.164; a number that is not valid stays as typed, for
        # the "Data to check" page (the admin and the import refuse it in clean()).
        self.phone = normalize_phone(self.phone)
        # Texts as the import stores them too (empty is "", not None; no stray spaces), so an export
        # imported again compares equal and writes nothing.
        for name in self.TEXT_FIELDS:
            for language in settings.MODELTRANSLATION_LANGUAGES:
                attname = f"{name}_{language}"
                setattr(self, attname, normalize_text(getattr(self, attname)))
        super().save(*args, **kwargs)

    TEXT_FIELDS = ("address", "transport", "note")  # translated (clinics/translation.py)

    def get_absolute_url(self):
        return self.region.get_absolute_url()

    _loaded_phone = ""  # the phone as read from the database (from_db)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_phone = instance.__dict__.get("phone", "")
        return instance

    def clean(self):
        super().clean()
        # A number already stored (e.g. the source's one with a digit missing) does not block other fixes
        # to its row; the "Data to check" page lists it. A new or changed number must be valid.
        if self.phone and self.phone != self._loaded_phone and not phone_is_valid(self.phone):
            raise ValidationError({"phone": invalid_phone_message(self.phone)})
        self.phone = normalize_phone(self.phone)


class ClinicToCheck(Clinic):
    """The admin's "Data to check" list (clinics/quality.py): the same rows, read-only, for its own permission."""

    class Meta:
        proxy = True
        verbose_name = _("data to check")
        verbose_name_plural = _("data to check")


class QuotaYear(models.Model):
    """The regional quota order of one year; its counts per region are Quota rows."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True, validators=[MinValueValidator(2000)])
    legal_order = models.TextField(_("legal order"), help_text=_("The order that sets this year's quota."))
    eligibility = models.TextField(
        _("who qualifies"), blank=True, help_text=_("The rule on which registered addresses qualify.")
    )
    published = models.BooleanField(
        _("published"), default=False, help_text=_("Only published years are public; staff can preview a draft.")
    )
    shown_from = models.DateField(
        _("shown from"),
        null=True,
        blank=True,
        help_text=_("The public pages show this year from this date on; empty means 1 January of the year."),
    )
    final = models.BooleanField(
        _("final even if incomplete"),
        default=False,
        help_text=_(
            "A year is shown once every region has a count (0 for a region the order leaves out), "
            "or when this is ticked: the order lists only the regions entered."
        ),
    )

    class Meta:
        ordering = ["-year"]
        verbose_name = _("quota year")
        verbose_name_plural = _("regional quotas")

    def __str__(self):
        return str(self.year)

    def save(self, *args, **kwargs):
        if self.shown_from is None and self.year:
            self.shown_from = datetime.date(self.year, 1, 1)
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "shown_from"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("clinics:quota_year", kwargs={"year": self.year})


class Quota(models.Model):
    quota_year = models.ForeignKey(QuotaYear, verbose_name=_("year"), on_delete=models.CASCADE, related_name="quotas")
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="quotas")
    count = models.PositiveIntegerField(_("number of people"))

    class Meta:
        ordering = ["quota_year", "pk"]
        verbose_name = _("regional quota")
        verbose_name_plural = _("quota counts by region")
        constraints = [
            models.UniqueConstraint(fields=["quota_year", "region"], name="one_quota_per_region_per_year"),
        ]

    def __str__(self):
        return f"{self.quota_year} · {self.region}: {self.count}"
