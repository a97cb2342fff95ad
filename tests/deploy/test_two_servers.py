"""Two app servers, one database, one cache: what an editor saves through one server is on the very
next page the other serves; with Redis stopped, pages are still served, /healthz says 503 and saves
stand; Redis back, caching resumes by itself."""

import secrets

import pytest

from tests.deploy.stack import wait_for

PAGE = "/kk/faq/jsn/"


@pytest.fixture(scope="module")
def entry_pk(site):
    return int(
        site.manage(
            "shell", "-c", "from faq.models import Entry; print(Entry.objects.get(slug='jsn').pk)"
        ).stdout.split()[-1]
    )


def _mark():
    return f"Тексеру {secrets.token_hex(4)}"


def _health(server):
    return server.client().get("/healthz")


def test_an_edit_saved_through_one_server_is_on_the_next_page_of_the_other(app_servers, redis_server, entry_pk):
    server_a, server_b = app_servers
    reader = server_b.client()
    first = reader.get(PAGE)
    assert first.status == 200 and "public" in first.headers["Cache-Control"]
    again = reader.get(PAGE)
    assert again.body == first.body and again.headers["ETag"] == first.headers["ETag"]  # from the page cache
    assert redis_server.keys("*otandastar:page:*") and redis_server.keys("*otandastar:content-version")
    # Server A serves B's page from Redis as it is.
    assert server_a.client().get(PAGE).headers["ETag"] == first.headers["ETag"]

    editor = server_a.client()
    editor.login()
    mark = _mark()
    saved = editor.edit_entry(entry_pk, answer_kk=f"<p>{mark}</p>", published="on")
    assert saved.status == 302, saved.text[:3000]
    after = reader.get(PAGE)
    assert after.status == 200 and mark in after.text and after.headers["ETag"] != first.headers["ETag"]


def test_with_redis_stopped_pages_are_served_and_saves_stand_then_caching_resumes(app_servers, redis_server, entry_pk):
    server_a, server_b = app_servers
    editor = server_a.client()
    editor.login()
    redis_server.stop()
    try:
        for server in app_servers:
            health = _health(server)
            assert health.status == 503 and b'"cache": "ok"' not in health.body.replace(b'":"', b'": "')
            for path in (PAGE, "/ru/clinics/pavlodar/", "/kk/", "/ru/search/?q=%D0%BA%D0%B2%D0%BE%D1%82%D0%B0"):
                response = server.client().get(path)
                assert response.status == 200, (server.name, path, response.status)
                # Rendered for this request, and not offered to shared caches (nginx) meanwhile.
                assert "public" not in response.headers.get("Cache-Control", ""), path
        mark = _mark()
        saved = editor.edit_entry(entry_pk, answer_kk=f"<p>{mark}</p>", published="on")
        assert saved.status == 302, saved.text[:3000]
        assert mark in server_b.client().get(PAGE).text
    finally:
        redis_server.start()

    wait_for(lambda: all(_health(server).status == 200 for server in app_servers), "/healthz to say 200 again")
    reader = server_b.client()
    cached = reader.get(PAGE)
    assert mark in cached.text and "public" in cached.headers["Cache-Control"]
    assert redis_server.keys("*otandastar:page:*")  # stored in Redis again
    assert server_a.client().get(PAGE).headers["ETag"] == cached.headers["ETag"]
    # Saves change the content version again: the next page on the other server shows it.
    mark = _mark()
    assert editor.edit_entry(entry_pk, answer_kk=f"<p>{mark}</p>", published="on").status == 302
    assert mark in reader.get(PAGE).text
