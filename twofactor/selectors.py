"""Reads: whether staff need a second factor, and which devices a user has."""

from django.conf import settings
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice


def required() -> bool:
    """Staff sign in with a second factor in production (DJANGO_SECURE=1); not in a local `make run`."""
    return bool(getattr(settings, "STAFF_TWO_FACTOR", False))


def phone_app(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def recovery_codes(user) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def is_enrolled(user) -> bool:
    return phone_app(user) is not None


def remaining_recovery_codes(user) -> int:
    device = recovery_codes(user)
    return device.token_set.count() if device else 0
