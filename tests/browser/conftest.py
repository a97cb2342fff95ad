"""Real-browser tests: Debian's chromium driven by Playwright, against pytest-django's live server.

The live server shares the in-memory test database (SQLite) with the test; every live-server test is
transactional, so the tables are emptied after each test and the seed is loaded again before it.

BROWSER_TESTS=0 leaves them out (CI's second pass on PostgreSQL); without chromium they skip locally and
fail under CI=true, where they must run.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from bench.scratch import CHROMIUM_ARGS

HERE = Path(__file__).parent
LANGS = ("kk", "ru")
EDITOR = ("editor", "a-long-test-password")


def pytest_collection_modifyitems(config, items):
    # Leave them out of the run (deselected, not skipped): the first CI pass runs them.
    if os.environ.get("BROWSER_TESTS", "1") != "0":
        return
    browser = [item for item in items if HERE in Path(item.path).parents]
    if browser:
        config.hook.pytest_deselected(items=browser)
        items[:] = [item for item in items if item not in browser]


@pytest.fixture(scope="session")
def chromium_path():
    path = shutil.which("chromium")
    if not path:
        message = "chromium is not installed (Debian: apt-get install chromium)"
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(message + "; browser tests must run in CI", pytrace=False)
        pytest.skip(message)
    return path


@pytest.fixture(scope="module")
def browser(chromium_path):
    """One chromium per test module. Playwright's sync API keeps an asyncio loop running in this thread
    until it stops (so it stops before the tests that come after these); meanwhile the tests' own ORM
    calls, and the flush after each test, would be refused by Django as calls from async code. They
    are plain sync calls between browser steps, so they are allowed while the browser runs."""
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def site(live_server):
    """The live server's base URL, with the seed content in the (transactional) test database."""
    with open(os.devnull, "w") as quiet:
        call_command("load_content", stdout=quiet)
    return live_server.url


@pytest.fixture
def context(browser, site):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="kk-KZ")
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(context, site):
    page = context.new_page()
    page.base = site
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.errors = errors
    yield page
    page.close()


@pytest.fixture
def phone(browser, site):
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.base = site
    yield page
    context.close()


@pytest.fixture
def site_editor(site, django_user_model):
    django_user_model.objects.create_superuser(EDITOR[0], "editor@example.org", EDITOR[1])
    return EDITOR
