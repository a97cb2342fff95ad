from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from editing.forms import StableSlugMixin, UnchangedSinceOpenedMixin
from editing.slugs import kazakh_slug
from editing.widgets import RichTextWidget

from . import selectors
from .models import Entry, Topic

AMOUNT_HELP = _(
    "Write sums in MCI as [[70 АЕК]] (Kazakh) or [[70 МРП]] (Russian); the page adds the tenge "
    "figure for the current year. [[АЕК]] or [[МРП]] alone states the year's value."
)


class EntryAdminForm(UnchangedSinceOpenedMixin, StableSlugMixin, forms.ModelForm):
    mark_reviewed = forms.BooleanField(
        label=_("Mark reviewed today"),
        required=False,
        help_text=_("On save, the review date becomes today's date."),
    )

    class Meta:
        model = Entry
        fields = "__all__"  # noqa: DJ007 (the admin lays out every field in fieldsets)
        widgets = {"answer_kk": RichTextWidget, "answer_ru": RichTextWidget}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("answer_kk", "answer_ru"):
            if name in self.fields:
                self.fields[name].help_text = AMOUNT_HELP
        if "slug" in self.fields and not self.instance.pk:
            # A new entry's address can come from its Kazakh question (transliterated) when left empty.
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _("Leave it empty to make it from the Kazakh question in Latin letters.")

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk and not cleaned.get("slug") and "slug" not in self.errors:
            base = kazakh_slug(cleaned.get("question_kk") or "")
            if base:
                cleaned["slug"] = selectors.free_entry_slug(base)
            else:
                self.add_error("slug", _("Write the address in Latin letters, or a Kazakh question to make it from."))
        if cleaned.get("mark_reviewed"):
            cleaned["last_reviewed"] = timezone.localdate()
        return cleaned

    def slug_is_public(self, stored):
        return stored.published


class TopicAdminForm(StableSlugMixin, forms.ModelForm):
    class Meta:
        model = Topic
        fields = "__all__"  # noqa: DJ007 (the admin lays out every field)

    def slug_is_public(self, stored):
        return stored.entries.filter(published=True).exists()
