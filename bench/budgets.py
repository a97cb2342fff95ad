"""Page weight and Lighthouse scores of the site as in production.

    python -m bench budgets                 (or `make budgets`)
    python -m bench budgets --no-lighthouse (page weights only)

Builds a scratch copy of the site as `python -m bench http` does (its own SQLite database, file cache and
collected static files in a temporary folder; DJANGO_DEBUG=0, plain HTTP on 127.0.0.1 with
DJANGO_SECURE=0) and starts gunicorn with gunicorn.conf.py. Then:

1. Page weight: Debian's chromium (driven by Playwright) opens every public page type in both
   languages with an empty cache and adds up the bytes transferred (headers and compressed bodies, as
   the browser received them) for the HTML, CSS and JS. Budget: 30 kB (30,000 bytes) per page. Any
   request to another host is reported and fails the run.
2. Lighthouse (npm package `lighthouse`, pinned below, installed once into var/node) with chromium,
   default mobile settings (Moto G Power emulation, simulated slow 4G), on the home page, an entry, a
   region page, the quota page and a search results page in both languages. Prints the performance,
   accessibility, best-practices and SEO scores and the audits that cost points.

Exits with status 1 when a budget or a score goal is missed.
"""

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from bench.scratch import CHROMIUM_ARGS, production_server

LIGHTHOUSE = "lighthouse@13.5.0"
BUDGET = 30_000  # bytes per page: HTML (compressed) + CSS + JS

