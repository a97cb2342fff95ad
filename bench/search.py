"""Search benchmark: server time per query class at 1×, 10× and 100× the seed content.

    python -m bench search            # scratch SQLite database in a temporary folder
    python -m bench search --database-url postgres://…/scratch   # a scratch PostgreSQL database

It never touches the configured database: it re-runs itself against the scratch one.
"""

import io
import math
import random
import statistics
import time
from importlib import import_module

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from bench.scratch import in_scratch_database, rerun_in_scratch_database

QUERIES = {
    "one word": [("kk", "квота"), ("kk", "құжаттарды"), ("ru", "документов"), ("ru", "апостиль"), ("kk", "Павлодар")],
    "whole question": [
        ("kk", "ЖСН қалай алуға болады"),
        ("ru", "как получить ИИН"),
        ("ru", "где получить карту Ата жолы"),
        ("kk", "қандас мәртебесін қалай алуға болады"),
    ],
    "Latin": [("kk", "qandas"), ("kk", "kvota"), ("kk", "ata zholy"), ("kk", "Shymkent")],
    "no result": [("kk", "зззззз"), ("ru", "qwxzvb"), ("ru", "пенсионный фонд")],
    # Words that match nothing, corrected against the vocabulary, then searched again.
    "typo": [
        ("kk", "ықтиярхт"),
        ("ru", "апостел"),
        ("kk", "апастилль"),
        ("ru", "собеседывание документов"),
        ("kk", "kvoat"),
    ],
    "clinic question": [("kk", "лепра ақмола"), ("ru", "психиатр Павлодар"), ("ru", "проказа")],
}
SCALES = (1, 10, 100)


class Command(BaseCommand):
    help = "Measure search server time (p50/p95) per query class at 1×, 10× and 100× the seed content."

    def add_arguments(self, parser):
        parser.add_argument("--database-url", help="a scratch database to fill (default: a temporary SQLite file)")
        parser.add_argument("--repeat", type=int, default=30, help="requests per query and scale")

    def handle(self, *args, **options):
        if not in_scratch_database():
            return rerun_in_scratch_database(["search", "--repeat", str(options["repeat"])], options["database_url"])
        self._benchmark(options["repeat"])

    def _benchmark(self, repeat):
        from django.db import connection
        from django.test import Client
        from django.utils import translation

        from clinics.models import Clinic
        from faq.models import Entry
        from search.engine import search

        call_command("migrate", verbosity=0)
        if Entry.objects.exists():
            raise CommandError("the scratch database is not empty")
        call_command("load_content", stdout=io.StringIO())
        call_command("collectstatic", interactive=False, verbosity=0)  # pages render as in production
        client = Client()
        # A live session makes the page cache step aside (it drops a cookie naming no session):
        # every request renders the results page.
        session = import_module(settings.SESSION_ENGINE).SessionStore()
        session["benchmark"] = True
        session.create()
        client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
        self.stdout.write(
            f"Search benchmark on {connection.vendor}, {repeat} runs per query. "
            "search = ranking and loading the first page of results; "
            "request = the whole results page, rendered (not from the page cache)."
        )
        self.stdout.write(
            f"{'scale':>6} {'entries':>8} {'clinics':>8}  {'class':<15} "
            f"{'search p50':>10} {'p95':>7} {'request p50':>12} {'p95':>7}  (ms)"
        )
        copies = 1
        for scale in SCALES:
            _multiply(copies, scale)
            copies = scale
            counts = (Entry.objects.count(), Clinic.objects.count())
            for label, queries in QUERIES.items():
                service, request = [], []
                for language, query in queries:
                    client.get(f"/{language}/search/", {"q": query})  # warm caches once per query
                    for _ in range(repeat):
                        with translation.override(language):
                            started = time.perf_counter()
                            results = search(query, language)
                            _ = results.entries  # the first page's entries, as the page loads them
                            service.append((time.perf_counter() - started) * 1000)
                        started = time.perf_counter()
                        response = client.get(f"/{language}/search/", {"q": query})
                        request.append((time.perf_counter() - started) * 1000)
                        if response.status_code != 200:
                            raise CommandError(f"{query!r}: HTTP {response.status_code}")
                self.stdout.write(
                    f"{str(scale) + '×':>6} {counts[0]:>8} {counts[1]:>8}  {label:<15} "
                    f"{_p(service, 50):10.1f} {_p(service, 95):7.1f} {_p(request, 50):12.1f} {_p(request, 95):7.1f}"
                )


def _p(values, percent):
    ordered = sorted(values)
    if percent == 50:
        return statistics.median(ordered)
    return ordered[max(0, math.ceil(len(ordered) * percent / 100) - 1)]


def _multiply(have: int, want: int) -> None:
    """Add copies of the seed entries and clinic rows (slightly shuffled texts) up to `want` times."""
    from clinics.models import Clinic
    from faq.models import Entry
    from search.documents import index_clinics, index_entries

    rng = random.Random(want)
    seed_entries = list(Entry.objects.filter(number__lte=27))
    seed_rows = list(Clinic.objects.filter(pk__in=Clinic.objects.order_by("pk").values("pk")[:72]))
    for copy in range(have, want):
        new_entries = []
        for entry in seed_entries:
            clone = Entry(
                number=copy * 100 + entry.number,
                slug=f"{entry.slug}-{copy}",
                topic_id=entry.topic_id,
                feature=entry.feature,
                published=True,
            )
            for lang in ("kk", "ru"):
                paragraphs = (getattr(entry, f"answer_{lang}") or "").split("\n")
                rng.shuffle(paragraphs)
                setattr(clone, f"question_{lang}", f"{getattr(entry, f'question_{lang}')} ({copy})")
                setattr(clone, f"answer_{lang}", "\n".join(paragraphs))
                setattr(clone, f"source_{lang}", getattr(entry, f"source_{lang}"))
            new_entries.append(clone)
        index_entries(Entry.objects.bulk_create(new_entries))
        new_rows = []
        for row in seed_rows:
            clone = Clinic(
                region_id=row.region_id,
                examination_type_id=row.examination_type_id,
                position=copy * 10 + row.position,
                phone=row.phone,
            )
            for lang in ("kk", "ru"):
                for name in ("address", "transport", "note"):
                    setattr(clone, f"{name}_{lang}", getattr(row, f"{name}_{lang}"))
            new_rows.append(clone)
        index_clinics(Clinic.objects.bulk_create(new_rows))
