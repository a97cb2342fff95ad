from django import forms

from editing.forms import StableSlugMixin, UnchangedSinceOpenedMixin

from .models import Journey


class JourneyAdminForm(UnchangedSinceOpenedMixin, StableSlugMixin, forms.ModelForm):
    class Meta:
        model = Journey
        fields = "__all__"  # noqa: DJ007 (the admin lays out every field)

    def slug_is_public(self, stored):
        return stored.published
