import json

from django import forms
from django.conf import settings
from django.utils.translation import pgettext_lazy

# The editor's own interface text (django-prose-editor 0.28): most of it is fixed English in its script,
# not passed through gettext, so our module (static/editing/admin/prose-editor.js) replaces each of these
# texts in the toolbar, its menus and dialogs. The keys are the editor's exact English.
EDITOR_TEXTS = {
    "paragraph": pgettext_lazy("rich-text editor", "paragraph"),
    "Paragraph": pgettext_lazy("rich-text editor", "Paragraph"),
    "Heading 2": pgettext_lazy("rich-text editor", "Heading 2"),
    "Heading 3": pgettext_lazy("rich-text editor", "Heading 3"),
    "Heading 4": pgettext_lazy("rich-text editor", "Heading 4"),
    "heading 2": pgettext_lazy("rich-text editor", "Heading 2"),
    "heading 3": pgettext_lazy("rich-text editor", "Heading 3"),
    "heading 4": pgettext_lazy("rich-text editor", "Heading 4"),
    "unordered list": pgettext_lazy("rich-text editor", "unordered list"),
    "ordered list": pgettext_lazy("rich-text editor", "ordered list"),
    "List properties": pgettext_lazy("rich-text editor", "List properties"),
    "blockquote": pgettext_lazy("rich-text editor", "blockquote"),
    "bold": pgettext_lazy("rich-text editor", "bold"),
    "italic": pgettext_lazy("rich-text editor", "italic"),
    "underline": pgettext_lazy("rich-text editor", "underline"),
    "insert link": pgettext_lazy("rich-text editor", "insert link"),
    "remove link": pgettext_lazy("rich-text editor", "remove link"),
    "Insert table": pgettext_lazy("rich-text editor", "Insert table"),
    "Add column": pgettext_lazy("rich-text editor", "Add column"),
    "Delete column": pgettext_lazy("rich-text editor", "Delete column"),
    "Add row": pgettext_lazy("rich-text editor", "Add row"),
    "Delete row": pgettext_lazy("rich-text editor", "Delete row"),
    "Merge cells": pgettext_lazy("rich-text editor", "Merge cells"),
    "Split cell": pgettext_lazy("rich-text editor", "Split cell"),
    "Toggle header cell": pgettext_lazy("rich-text editor", "Toggle header cell"),
    "Delete table": pgettext_lazy("rich-text editor", "Delete table"),
    "undo": pgettext_lazy("rich-text editor", "undo"),
    "redo": pgettext_lazy("rich-text editor", "redo"),
    "Edit Link": pgettext_lazy("rich-text editor", "Edit Link"),
    "URL": pgettext_lazy("rich-text editor", "URL"),
    "Title": pgettext_lazy("rich-text editor", "Title"),
    "Open in new window": pgettext_lazy("rich-text editor", "Open in new window"),
    "Update": pgettext_lazy("rich-text editor", "Update"),
    "Insert": pgettext_lazy("rich-text editor", "Insert"),
    "Cancel": pgettext_lazy("rich-text editor", "Cancel"),
    "Table Properties": pgettext_lazy("rich-text editor", "Table Properties"),
    "Rows": pgettext_lazy("rich-text editor", "Rows"),
    "Columns": pgettext_lazy("rich-text editor", "Columns"),
    "Include header row": pgettext_lazy("rich-text editor", "Include header row"),
    "Insert Table": pgettext_lazy("rich-text editor", "Insert table"),
    "Yes": pgettext_lazy("rich-text editor", "Yes"),
    "No": pgettext_lazy("rich-text editor", "No"),
    "List type": pgettext_lazy("rich-text editor", "List type"),
    "Start at": pgettext_lazy("rich-text editor", "Start at"),
    "Decimal numbers": pgettext_lazy("rich-text editor", "Decimal numbers"),
    "1, 2, 3, ...": pgettext_lazy("rich-text editor", "1, 2, 3, ..."),
}


class RichTextWidget(forms.Textarea):
    """django-prose-editor for answer HTML, from this site's static files only.

    The package's widget adds an inline <script type="importmap">, which the admin's
    Content-Security-Policy (script-src 'self') blocks; our module imports the editor by path.
    The editor's interface texts in the admin's language travel in the textarea's data attribute.
    """

    ATTRIBUTE = "data-otandastar-prose-editor"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        # Rendered in the language of the request, so the same form serves both admins.
        context["widget"]["attrs"][self.ATTRIBUTE] = json.dumps(
            {english: str(text) for english, text in EDITOR_TEXTS.items()}, ensure_ascii=False
        )
        return context

    class Media:
        css = {
            "all": [
                "django_prose_editor/material-icons.css",
                "django_prose_editor/editor.css",
                "django_prose_editor/overrides.css",
                "editing/admin/prose-editor.css",
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
