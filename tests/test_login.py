"""Admin login: the lockout keys on the visitor's own address (taken from the proxy's X-Real-IP only
when the request comes from a proxy gunicorn trusts), a lock is not extended by further tries, a
redirect after login never leaves the admin, and a staff session lasts a working day."""

import os
import subprocess
import sys
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"  # the editor fixture's
ATTACKER = "198.51.100.23"
EDITOR_HOME = "203.0.113.40"
PROXY = "127.0.0.1"  # the test client's REMOTE_ADDR, and in the default trust list


def login(address=None, *, password=PASSWORD, remote_addr=PROXY, username="editor", client=None, **extra):
    """The admin login form's POST as it reaches gunicorn: from remote_addr, with X-Real-IP when address
    is given."""
    headers = {"REMOTE_ADDR": remote_addr, **extra}
    if address is not None:
        headers["HTTP_X_REAL_IP"] = address
    form = {"username": username, "password": password, "next": reverse("admin:index")}
    return (client or Client()).post(reverse("admin:login"), form, **headers)


def fail_until_locked(address=None, **kwargs):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(address, password="wrong", **kwargs)
    response = login(address, **kwargs)  # even the right password is refused now
    assert response.status_code == 429


def signed_in(response):
    return response.status_code == 302 and response["Location"] == reverse("admin:index")


def test_behind_the_proxy_an_attacker_elsewhere_does_not_lock_the_editor_out(editor):
    fail_until_locked(ATTACKER)
    assert signed_in(login(EDITOR_HOME))
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}


@pytest.mark.parametrize(
    "trusted",
    [["127.0.0.1", "::1"], ["127.0.0.0/8"], ["10.0.0.5", "127.0.0.1"], ["*"]],
    ids=["default", "network", "list", "any"],
)
def test_each_form_of_the_trust_list_is_understood(editor, trusted):
    with override_settings(FORWARDED_ALLOW_IPS=trusted):
        fail_until_locked(ATTACKER)
        assert signed_in(login(EDITOR_HOME))


def test_from_an_untrusted_address_the_header_is_ignored(editor):
    """A client talking to gunicorn directly cannot choose whose address gets locked."""
    fail_until_locked(EDITOR_HOME, remote_addr=ATTACKER)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}
    assert signed_in(login(EDITOR_HOME))


def test_an_untrusted_proxy_cannot_name_the_address_either(editor):
    with override_settings(FORWARDED_ALLOW_IPS=["10.0.0.5"]):
        login(ATTACKER, password="wrong", remote_addr=PROXY)
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [PROXY]


def test_without_a_proxy_the_connecting_address_is_locked(editor):
    fail_until_locked(remote_addr=ATTACKER)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}
    assert signed_in(login(remote_addr=EDITOR_HOME))


@pytest.mark.parametrize(
    "header",
    ["", "not-an-address", f"{ATTACKER}, {EDITOR_HOME}", "999.1.1.1", "fe80::1%eth0", "x" * 300],
    ids=["empty", "word", "list", "out-of-range", "zone", "long"],
)
def test_a_malformed_header_from_the_proxy_falls_back_to_the_proxy_address(editor, header):
    response = login(header, password="wrong")
    assert response.status_code == 200  # the form again, with its error: no 500
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [PROXY]


@pytest.mark.parametrize(
    ("address", "stored"),
    [("2001:db8::7", "2001:db8::7"), ("::ffff:198.51.100.23", ATTACKER), (" 198.51.100.23 ", ATTACKER)],
    ids=["ipv6", "ipv4-mapped", "spaces"],
)
def test_the_client_address_is_kept_in_one_form(editor, address, stored):
    login(address, password="wrong")
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [stored]


def test_further_tries_do_not_extend_a_lock(editor):
    """A lock lasts AXES_COOLOFF_TIME from the failure that set it: neither the editor's own further
    tries nor an attacker's from elsewhere push it back."""
    fail_until_locked(EDITOR_HOME)
    half_an_hour_ago = timezone.now() - timedelta(minutes=30)
    AccessAttempt.objects.update(attempt_time=half_an_hour_ago)
    for address in (EDITOR_HOME, ATTACKER, ATTACKER, ATTACKER, ATTACKER, ATTACKER, ATTACKER):
        login(address, password="wrong")
    home = AccessAttempt.objects.get(ip_address=EDITOR_HOME)
    assert (home.attempt_time, home.failures_since_start) == (half_an_hour_ago, settings.AXES_FAILURE_LIMIT)
    assert login(EDITOR_HOME).status_code == 429

    # An hour after the failure that locked it, the address is free again.
    AccessAttempt.objects.filter(ip_address=EDITOR_HOME).update(
        attempt_time=timezone.now() - timedelta(hours=settings.AXES_COOLOFF_TIME, minutes=1)
    )
    assert signed_in(login(EDITOR_HOME))
    assert login(ATTACKER).status_code == 429


@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/", "//evil.example/", "/\\evil.example/", "\\\\evil.example", "javascript:alert(1)", " "],
)
def test_an_unsafe_next_after_login_lands_on_the_admin_index(editor, next_url):
    client = Client()
    response = client.post(
        f"{reverse('admin:login')}?next={next_url}",
        {"username": "editor", "password": PASSWORD, "next": next_url},
    )
    assert signed_in(response)
    assert client.get(response["Location"]).status_code == 200


def test_a_safe_next_is_followed(editor):
    target = reverse("admin:faq_entry_changelist")
    response = Client().post(reverse("admin:login"), {"username": "editor", "password": PASSWORD, "next": target})
    assert (response.status_code, response["Location"]) == (302, target)


def test_a_staff_session_lasts_a_working_day_from_login(editor):
    client = Client()
    before = timezone.now()
    assert signed_in(login(client=client))
    hours = timedelta(seconds=settings.SESSION_COOKIE_AGE)
    assert hours == timedelta(hours=10)
    assert client.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == settings.SESSION_COOKIE_AGE
    session = Session.objects.get()
    assert before + hours <= session.expire_date <= timezone.now() + hours

    # Past it the editor signs in again.
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))


def _settings_in_a_fresh_process(env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "FORWARDED_"))}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "from django.conf import settings; print(settings.SESSION_COOKIE_AGE, settings.FORWARDED_ALLOW_IPS)",
        ],
        cwd=settings.BASE_DIR,
        env={**clean, "DJANGO_SETTINGS_MODULE": "otandastar.settings", "DJANGO_SECRET_KEY": "x" * 50, **env},
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize(
    ("env", "printed"),
    [
        ({}, "36000 ['127.0.0.1', '::1']"),
        (
            {"DJANGO_SESSION_HOURS": "8", "FORWARDED_ALLOW_IPS": "10.0.0.5, 10.1.0.0/16"},
            "28800 ['10.0.0.5', '10.1.0.0/16']",
        ),
    ],
    ids=["defaults", "set"],
)
def test_session_length_and_trusted_proxies_come_from_the_environment(env, printed):
    result = _settings_in_a_fresh_process(env)
    assert result.stdout.strip() == printed, result.stderr


@pytest.mark.parametrize("value", ["10.0.0.1/8", "proxy.internal"])
def test_a_mistyped_trust_list_stops_the_start(value):
    """As gunicorn refuses it: a typo must not silently trust no proxy (or every one)."""
    result = _settings_in_a_fresh_process({"FORWARDED_ALLOW_IPS": value})
    assert result.returncode != 0
    assert f"FORWARDED_ALLOW_IPS: {value!r}" in result.stderr
