"""gunicorn believes X-Forwarded-Proto only from the proxies in FORWARDED_ALLOW_IPS, and so does the
site: anyone else who reaches an app server directly cannot pass a plain-HTTP request off as HTTPS."""

import pytest

from tests.deploy.stack import Browser, start_app_server


@pytest.fixture(scope="module")
def untrusting_server(site):
    """An app server whose proxy is elsewhere (192.0.2.1): these tests' requests do not come from it."""
    server = start_app_server(site, "untrusting", FORWARDED_ALLOW_IPS="192.0.2.1", GUNICORN_WORKERS="1")
    site.servers.append(server)
    yield server
    server.stop()


def _home(server, **headers):
    return Browser(f"http://{server.address}", headers={"Host": "otandastar.kz", **headers}).get("/kk/")


def test_the_scheme_is_believed_from_the_proxy(app_servers):
    assert _home(app_servers[0], **{"X-Forwarded-Proto": "https"}).status == 200
    assert _home(app_servers[0]).status == 301  # from the proxy, but plain HTTP: to HTTPS


def test_the_scheme_is_not_believed_from_anyone_else(untrusting_server):
    response = _home(untrusting_server, **{"X-Forwarded-Proto": "https"})
    assert response.status == 301 and response.headers["Location"] == "https://otandastar.kz/kk/"
