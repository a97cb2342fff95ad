"""Staff sign-in with a second factor (required when selectors.required(), i.e. DJANGO_SECURE=1).

login: the admin's password form; right password -> verify (or setup on first sign-in). verify: a code
from the phone app or a recovery code. setup: QR code and key for the phone app, then its first code.
recovery_codes: the ten codes, shown once after enrolment; new ones on request.
"""

import base64

from axes.helpers import get_lockout_response
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters

from . import qr, selectors, services
from .forms import CodeForm


class PasswordStep(LoginView):
    """The admin's login form; a right password starts the second step instead of signing in."""

    authentication_form = AdminAuthenticationForm
    template_name = "admin/login.html"

    def form_valid(self, form):
        user = form.get_user()
        services.begin(self.request, user, self.get_success_url())
        return redirect("twofactor:verify" if selectors.is_enrolled(user) else "twofactor:setup")


def login(request):
    if not selectors.required():
        return admin.site.login(request)
    if request.method == "GET" and admin.site.has_permission(request):
        return redirect("admin:index")
    # The context the admin's own login view gives its template.
    context = {
        **admin.site.each_context(request),
        "title": _("Log in"),
        "subtitle": None,
        "app_path": request.get_full_path(),
        "username": request.user.get_username(),
    }
    if REDIRECT_FIELD_NAME not in request.GET and REDIRECT_FIELD_NAME not in request.POST:
        context[REDIRECT_FIELD_NAME] = reverse("admin:index")
    request.current_app = admin.site.name
    return PasswordStep.as_view(extra_context=context)(request)


def _page(request, template, **context):
    return render(request, template, {**admin.site.each_context(request), **context})


def _second_step(view):
    """For the pending staff member only; the lockout applies here as at the password."""

    @never_cache
    @sensitive_post_parameters()
    @csrf_protect
    def wrapper(request):
        user = services.pending_user(request) if selectors.required() else None
        if user is None:
            return redirect("admin:login")
        if services.is_locked_out(request, user):
            services.drop(request)
            return get_lockout_response(request, None, {"username": user.get_username()})
        return view(request, user)

    return wrapper


def _refused(request, user, form, error):
    """The form again with the reason; a wrong code counts towards the lockout."""
    if error.reason == "wait":
        form.add_error("code", _("Too many wrong codes in a row. Wait a moment, then try again."))
        return None
    services.record_failure(request, user)
    if getattr(request, "axes_locked_out", False):
        services.drop(request)
        return get_lockout_response(request, None, {"username": user.get_username()})
    form.add_error("code", _("This code is not right or has already been used. Enter a new code."))
    return None


@_second_step
def verify(request, user):
    if not selectors.is_enrolled(user):
        return redirect("twofactor:setup")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device = services.check_code(user, form.cleaned_data["code"])
        except services.CodeRefused as error:
            if locked := _refused(request, user, form, error):
                return locked
        else:
            return redirect(services.sign_in(request, user, device) or "admin:index")
    return _page(request, "twofactor/verify.html", form=form, title=_("Second step of signing in"))


@_second_step
def setup(request, user):
    if selectors.is_enrolled(user):
        return redirect("twofactor:verify")
    device = services.enrolment_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device = services.check_code(user, form.cleaned_data["code"], device=device)
        except services.CodeRefused as error:
            if locked := _refused(request, user, form, error):
                return locked
        else:
            services.finish_enrolment(request, user, device)
            return redirect("twofactor:recovery_codes")
    key = base64.b32encode(device.bin_key).decode()
    return _page(
        request,
        "twofactor/setup.html",
        form=form,
        title=_("Set up the second step of signing in"),
        qr_svg=qr.svg(device.config_url),
        key=" ".join(key[i : i + 4] for i in range(0, len(key), 4)),
    )


@never_cache
@csrf_protect
def recovery_codes(request):
    """Fresh codes once (after enrolment or on request); otherwise how many are left and a button."""
    if not (selectors.required() and admin.site.has_permission(request)):
        return redirect("admin:login")
    if request.method == "POST":
        services.keep_fresh_codes(request, services.new_recovery_codes(request.user))
        return redirect("twofactor:recovery_codes")
    return _page(
        request,
        "twofactor/recovery_codes.html",
        title=_("Recovery codes"),
        codes=services.take_fresh_codes(request),
        remaining=selectors.remaining_recovery_codes(request.user),
    )
