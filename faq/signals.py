from django.db.models.signals import pre_save
from django.dispatch import receiver

from otandastar.textfold import fold, html_to_text

from .models import Entry


@receiver(pre_save, sender=Entry)
def refresh_search_text(sender, instance, **kwargs):
    # pre_save also runs for loaddata's raw saves, which skip Model.save().
    for lang in ("kk", "ru"):
        parts = [
            getattr(instance, f"question_{lang}", "") or "",
            html_to_text(getattr(instance, f"answer_{lang}", "") or ""),
            getattr(instance, f"source_{lang}", "") or "",
        ]
        setattr(instance, f"search_{lang}", fold("\n".join(parts)))
