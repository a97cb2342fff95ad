from django.db.models.signals import pre_save
from django.dispatch import receiver

from otandastar.textfold import fold

from .models import Clinic


@receiver(pre_save, sender=Clinic)
def refresh_search_text(sender, instance, **kwargs):
    # Region and type names are part of a row's searchable text.
    region = instance.region if instance.region_id else None
    exam = instance.examination_type if instance.examination_type_id else None
    for lang in ("kk", "ru"):
        parts = [
            getattr(region, f"name_{lang}", "") if region else "",
            getattr(exam, f"name_{lang}", "") if exam else "",
            getattr(instance, f"address_{lang}", "") or "",
            getattr(instance, f"note_{lang}", "") or "",
        ]
        setattr(instance, f"search_{lang}", fold("\n".join(p or "" for p in parts)))
