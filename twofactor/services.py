"""Writes: the second step of a staff sign-in, enrolment, recovery codes and the reset of a lost device.

Between the password and the second factor nobody is signed in: the session only remembers, for a few
minutes, whose password was right (PENDING_KEY). The sign-in happens once the code is right.
"""

import time

from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import selectors

PENDING_KEY = "twofactor_pending"
PENDING_SECONDS = 10 * 60
FRESH_CODES_KEY = "twofactor_fresh_recovery_codes"
RECOVERY_CODE_COUNT = 10


class CodeRefused(Exception):
    """reason: "wrong" (wrong, expired or already used) or "wait" (too many wrong codes just now)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def begin(request, user, next_url: str) -> None:
    """The password was right: remember whose, not signed in yet (a new session key, as at a sign-in)."""
    request.session.cycle_key()
    request.session[PENDING_KEY] = {"user": user.pk, "backend": user.backend, "next": next_url, "since": time.time()}


def pending_user(request):
    """The staff member whose password was right in this session in the last PENDING_SECONDS, or None."""
    data = request.session.get(PENDING_KEY)
    if not isinstance(data, dict) or time.time() - float(data.get("since", 0)) > PENDING_SECONDS:
        drop(request)
        return None
    return get_user_model().objects.filter(pk=data.get("user"), is_active=True, is_staff=True).first()


def drop(request) -> None:
    request.session.pop(PENDING_KEY, None)


def _credentials(user) -> dict:
    return {"username": user.get_username()}


def is_locked_out(request, user) -> bool:
    """The password lockout (django-axes) covers the second step too: same name, same address."""
    return AxesProxyHandler.is_locked(request, _credentials(user))


def record_failure(request, user) -> None:
    """A wrong code counts as a failed login towards the lockout (django-axes listens to this signal)."""
    user_login_failed.send(sender=__name__, credentials=_credentials(user), request=request)


def enrolment_device(user) -> TOTPDevice:
    """The phone-app key being set up: kept until confirmed, so reloading the page shows the same QR code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name="phone app", confirmed=False)


def _normalized(code: str) -> str:
    return "".join(code.split()).replace("-", "").lower()


def check_code(user, code: str, device=None):
    """The device the code belongs to (a six-digit code: the phone app; otherwise a recovery code, used up
    by this check), or CodeRefused. A code is good once: the phone app's by its time step."""
    code = _normalized(code)
    if device is None:
        device = selectors.phone_app(user) if code.isdigit() else selectors.recovery_codes(user)
    if device is None or not code:
        raise CodeRefused("wrong")
    # One check at a time per device, so the same code sent twice at once is accepted once.
    with transaction.atomic():
        device = type(device).objects.select_for_update().get(pk=device.pk)
        allowed, _extra = device.verify_is_allowed()
        good = allowed and device.verify_token(code)
    # Outside the transaction block, so the failure count django-otp saved is kept.
    if not allowed:
        raise CodeRefused("wait")
    if not good:
        raise CodeRefused("wrong")
    return device


def sign_in(request, user, device) -> str:
    """Both factors are right: sign in (new session key) and remember the device. Returns where to go."""
    data = request.session.get(PENDING_KEY) or {}
    user.otp_device = device  # django-otp's user_logged_in receiver keeps it in the new session
    auth_login(request, user, backend=data.get("backend"))
    drop(request)
    return data.get("next") or ""


@transaction.atomic
def new_recovery_codes(user) -> list[str]:
    """Ten new single-use codes; the old ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def finish_enrolment(request, user, device) -> str:
    """The first code from the phone app was right: the app counts from now on, recovery codes are made
    (shown once, on the next page) and the staff member is signed in."""
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        codes = new_recovery_codes(user)
    next_url = sign_in(request, user, device)
    request.session[FRESH_CODES_KEY] = codes
    return next_url


def take_fresh_codes(request) -> list[str]:
    return request.session.pop(FRESH_CODES_KEY, None) or []


def keep_fresh_codes(request, codes: list[str]) -> None:
    request.session[FRESH_CODES_KEY] = codes


@transaction.atomic
def reset(user) -> int:
    """Forget a staff member's phone app and recovery codes (a lost phone): they enrol again at their next
    sign-in, and sessions verified with the old device no longer count. Returns the devices removed."""
    removed = 0
    for model in (TOTPDevice, StaticDevice):
        removed += model.objects.filter(user=user).delete()[1].get(model._meta.label, 0)
    return removed
