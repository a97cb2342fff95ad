from django.core.management.base import BaseCommand

from clinics.models import Clinic
from faq.models import Entry


class Command(BaseCommand):
    help = "Recompute the folded search text of every entry and clinic row (after bulk edits that skip save())."

    def handle(self, *args, **options):
        total = 0
        for model in (Entry, Clinic):
            for obj in model.objects.all():
                # update_fields=[] still saves the search columns (see the models' save()).
                obj.save(update_fields=[])
                total += 1
        self.stdout.write(f"Search text rebuilt for {total} rows.")
