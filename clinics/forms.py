from django import forms
from django.utils.translation import gettext_lazy as _

from . import selectors
from .models import Clinic


class RegionFilterForm(forms.Form):
    """The examination-type filter of a region page (GET ?type=slug)."""

    type = forms.ModelChoiceField(
        label=_("Examination"),
        queryset=None,
        required=False,
        to_field_name="slug",
        empty_label=_("All examinations"),
    )

    def __init__(self, *args, types, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].queryset = types


class ClinicAdminForm(forms.ModelForm):
    """A new clinic row goes to the end of its region unless the editor gives a position."""

    class Meta:
        model = Clinic
        fields = "__all__"  # noqa: DJ007 (the admin lays out every field)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "position" in self.fields and not self.instance.pk:
            self.fields["position"].required = False
            self.fields["position"].initial = None
            self.fields["position"].help_text = _("Empty: after the last row of the region.")

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk and cleaned.get("position") is None and cleaned.get("region"):
            cleaned["position"] = selectors.next_clinic_position(cleaned["region"])
        return cleaned
