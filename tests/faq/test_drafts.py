"""A topic whose entries are all unpublished is a draft: no page, not in the sitemap."""

import pytest

from faq.models import Entry, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft_topic():
    topic = Topic.objects.create(slug="draft-topic", title_kk="Жоба тақырыбы", title_ru="Черновик темы", order=99)
    Entry.objects.create(
        number=98, slug="draft-entry", topic=topic, question_kk="Жоба сұрақ?", answer_kk="<p>Жауап</p>", published=False
    )
    return topic


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_draft_topic_has_no_page(client, draft_topic, language):
    assert client.get(f"/{language}/faq/topic/{draft_topic.slug}/").status_code == 404
    Entry.objects.filter(topic=draft_topic).update(published=True)
    assert client.get(f"/{language}/faq/topic/{draft_topic.slug}/").status_code == 200


def test_a_draft_topic_is_not_in_the_sitemap(client, draft_topic):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/faq/topic/" in sitemap and draft_topic.slug not in sitemap
    Entry.objects.filter(topic=draft_topic).update(published=True)
    assert draft_topic.slug in client.get("/sitemap.xml").content.decode()


def test_a_new_entry_starts_as_a_draft():
    topic = Topic.objects.first()
    entry = Entry.objects.create(number=97, slug="new-entry", topic=topic, question_kk="Сұрақ?", answer_kk="<p>Ж</p>")
    assert not entry.published
    assert Entry.objects.filter(published=True).count() == Entry.objects.count() - 1  # the seed stays public


def test_a_draft_preview_is_marked_and_never_cached(client, editor, draft_topic):
    client.force_login(editor)
    response = client.get("/ru/faq/draft-entry/")
    assert response.status_code == 200
    assert "только сотрудники" in response.content.decode()
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    Entry.objects.filter(slug="draft-entry").update(published=True)
    assert "no-store" not in client.get("/ru/faq/draft-entry/").get("Cache-Control", "")
