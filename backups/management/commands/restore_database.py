from django.core.management.base import BaseCommand, CommandError

from backups import services


class Command(BaseCommand):
    help = (
        "Restore a backup made by backup_database into the configured database, which must be new and "
        "empty (a database that already has tables is refused, so nothing is lost)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a file made by backup_database on the same kind of database")

    def handle(self, *args, file, **options):
        try:
            services.restore(file)
        except services.BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"{file} restored into the {services.vendor()} database.")