# Every public page type (weights), as in tests/browser/pages.py.
WEIGHT_PAGES = {
    "home": "/{lang}/",
    "faq index": "/{lang}/faq/",
    "topic": "/{lang}/faq/topic/quota-support/",
    "entry": "/{lang}/faq/onirlik-kvota/",
    "entry 11 (longest)": "/{lang}/faq/ekonomikalyq-utqyrlyq-sertifikaty/",
    "directory": "/{lang}/clinics/",
    "region": "/{lang}/clinics/pavlodar/",
    "region, filtered": "/{lang}/clinics/north-kazakhstan/?type=tuberculosis",
    "quota": "/{lang}/quota/",
    "search results": "/{lang}/search/?q=%D0%BA%D0%B2%D0%BE%D1%82%D0%B0",
    "journey": "/{lang}/journeys/moving-as-kandas/",
    "not found (404)": "/{lang}/no-such-page/",
}
# Kazakh in Cyrillic, Russian, and Kazakh in Arabic script and Latin (scripts/).
LANGS = ("kk", "ru", "kk-arab", "kk-latn")
LIGHTHOUSE_PAGES = ["home", "entry", "region", "quota", "search results"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
GOALS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
# The search results page is noindex on purpose (endless query URLs, thin pages); Lighthouse's SEO
# category counts that against it ("Page is blocked from indexing").
EXPECTED = {("search results", "is-crawlable")}


class Command(BaseCommand):
    help = "Measure page weights and Lighthouse scores of the site under gunicorn (production settings)."

    def add_arguments(self, parser):
        parser.add_argument("--no-lighthouse", action="store_true", help="measure page weights only")
        parser.add_argument(
            "--node-dir",
            default=str(Path(settings.BASE_DIR) / "var" / "node"),
            help="where lighthouse is installed (npm --prefix)",
        )
        parser.add_argument("--save", metavar="DIR", help="keep the Lighthouse JSON reports in DIR")

    def handle(self, *args, **options):
        chromium = shutil.which("chromium")
        if not chromium:
            raise CommandError("chromium is not installed (Debian: apt-get install chromium)")
        lighthouse = None if options["no_lighthouse"] else self._install_lighthouse(Path(options["node_dir"]))
        failed = False
        with production_server(secure=False) as server:
            base = server.base
            failed |= self._weights(base, chromium)
            if lighthouse:
                failed |= self._lighthouse(base, chromium, lighthouse, options["save"])
        if failed:
            raise CommandError("a budget or a goal was missed (see above)")

    # 1. Page weight -------------------------------------------------------------------------------

    def _weights(self, base, chromium) -> bool:
        from playwright.sync_api import sync_playwright

        host = urlsplit(base).netloc
        failed = False
        self.stdout.write(f"\nBytes transferred per page, empty cache, budget {BUDGET:,} (HTML + CSS + JS)")
        self.stdout.write(
            f"{'page':<22} {'lang':<7} {'HTML':>7} {'CSS':>7} {'JS':>5} {'total':>7} {'other':>6}  "
            f"{'requests':>8}  budget"
        )
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            try:
                for name, path in WEIGHT_PAGES.items():
                    for lang in LANGS:
                        sizes, foreign = _transferred(browser, base + path.format(lang=lang), host)
                        total = sizes["document"] + sizes["stylesheet"] + sizes["script"]
                        ok = total <= BUDGET and not foreign
                        failed |= not ok
                        self.stdout.write(
                            f"{name:<22} {lang:<7} {sizes['document']:>7,} {sizes['stylesheet']:>7,} "
                            f"{sizes['script']:>5,} {total:>7,} {sizes['other']:>6,}  {sizes['requests']:>8}  "
                            f"{'ok' if ok else 'OVER'}"
                        )
                        for url in foreign:
                            self.stdout.write(f"    request to another host: {url}")
            finally:
                browser.close()
        self.stdout.write("('other' is the favicon; no request went to another host)" if not failed else "")
        return failed

    # 2. Lighthouse --------------------------------------------------------------------------------

    def _install_lighthouse(self, node_dir: Path) -> Path:
        binary = node_dir / "node_modules" / ".bin" / "lighthouse"
        wanted = LIGHTHOUSE.split("@")[1]
        installed = node_dir / "node_modules" / "lighthouse" / "package.json"
        if binary.exists() and json.loads(installed.read_text())["version"] == wanted:
            return binary
        if not shutil.which("npm"):
            raise CommandError("npm is not installed (Debian: apt-get install npm)")
        node_dir.mkdir(parents=True, exist_ok=True)
        (node_dir / "package.json").write_text('{"private": true}\n')
        self.stdout.write(f"Installing {LIGHTHOUSE} into {node_dir} …")
        subprocess.run(
            [
                "npm",
                "install",
                "--prefix",
                str(node_dir),
                "--save-exact",
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
                LIGHTHOUSE,
            ],
            check=True,
        )
        return binary

    def _lighthouse(self, base, chromium, lighthouse, save) -> bool:
        failed = False
        self.stdout.write(
            "\nLighthouse "
            + LIGHTHOUSE.split("@")[1]
            + ", mobile (default settings), chromium "
            + _chromium_version(chromium)
        )
        self.stdout.write(f"{'page':<16} {'lang':<7} " + " ".join(f"{c:>14}" for c in CATEGORIES))
        notes = []
        with tempfile.TemporaryDirectory() as tmp:
            for name in LIGHTHOUSE_PAGES:
                for lang in LANGS:
                    url = base + WEIGHT_PAGES[name].format(lang=lang)
                    report = Path(save or tmp) / f"lighthouse-{name.replace(' ', '-')}-{lang}.json"
                    report.parent.mkdir(parents=True, exist_ok=True)
                    lhr = _run_lighthouse(lighthouse, chromium, url, report)
                    scores = {c: round((lhr["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}
                    cells = []
                    for category in CATEGORIES:
                        lost = [] if category == "performance" else _lost_audits(lhr, category)
                        unexpected = [a for a in lost if (name, a) not in EXPECTED]
                        below = scores[category] < GOALS[category] and (category == "performance" or bool(unexpected))
                        failed |= below
                        mark = "✗" if below else ("*" if scores[category] < GOALS[category] else " ")
                        cells.append(f"{scores[category]:>13}{mark}")
                        for audit in lost:
                            notes.append(
                                f"  {name} {lang} {category}: {audit} "
                                f"({lhr['audits'][audit]['title']}, score {lhr['audits'][audit]['score']})"
                            )
                    self.stdout.write(f"{name:<16} {lang:<7} " + " ".join(cells))
                    if lhr.get("runtimeError"):
                        notes.append(f"  {name} {lang}: {lhr['runtimeError']}")
                    metrics = {
                        k: lhr["audits"][k]["numericValue"]
                        for k in (
                            "first-contentful-paint",
                            "largest-contentful-paint",
                            "total-blocking-time",
                            "cumulative-layout-shift",
                        )
                    }
                    notes.append(
                        f"  {name} {lang} metrics: FCP {metrics['first-contentful-paint']:.0f} ms, "
                        f"LCP {metrics['largest-contentful-paint']:.0f} ms, "
                        f"TBT {metrics['total-blocking-time']:.0f} ms, "
                        f"CLS {metrics['cumulative-layout-shift']:.3f}"
                    )
        self.stdout.write(
            "goals: performance ≥ 95; accessibility, best practices, SEO 100 "
            "(* below the goal only through an expected audit: the search page is noindex on purpose)"
        )
        self.stdout.write("\n".join(notes))
        return failed


def _transferred(browser, url, host) -> tuple[dict, list]:
    """Bytes received (headers + encoded body) per resource type for one page load with an empty cache."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, device_scale_factor=2)
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    try:
        page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")
        sizes = {"document": 0, "stylesheet": 0, "script": 0, "other": 0, "requests": 0}
        foreign = []
        for request in finished:
            if urlsplit(request.url).netloc != host and not request.url.startswith("data:"):
                foreign.append(request.url)
            measured = request.sizes()
            size = measured["responseHeadersSize"] + measured["responseBodySize"]
            kind = request.resource_type if request.resource_type in sizes else "other"
            sizes[kind] += size
            sizes["requests"] += 1
        return sizes, foreign
    finally:
        context.close()


def _run_lighthouse(lighthouse, chromium, url, report) -> dict:
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    env = {**os.environ, "CHROME_PATH": chromium}
    for _attempt in range(2):
        result = subprocess.run(
            [
                str(lighthouse),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                "--only-categories=" + ",".join(CATEGORIES),
                f"--chrome-flags={flags}",
                "--max-wait-for-load=30000",
            ],
            check=False,
            env=env,
            capture_output=True,
            text=True,
            timeout=240,
        )
        # Lighthouse sometimes loses the page-load trace (NO_NAVSTART) and asks to be run again: once.
        if "Please run Lighthouse again" not in result.stderr:
            break
    if result.returncode != 0 or not report.exists():
        raise CommandError(f"lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    return json.loads(report.read_text())


def _lost_audits(lhr, category) -> list[str]:
    """Audits that count in the category and did not get full marks."""
    lost = []
    for ref in lhr["categories"][category]["auditRefs"]:
        audit = lhr["audits"][ref["id"]]
        if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
            lost.append(ref["id"])
    return lost


def _chromium_version(chromium) -> str:
    out = subprocess.run([chromium, "--version"], check=False, capture_output=True, text=True).stdout
    return out.split()[1] if len(out.split()) > 1 else "?"
