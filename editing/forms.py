"""Form behaviour shared by the content admins: stable public slugs and no silent overwrites."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _


class StableSlugMixin:
    """Refuse to change the slug of a record that is already public: links to it would break."""

    def slug_is_public(self, stored) -> bool:
        return True

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if self.instance.pk:
            stored = type(self.instance)._default_manager.filter(pk=self.instance.pk).first()
            if stored is not None and stored.slug != slug and self.slug_is_public(stored):
                raise ValidationError(
                    _(
                        "This page is already public at “%(slug)s”; changing the address would break links to it. "
                        "Keep “%(slug)s”."
                    ),
                    code="slug_published",
                    params={"slug": stored.slug},
                )
        return slug


class UnchangedSinceOpenedMixin(forms.Form):
    """Warn instead of overwriting when someone saved the record after this form was opened.

    The form carries the record's `updated` time as it was when opened. If it differs on save,
    the save is refused with a message; saving again (now carrying the newer time) is a
    deliberate overwrite.
    """

    # Hidden, but the admin writes its label into the page: it is said in the editor's language too.
    seen_updated = forms.CharField(label=_("Version opened"), widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self._stored_updated()
        self.fields["seen_updated"].initial = current.isoformat() if current else ""

    def _stored_updated(self):
        if not self.instance.pk:
            return None
        return (
            type(self.instance)._default_manager.filter(pk=self.instance.pk).values_list("updated", flat=True).first()
        )

    def clean(self):
        cleaned = super().clean()
        seen = cleaned.get("seen_updated")
        current = self._stored_updated()
        if seen and current and current.isoformat() != seen:
            # The next save carries the newer time, so the editor can still choose to overwrite.
            self.data = self.data.copy()
            self.data[self.add_prefix("seen_updated")] = current.isoformat()
            raise ValidationError(
                _(
                    "Someone else saved this record at %(time)s, after you opened it. Your changes are not "
                    "saved yet. Open the record in a new tab to see their version and merge; or save again "
                    "to replace their version with yours."
                ),
                code="changed_meanwhile",
                params={"time": formats.date_format(timezone.localtime(current), "DATETIME_FORMAT")},
            )
        return cleaned
