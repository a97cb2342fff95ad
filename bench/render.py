"""Render time of the pages that show an answer, for the worst answers an editor can save.

    python -m bench render            (make bench-render)

Each answer below is as long as an answer may be (faq.models.ANSWER_MAX_LENGTH) and passes the
checks an editor's save runs (Entry.full_clean). Every request renders afresh (the page cache is
emptied first): the entry page in both languages, and a search whose results list the entry.
Goal: every page under 50 ms on the project's 2-core machine.
"""

import io
import statistics
import time

from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from bench.scratch import in_scratch_database, rerun_in_scratch_database
from faq.shortcodes import MAX_AMOUNTS

GOAL_MS = 50


def _fill(start: str, unit: str, end: str, limit: int) -> str:
    """`start`, then `unit` repeated, then `end`: as close to `limit` characters as whole units allow."""
    return start + unit * ((limit - len(start) - len(end)) // len(unit)) + end


def worst_answers(limit: int) -> dict[str, str]:
    """Answers at the length cap, each with as many amounts as an answer may hold where it has any."""
    amounts = "[[1 625 АЕК-тен]] " * MAX_AMOUNTS
    row = "<tr>" + "<td>[[70 АЕК]] жәрдемақы</td>" * 4 + "</tr>"
    return {
        "plain text": _fill("<p>", "Қандас мәртебесін алу үшін құжаттар тапсырылады. ", "</p>", limit),
        "most amounts": _fill("<p>" + amounts, "құжаттар ", "</p>", limit),
        "one long word": _fill("<p>", "ә", "</p>", limit),
        "many paragraphs": _fill("", "<p>жәрдемақы</p>", "", limit),
        "nested lists": _fill(
            "<ul><li><b><i>жәрдемақы [[АЕК]]</i></b></li></ul>" * MAX_AMOUNTS,
            "<ul><li><b>жәрдемақы</b></li></ul>",
            "",
            limit,
        ),
        "many links": _fill("", "<a href='https://oq.gov.kz/'>жәрдемақы</a> ", "", limit),
        "big table": _fill("<table>" + row * (MAX_AMOUNTS // 4), "<tr><td>жәрдемақы</td></tr>", "</table>", limit),
    }


class Command(BaseCommand):
    help = "Render time (ms) of entry and search pages for the worst answers an editor can save."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=20, help="requests per page")

    def handle(self, *args, **options):
        if not in_scratch_database():
            return rerun_in_scratch_database(["render", "--repeat", str(options["repeat"])])
        self._benchmark(options["repeat"])

    def _benchmark(self, repeat):
        from django.test import Client

        from faq.models import ANSWER_MAX_LENGTH, Entry

        call_command("migrate", verbosity=0)
        if Entry.objects.exists():
            raise CommandError("the scratch database is not empty")
        call_command("load_content", stdout=io.StringIO())
        call_command("collectstatic", interactive=False, verbosity=0)  # pages render as in production
        client = Client()
        entry = Entry.objects.get(number=11)
        self.stdout.write(
            f"Render time, ms ({repeat} requests each, page cache emptied before each); answers of "
            f"{ANSWER_MAX_LENGTH:,} characters; goal < {GOAL_MS} ms"
        )
        self.stdout.write(f"{'answer':<16} {'page':<10} {'p50':>7} {'p90':>7} {'max':>7}")
        worst = 0.0
        for name, answer in worst_answers(ANSWER_MAX_LENGTH).items():
            entry.answer_kk = entry.answer_ru = answer
            entry.full_clean()  # an editor could save it
            entry.save()
            pages = {
                "entry kk": f"/kk/faq/{entry.slug}/",
                "entry ru": f"/ru/faq/{entry.slug}/",
                "search kk": "/kk/search/?q=жәрдемақы",
            }
            for page, url in pages.items():
                times = []
                for _ in range(repeat):
                    cache.clear()
                    started = time.perf_counter()
                    response = client.get(url)
                    times.append((time.perf_counter() - started) * 1000)
                    if response.status_code != 200:
                        raise CommandError(f"{name}, {url}: HTTP {response.status_code}")
                p90 = statistics.quantiles(times, n=10)[-1]
                worst = max(worst, p90)
                self.stdout.write(f"{name:<16} {page:<10} {statistics.median(times):7.1f} {p90:7.1f} {max(times):7.1f}")
        verdict = "met" if worst < GOAL_MS else "MISSED"
        self.stdout.write(f"worst p90: {worst:.1f} ms ({verdict}: goal < {GOAL_MS} ms)")
