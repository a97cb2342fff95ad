"""Benchmarks and budgets: tooling for developers, kept out of the production apps.

    python -m bench http [--duration 5]     (make bench)
    python -m bench search                  (make bench-search)
    python -m bench render                  (make bench-render)
    python -m bench budgets [--no-lighthouse] (make budgets)

Each command builds its own scratch copy of the site; none touches the site's database.
"""

import importlib
import os
import sys

COMMANDS = ("http", "search", "render", "budgets")


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__, file=sys.stderr)
        return 2
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "otandastar.settings")
    import django

    django.setup()
    command = importlib.import_module(f"bench.{argv[0]}").Command()
    # BaseCommand parses the options and turns a CommandError into a message and exit status 1.
    command.run_from_argv(["python -m bench", *argv])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
