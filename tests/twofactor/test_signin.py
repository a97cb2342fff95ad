"""Staff sign-in with a second factor (DJANGO_SECURE=1 turns it on; here STAFF_TWO_FACTOR=True): a
password alone opens nothing, the first sign-in enrols a phone app, codes are good once, recovery codes
stand in for a lost phone, a superuser resets a device, and the login lockout covers the second step."""

import base64
import io
import os
import re
import subprocess
import sys
import time

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from faq.models import Entry
from twofactor import services

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"  # the editor fixture's
INDEX = "/admin/"


@pytest.fixture(autouse=True)
def two_factor_required(settings):
    settings.STAFF_TWO_FACTOR = True


def code_for(key: bytes, steps_ahead: int = 0) -> str:
    totp = TOTP(key)
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def password_step(client, username="editor", password=PASSWORD, next_url=INDEX):
    return client.post(reverse("admin:login"), {"username": username, "password": password, "next": next_url})


def second_step(client, code):
    return client.post(reverse("twofactor:verify"), {"code": code})


def reaches_admin(client) -> bool:
    return client.get(INDEX).status_code == 200


@pytest.fixture
def enrolled(editor):
    device = TOTPDevice.objects.create(user=editor, name="phone app", confirmed=True)
    codes = services.new_recovery_codes(editor)
    return device, codes


def test_a_right_password_alone_does_not_open_the_admin(editor):
    client = Client()
    response = password_step(client)
    assert response.status_code == 302 and response["Location"] == reverse("twofactor:setup")
    assert not reaches_admin(client)
    assert client.get(reverse("admin:faq_entry_changelist")).status_code == 302


def test_a_session_signed_in_with_a_password_only_counts_as_not_signed_in(client, editor, enrolled):
    """E.g. a session from before DJANGO_SECURE=1: no admin, and no preview of unpublished entries."""
    entry = Entry.objects.filter(published=True).first()
    Entry.objects.filter(pk=entry.pk).update(published=False)
    client.force_login(editor)
    response = client.get(INDEX)
    assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))
    assert client.get(entry.get_absolute_url()).status_code == 404


def test_first_sign_in_enrols_a_phone_app_with_a_server_made_qr_code(editor):
    client = Client()
    password_step(client)
    page = client.get(reverse("twofactor:setup"))
    html = page.content.decode()
    # The QR code is an inline SVG made here: no image from elsewhere, no script.
    assert page.status_code == 200 and re.search(r'class="twofactor-qr"[^>]*><svg [^>]*viewBox=', html)
    assert '<rect fill="white"' in html  # its own light ground: it scans in the dark theme too
    key = re.search(r'<code id="twofactor-key">([A-Z2-7 ]+)</code>', html).group(1).replace(" ", "")
    device = TOTPDevice.objects.get(user=editor)
    assert not device.confirmed and base64.b32decode(key) == device.bin_key
    assert client.get(reverse("twofactor:setup")).content.decode().count(key[:4]) >= 1  # same key on reload
    assert TOTPDevice.objects.filter(user=editor).count() == 1

    response = client.post(reverse("twofactor:setup"), {"code": code_for(base64.b32decode(key))})
    assert response["Location"] == reverse("twofactor:recovery_codes")
    codes_page = client.get(response["Location"]).content.decode()
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", codes_page)
    assert len(codes) == 10 and sorted(codes) == sorted(
        StaticDevice.objects.get(user=editor).token_set.values_list("token", flat=True)
    )
    assert reaches_admin(client)
    # Shown once: the page now only counts them.
    assert not re.findall(r"<li><code>", client.get(reverse("twofactor:recovery_codes")).content.decode())
    device.refresh_from_db()
    assert device.confirmed

    # The next sign-in asks for the code, not for a new enrolment.
    other = Client()
    assert password_step(other)["Location"] == reverse("twofactor:verify")


def test_a_wrong_code_is_refused_and_counts_as_a_failed_login(editor, enrolled):
    device, _codes = enrolled
    client = Client()
    password_step(client)
    wrong = f"{(int(code_for(device.bin_key)) + 1) % 1000000:06d}"
    response = second_step(client, wrong)
    assert response.status_code == 200 and "errornote" in response.content.decode()
    assert not reaches_admin(client)
    assert AccessAttempt.objects.get().failures_since_start == 1


def test_right_after_a_wrong_code_even_the_right_one_waits(editor, enrolled):
    """django-otp's throttle: each wrong code doubles the wait before the next try."""
    device, _codes = enrolled
    client = Client()
    password_step(client)
    second_step(client, "000000" if code_for(device.bin_key) != "000000" else "111111")
    response = second_step(client, code_for(device.bin_key))
    assert response.status_code == 200 and not reaches_admin(client)


def test_wrong_first_code_at_enrolment_is_refused(editor):
    client = Client()
    password_step(client)
    client.get(reverse("twofactor:setup"))
    device = TOTPDevice.objects.get(user=editor)
    wrong = f"{(int(code_for(device.bin_key)) + 1) % 1000000:06d}"
    response = client.post(reverse("twofactor:setup"), {"code": wrong})
    assert response.status_code == 200 and not reaches_admin(client)
    device.refresh_from_db()
    assert not device.confirmed and not StaticDevice.objects.filter(user=editor).exists()


def test_a_code_is_good_once(editor, enrolled):
    device, _codes = enrolled
    code = code_for(device.bin_key)
    first = Client()
    password_step(first)
    assert second_step(first, code)["Location"] == INDEX
    assert reaches_admin(first)

    again = Client()
    password_step(again)
    response = second_step(again, code)
    assert response.status_code == 200 and not reaches_admin(again)
    # The app's next code is good (after the wait a wrong code costs).
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0, throttling_failure_timestamp=None)
    assert second_step(again, code_for(device.bin_key, steps_ahead=1))["Location"] == INDEX


