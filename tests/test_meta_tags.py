"""Text in meta tags (search snippets, social cards) is escaped once, like the page itself."""

import html
import re

import pytest

from faq.models import Entry

pytestmark = pytest.mark.django_db


def _meta(page: str, attribute: str, name: str) -> str:
    return re.search(rf'<meta {attribute}="{name}" content="([^"]*)"', page).group(1)


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_quotes_ampersands_and_angle_brackets_are_escaped_once(client, language):
    entry = Entry.objects.get(number=1)
    Entry.objects.filter(pk=entry.pk).update(
        **{
            f"question_{language}": 'ЖСН "Tom & Jerry" <b>?',
            f"answer_{language}": '<p>Жауап: «A & B» "x" &lt;y&gt;</p>',
        }
    )
    page = client.get(f"/{language}/faq/{entry.slug}/").content.decode()
    assert html.unescape(_meta(page, "property", "og:title")) == 'ЖСН "Tom & Jerry" <b>?'
    for attribute, name in (("name", "description"), ("property", "og:description")):
        assert html.unescape(_meta(page, attribute, name)) == 'Жауап: «A & B» "x" <y>'
