from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class SeedRecord(models.Model):
    """Remembers which seed record became which row.

    The seed loader uses it to fill only empty fields of rows it created before and to
    leave alone rows an editor deleted, so re-loading never undoes an editor's work.
    """

    key = models.CharField(_("seed key"), max_length=200, unique=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    loaded_at = models.DateTimeField(_("loaded at"), auto_now_add=True)

    class Meta:
        # The table kept its name when the model moved here from the `otandastar` package.
        db_table = "otandastar_seedrecord"
        verbose_name = _("seed record")
        verbose_name_plural = _("seed records")

    def __str__(self):
        return self.key
