from django.core.management.base import BaseCommand, CommandError

from backups import services


class Command(BaseCommand):
    help = (
        "Back up the whole database (content, history, visitor-search log, accounts) to a new file: "
        "SQLite's online backup, or pg_dump's custom format on PostgreSQL. Safe while the site runs."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the backup file to create (never overwritten)")

    def handle(self, *args, file, **options):
        try:
            path = services.backup(file)
        except services.BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Backup of the {services.vendor()} database written to {path}.")
