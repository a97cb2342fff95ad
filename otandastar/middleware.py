"""Middleware that spans the apps: request ids, security headers, CSP, and a friendly 503."""

import contextvars
import logging
import re
import uuid

from csp.constants import HEADER
from csp.middleware import CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponse

request_id_var = contextvars.ContextVar("request_id", default="-")
logger = logging.getLogger(__name__)
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class RequestIdMiddleware:
    """Give every request an id (or keep a proxy's X-Request-ID), for the logs and the response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _SAFE_ID.match(incoming) else uuid.uuid4().hex
        token = request_id_var.set(request_id)
        request.request_id = request_id
        try:
            response = self.get_response(request)
        finally:
            request_id_var.reset(token)
        response["X-Request-ID"] = request_id
        return response


class RequestIdLogFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id_var.get()
        return True


class SecurityHeadersMiddleware:
    """Headers Django's SecurityMiddleware does not set."""

    PERMISSIONS_POLICY = (
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
        "microphone=(), payment=(), usb=(), interest-cohort=()"
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp with the policy built once, not per response (it cost a quarter of a cached hit).

    The admin (Django's own templates) may also use inline style attributes. Responses that
    ask for their own policy (csp decorators) or use a nonce go through django-csp as usual.
    """

    def __init__(self, get_response):
        super().__init__(get_response)
        self.site_policy = build_policy()
        self.admin_policy = build_policy(update={"style-src": ["'unsafe-inline'"]})
        self.admin_prefix = f"/{settings.ADMIN_PATH}"

    def process_response(self, request, response):
        custom = any(
            getattr(response, name, None) for name in ("_csp_config", "_csp_update", "_csp_replace", "_csp_exempt")
        )
        if custom or getattr(request, "_csp_nonce", None) or HEADER in response:
            return super().process_response(request, response)
        is_admin = request.path_info.startswith(self.admin_prefix)
        response[HEADER] = self.admin_policy if is_admin else self.site_policy
        return response


class DatabaseUnavailableMiddleware:
    """With the database down, answer 503 with a friendly page in the visitor's language.

    (Pages already in the page cache are still served: the cache sits in front of this.)
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DatabaseError):
            return None
        logger.error("database unavailable", exc_info=exception)
        return unavailable_response(request)


def unavailable_response(request) -> HttpResponse:
    # Imported here: logging loads this module (RequestIdLogFilter) before the apps are ready.
    from otandastar.views import error_page_html

    response = HttpResponse(error_page_html(request, unavailable=True), status=503)
    response["Retry-After"] = "60"
    response["Cache-Control"] = "no-store"
    return response
