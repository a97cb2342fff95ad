from django.core.management.base import BaseCommand

from search.documents import rebuild


class Command(BaseCommand):
    help = "Rebuild the search documents of every entry and clinic row (after bulk edits that skip save())."

    def handle(self, *args, **options):
        self.stdout.write(f"Search documents rebuilt: {rebuild()}.")
