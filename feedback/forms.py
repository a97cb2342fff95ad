from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

COMMENT_MAX_CHARS = 500


class HoneypotMixin(forms.Form):
    # Hidden by CSS; its label asks people to leave it empty, should the stylesheet not load.
    website = forms.CharField(required=False, max_length=200)

    def filled_honeypot(self) -> bool:
        return bool(self.data.get("website", "").strip())


class VoteForm(HoneypotMixin):
    page = forms.CharField(max_length=300)
    sig = forms.CharField(max_length=100)
    useful = forms.ChoiceField(choices=[("yes", _("Yes")), ("no", _("No"))])

    def clean_page(self):
        path = self.cleaned_data["page"]
        if not any(path.startswith(f"/{code}/") for code, _name in settings.LANGUAGES):
            raise forms.ValidationError("not a page of this site")
        return path


class CommentForm(HoneypotMixin):
    token = forms.CharField(max_length=200)
    comment = forms.CharField(
        label=_("What were you looking for?"),
        required=False,
        max_length=COMMENT_MAX_CHARS,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": COMMENT_MAX_CHARS}),
        error_messages={
            "max_length": _("Please shorten the text to %(limit_value)d characters (it has %(show_value)d).")
        },
    )
