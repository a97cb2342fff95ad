from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Page(models.Model):
    """A page readers answered "Was this page useful?" on, by its address without the language prefix."""

    path = models.CharField(_("page"), max_length=300, unique=True, help_text=_("The address after /kk or /ru."))

    class Meta:
        ordering = ["path"]
        verbose_name = _("page usefulness")
        verbose_name_plural = _("page usefulness")

    def __str__(self):
        return self.path


class Answer(models.Model):
    """One reader's answer. Nothing about the reader is kept: no address, no cookie, no name; the comment
    is stored with e-mail addresses, phone numbers and ИИН/ЖСН taken out (feedback.privacy)."""

    page = models.ForeignKey(Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="answers")
    language = models.CharField(_("language"), max_length=10)
    useful = models.BooleanField(_("useful"))
    comment = models.TextField(_("what the reader was looking for"), blank=True)
    created = models.DateTimeField(_("answered"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("reader's answer")
        verbose_name_plural = _("readers' answers")

    def __str__(self):
        return f"{self.page} · {self.created:%Y-%m-%d %H:%M}"
