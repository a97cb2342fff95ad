from django import forms
from django.utils.translation import gettext_lazy as _


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
