import io
import re
from html.parser import HTMLParser

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database holds the real seed content, loaded once per session."""
    with django_db_blocker.unblock():
        call_command("load_content", stdout=io.StringIO())


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts without cached pages (tests change data with update(), which sends no signal)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def no_login_lockouts(request):
    """Failed logins of one test never lock out another (django-axes keeps attempts in the database)."""
    if request.node.get_closest_marker("django_db") or {"db", "transactional_db"} & set(request.fixturenames):
        from axes.utils import reset

        reset()


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-test-password")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def content_editor(db, django_user_model):
    """A staff member in the "Content editors" group (created by migration), not a superuser."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        "aigerim", "aigerim@example.org", "a-long-test-password", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Content editors"))
    return user


@pytest.fixture
def content_editor_client(client, content_editor):
    client.force_login(content_editor)
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
