from django import forms
from django.conf import settings


class RichTextWidget(forms.Textarea):
    """django-prose-editor for answer HTML, from this site's static files only.

    The package's widget adds an inline <script type="importmap">, which the admin's
    Content-Security-Policy (script-src 'self') blocks; our module imports the editor by path.
    """

    def __init__(self, attrs=None):
        super().__init__({"data-otandastar-prose-editor": "1", **(attrs or {})})

    class Media:
        css = {
            "all": [
                "django_prose_editor/material-icons.css",
                "django_prose_editor/editor.css",
                "django_prose_editor/overrides.css",
            ]
        }
        js = [
            # The admin's JavaScript catalog defines window.gettext, which the editor's dialogs use.
            f"/{settings.ADMIN_PATH}jsi18n/",
            forms.Script("editing/admin/prose-editor.js", type="module"),
        ]

    def use_required_attribute(self, initial):
        # The editor hides the textarea; a browser "required" check on it could never be satisfied.
        return False
