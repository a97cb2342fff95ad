"""django-otp's middleware (request.user.is_verified()), stricter when staff need two factors."""

from django.contrib.auth.models import AnonymousUser
from django_otp.middleware import OTPMiddleware

from . import selectors


class StaffTwoFactorMiddleware(OTPMiddleware):
    """With two-factor sign-in required, a session signed in without the second factor (e.g. one from
    before DJANGO_SECURE=1, or whose device was reset) counts as not signed in: no admin, no previews."""

    def _verify_user_sync(self, request, user):
        return self._strict(super()._verify_user_sync(request, user))

    async def _verify_user_async_via_auser(self, request, auser):
        return self._strict(await super()._verify_user_async_via_auser(request, auser))

    def _strict(self, user):
        if selectors.required() and user.is_authenticated and not user.is_verified():
            anonymous = AnonymousUser()
            self._init_user_fields(anonymous)
            return anonymous
        return user