def test_a_recovery_code_signs_in_once(editor, enrolled):
    _device, codes = enrolled
    client = Client()
    password_step(client)
    assert second_step(client, f" {codes[3][:4].upper()}-{codes[3][4:]} ")["Location"] == INDEX
    assert reaches_admin(client)
    assert StaticDevice.objects.get(user=editor).token_set.count() == 9

    again = Client()
    password_step(again)
    assert second_step(again, codes[3]).status_code == 200 and not reaches_admin(again)


def test_new_recovery_codes_replace_the_old_ones(editor, enrolled):
    device, codes = enrolled
    client = Client()
    password_step(client)
    second_step(client, code_for(device.bin_key))
    response = client.post(reverse("twofactor:recovery_codes"))
    fresh = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", client.get(response["Location"]).content.decode())
    assert len(fresh) == 10 and not set(fresh) & set(codes)
    other = Client()
    password_step(other)
    assert second_step(other, codes[0]).status_code == 200
    assert not reaches_admin(other)


def test_the_reset_command_forgets_a_lost_phone(editor, enrolled):
    device, _codes = enrolled
    signed_in = Client()
    password_step(signed_in)
    second_step(signed_in, code_for(device.bin_key))
    assert reaches_admin(signed_in)

    out = io.StringIO()
    call_command("reset_two_factor", "editor", stdout=out)
    assert "2 two-factor device(s) removed" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert not StaticDevice.objects.filter(user=editor).exists()
    assert not reaches_admin(signed_in)  # the session verified by the lost phone no longer counts
    assert password_step(Client())["Location"] == reverse("twofactor:setup")

    with pytest.raises(CommandError):
        call_command("reset_two_factor", "nobody")


def test_wrong_codes_lock_the_name_out_like_wrong_passwords(editor, enrolled):
    device, _codes = enrolled
    client = Client()
    password_step(client)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0, throttling_failure_timestamp=None)
        assert second_step(client, "000000" if code_for(device.bin_key) != "000000" else "111111").status_code == 200
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0, throttling_failure_timestamp=None)
    assert second_step(client, "000000" if code_for(device.bin_key) != "000000" else "111111").status_code == 429
    # Locked: the right password and then the right code no longer sign in from this address.
    assert password_step(Client()).status_code == 429
    assert second_step(client, code_for(device.bin_key)).status_code == 302  # back to the password step
    assert not reaches_admin(client)


def test_wrong_passwords_still_lock_out(editor, enrolled):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        password_step(client, password="wrong")
    assert password_step(client).status_code == 429


def test_an_unsafe_next_lands_on_the_admin_index_and_a_safe_one_is_followed(editor, enrolled):
    device, _codes = enrolled
    target = reverse("admin:faq_entry_changelist")
    for next_url, landing, steps in (("https://evil.example/", INDEX, 0), (target, target, 1)):
        TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)
        client = Client()
        password_step(client, next_url=next_url)
        assert second_step(client, code_for(device.bin_key, steps_ahead=steps))["Location"] == landing


def test_the_second_step_expires(editor, enrolled):
    device, _codes = enrolled
    client = Client()
    password_step(client)
    session = client.session
    session[services.PENDING_KEY]["since"] -= services.PENDING_SECONDS + 1
    session.save()
    response = second_step(client, code_for(device.bin_key))
    assert response["Location"] == reverse("admin:login") and not reaches_admin(client)


def test_the_second_step_needs_the_password_step_first(editor, enrolled):
    for name in ("twofactor:verify", "twofactor:setup", "twofactor:recovery_codes"):
        assert Client().get(reverse(name))["Location"] == reverse("admin:login")


@pytest.mark.parametrize(
    ("language", "setup_title", "verify_title"),
    [
        ("kk", "Кірудің екінші қадамын баптау", "Кірудің екінші қадамы"),
        ("ru", "Настройка второго шага входа", "Второй шаг входа"),
    ],
)
def test_the_pages_speak_kazakh_and_russian(editor, language, setup_title, verify_title):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    password_step(client)
    assert setup_title in client.get(reverse("twofactor:setup")).content.decode()
    device = TOTPDevice.objects.get(user=editor)
    client.post(reverse("twofactor:setup"), {"code": code_for(device.bin_key)})
    assert "Authenticator" not in client.get(reverse("twofactor:recovery_codes")).content.decode()
    other = Client(HTTP_ACCEPT_LANGUAGE=language)
    password_step(other)
    assert verify_title in other.get(reverse("twofactor:verify")).content.decode()


def test_without_it_a_password_signs_in_as_before(settings, editor):
    settings.STAFF_TWO_FACTOR = False
    client = Client()
    assert password_step(client)["Location"] == INDEX and reaches_admin(client)
    assert Client().get(reverse("twofactor:verify"))["Location"] == reverse("admin:login")


@pytest.mark.parametrize(
    ("env", "required"),
    [({}, "False"), ({"DJANGO_SECURE": "1"}, "True"), ({"DJANGO_STAFF_TWO_FACTOR": "1"}, "True")],
    ids=["local", "secure", "opted-in"],
)
def test_production_requires_it_and_a_local_run_does_not(env, required):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    result = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; print(settings.STAFF_TWO_FACTOR)"],
        cwd=settings.BASE_DIR,
        env={**clean, "DJANGO_SETTINGS_MODULE": "otandastar.settings", "DJANGO_SECRET_KEY": "x" * 50, **env},
        capture_output=True,
        text=True,
    )
    assert result.stdout.strip() == required, result.stderr
