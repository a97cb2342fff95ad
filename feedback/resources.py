"""Spreadsheet export of readers' answers and of the per-page report (django-import-export).

Export only: formats from clinics.resources, which put an apostrophe before a cell a spreadsheet would
run as a formula (a comment is typed by anyone)."""

from django.utils.translation import gettext_lazy as _
from import_export import fields, resources

from .models import Answer, Page
from .selectors import useful_share


class AnswerResource(resources.ModelResource):
    page = fields.Field(attribute="page__path", column_name="page")
    answered = fields.Field(attribute="created", column_name="answered")
    language = fields.Field(attribute="language", column_name="language")
    useful = fields.Field(column_name="useful")
    comment = fields.Field(attribute="comment", column_name="comment")

    class Meta:
        model = Answer
        fields = ("answered", "page", "language", "useful", "comment")
        export_order = fields

    def dehydrate_useful(self, answer):
        return str(_("yes") if answer.useful else _("no"))


class PageReportResource(resources.ModelResource):
    page = fields.Field(attribute="path", column_name="page")
    answers = fields.Field(attribute="answer_count", column_name="answers")
    useful = fields.Field(attribute="useful_count", column_name="useful")
    share = fields.Field(column_name="useful, %")
    comments = fields.Field(attribute="comment_count", column_name="comments")
    last_answer = fields.Field(attribute="last_answer", column_name="last answer")

    class Meta:
        model = Page
        fields = ("page", "answers", "useful", "share", "comments", "last_answer")
        export_order = fields

    def dehydrate_share(self, page):
        return useful_share(page.useful_count, page.answer_count)
