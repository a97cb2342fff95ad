from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from solo.models import SingletonModel

from clinics.phones import invalid_phone_message, normalize_phone, phone_is_valid


class FoundationContacts(SingletonModel):
    """The foundation's details, one record (django-solo), edited in the admin.

    The seed fills only what the source document states (the name and oq.gov.kz); every other field
    stays empty, and an empty field is not shown on the site.
    """

    name = models.CharField(_("name"), max_length=200, help_text=_("The foundation's name as readers know it."))
    website = models.URLField(_("website"), blank=True)
    phone = models.CharField(
        _("phone"),
        max_length=30,
        blank=True,
        help_text=_("One Kazakhstan number with its area or operator code; it is stored as +7… and shown as 8 (…)."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    hours = models.CharField(
        _("opening hours"), max_length=200, blank=True, help_text=_("E.g. the days and hours the phone is answered.")
    )

    class Meta:
        verbose_name = _("foundation contacts")
        verbose_name_plural = _("foundation contacts")

    def __str__(self):
        return str(self._meta.verbose_name)

    def clean(self):
        super().clean()
        if self.phone and not phone_is_valid(self.phone):
            raise ValidationError({"phone": invalid_phone_message(self.phone)})
        self.phone = normalize_phone(self.phone)

    def save(self, *args, **kwargs):
        self.phone = normalize_phone(self.phone)
        super().save(*args, **kwargs)
