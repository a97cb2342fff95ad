"""What a restore must reproduce, read through the site as readers and editors see it: every public page
in both languages, and the editors' history and visitor-search pages. Run in the test and, against the
restored database, in a fresh process (`python -c "from tests.backups.snapshot import main; main()"`)."""

import json
import re

from django.test import Client
from django.urls import reverse

from tests.support.public_pages import LANGUAGES, PUBLIC_PAGES

# Per-request tokens: the only thing allowed to differ.
_TOKENS = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')


def _body(response) -> str:
    return f"{response.status_code}\n" + _TOKENS.sub(r"\1\2", response.content.decode())


def admin_pages() -> dict[str, str]:
    from django.contrib.auth import get_user_model

    from faq.models import Entry

    client = Client(HTTP_ACCEPT_LANGUAGE="kk")
    client.force_login(get_user_model().objects.get(username="editor"))
    urls = [
        reverse("admin:faq_entry_history", args=[pk])
        for pk in Entry.objects.order_by("pk").values_list("pk", flat=True)
    ]
    urls += [
        reverse("admin:search_searchquery_changelist") + "?searched=all",
        reverse("admin:faq_entry_changelist"),
    ]
    return {url: _body(client.get(url)) for url in urls}


def public_pages() -> dict[str, str]:
    client = Client()
    urls = [page.url(language) for language in LANGUAGES for page in PUBLIC_PAGES]
    return {url: _body(client.get(url)) for url in urls}


def snapshot() -> dict[str, str]:
    # Editors' pages first: reading the search pages adds to the search log.
    return {**admin_pages(), **public_pages()}


def main() -> None:
    import django
    from django.test.utils import setup_test_environment

    django.setup()
    setup_test_environment()
    print(json.dumps(snapshot(), ensure_ascii=False))
