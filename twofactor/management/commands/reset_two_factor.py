from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from twofactor import services


class Command(BaseCommand):
    help = (
        "Forget a staff member's phone app and recovery codes (a lost phone): they set up a new one at "
        "their next sign-in, and their current sessions end."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        removed = services.reset(user)
        self.stdout.write(
            f"{username}: {removed} two-factor device(s) removed; a new phone app is set up at the next sign-in."
        )
