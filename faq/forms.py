from django import forms
from django.utils.translation import gettext_lazy as _

from editing.forms import StableSlugMixin, UnchangedSinceOpenedMixin
from editing.widgets import RichTextWidget

from .models import Entry, Topic

AMOUNT_HELP = _(
    "Write sums in MCI as [[70 АЕК]] (Kazakh) or [[70 МРП]] (Russian); the page adds the tenge "
    "figure for the current year. [[АЕК]] or [[МРП]] alone states the year's value."
)


class EntryAdminForm(UnchangedSinceOpenedMixin, StableSlugMixin, forms.ModelForm):
    class Meta:
        model = Entry
        fields = "__all__"  # noqa: DJ007 (the admin lays out every field in fieldsets)
        widgets = {"answer_kk": RichTextWidget, "answer_ru": RichTextWidget}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("answer_kk", "answer_ru"):
            if name in self.fields:
                self.fields[name].help_text = AMOUNT_HELP

    def slug_is_public(self, stored):
        return stored.published


class TopicAdminForm(StableSlugMixin, forms.ModelForm):
    class Meta:
        model = Topic
        fields = "__all__"  # noqa: DJ007 (the admin lays out every field)

    def slug_is_public(self, stored):
        return stored.entries.filter(published=True).exists()
