import re
from html.parser import HTMLParser

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database holds the real seed content, loaded once per session."""
    with django_db_blocker.unblock():
        call_command("load_content", stdout=open("/dev/null", "w"))


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts without cached pages (tests change data with update(), which sends no signal)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-test-password")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(html: str, name: str | None = None) -> list[tuple[str, dict]]:
    parser = TagCollector()
    parser.feed(html)
    return [t for t in parser.tags if name is None or t[0] == name]


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
