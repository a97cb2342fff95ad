from django.core.management.base import BaseCommand

from search.stem_report import report


class Command(BaseCommand):
    help = "Show which Kazakh words of the search vocabulary the verb endings join to one stem."

    def handle(self, *args, **options):
        result = report()
        self.stdout.write(
            f"{result['words']} Kazakh words; stems with noun endings only: {result['stems_before']}, "
            f"with verb endings too: {result['stems_after']}; {result['groups_joined']} groups joined "
            f"({result['words_in_joined_groups']} words)."
        )
        for stem, members in result["joined"]:
            self.stdout.write(f"{stem}: {', '.join(members)}")
