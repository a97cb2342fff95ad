"""The editors' guide (issue 17, item 7) and the admin header: guide and language switch (item 4)."""

import re

import pytest
from django.conf import settings
from django.contrib import admin
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst

from clinics.models import Clinic, ClinicToCheck, Quota, QuotaYear
from faq.models import Entry, Mci
from search.models import SearchQuery

pytestmark = pytest.mark.django_db

KAZAKH_LETTERS = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_guide_is_linked_from_the_header_and_speaks_the_admins_language(content_editor_client, language):
    content_editor_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    index = content_editor_client.get(reverse("admin:index")).content.decode()
    assert f'href="{reverse("editing:guide")}"' in index
    response = content_editor_client.get(reverse("editing:guide"))
    assert response.status_code == 200
    html = response.content.decode()
    guide = html[html.index('<article class="editors-guide">') :]
    assert len(re.findall(r"<h2>", guide)) >= 9
    text = re.sub(r"<[^>]+>", " ", guide)
    if language == "ru":
        # Kazakh only inside quotes or in the language switch's name («Қазақша · Русский»).
        assert not KAZAKH_LETTERS.search(re.sub(r"«[^»]*»", "", text))
    else:
        assert KAZAKH_LETTERS.search(text)


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_guide_names_the_admins_lists_and_actions_as_the_admin_shows_them(content_editor_client, language):
    content_editor_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    html = content_editor_client.get(reverse("editing:guide")).content.decode()
    with translation.override(language):
        names = [capfirst(m._meta.verbose_name_plural) for m in (Entry, Mci, Clinic, ClinicToCheck, Quota, QuotaYear)]
        names.append(capfirst(SearchQuery._meta.verbose_name_plural))
        entry_admin = admin.site._registry[Entry]
        actions = [
            str(getattr(entry_admin, name).short_description) for name in ("publish", "unpublish", "mark_reviewed")
        ]
    for name in [*names, *actions]:
        assert f"«{name}»" in html, name


def test_the_guide_is_for_signed_in_staff_only(client):
    response = client.get(reverse("editing:guide"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_the_language_switch_returns_to_the_admin_page(content_editor_client):
    page = reverse("admin:faq_entry_changelist") + "?review=stale"
    response = content_editor_client.get(reverse("switch_language", args=["ru"]), {"next": page})
    assert response.status_code == 302 and response["Location"] == page
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ru"
    html = content_editor_client.get(page).content.decode()
    assert '<html lang="ru"' in html
    assert 'hreflang="kk"' in html  # the way back


def test_the_language_switch_still_refuses_other_sites(client):
    response = client.get(reverse("switch_language", args=["ru"]), {"next": "https://example.org/admin/"})
    assert response["Location"] == "/ru/"
