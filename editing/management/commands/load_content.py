from django.core.management.base import BaseCommand

from editing.seeding import load_all


class Command(BaseCommand):
    help = (
        "Load the seed content (FAQ, regions, quotas, clinics). "
        "Safe to re-run: never overwrites or deletes editors' work."
    )

    def handle(self, *args, **options):
        stats = load_all()
        self.stdout.write(f"Seed content: {stats}")
