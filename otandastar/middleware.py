"""Middleware that spans the apps: request ids, security headers, CSP, a friendly 503, and the
client's address behind the proxy."""

import contextvars
import functools
import ipaddress
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


@functools.cache
def _networks(allowed: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(item) for item in allowed if item != "*")


def _from_trusted_proxy(remote_addr: str) -> bool:
    """Whether gunicorn trusts the peer (FORWARDED_ALLOW_IPS, checked the way gunicorn checks it)."""
    allowed = tuple(settings.FORWARDED_ALLOW_IPS)
    if "*" in allowed or not remote_addr:  # no address: a unix socket, which gunicorn trusts too
        return True
    try:
        address = ipaddress.ip_address(remote_addr)
    except ValueError:
        return False
    return any(address in network for network in _networks(allowed))


def client_ip(request) -> str | None:
    """The visitor's address for the login lockout (AXES_CLIENT_IP_CALLABLE).

    The proxy's X-Real-IP only when the request comes from a trusted proxy: anyone else could name
    someone else's address and lock them out. Anything but one plain address is ignored.
    """
    remote_addr = request.META.get("REMOTE_ADDR", "")
    forwarded = request.META.get("HTTP_X_REAL_IP", "").strip()
    if forwarded and _from_trusted_proxy(remote_addr):
        try:
            address = ipaddress.ip_address(forwarded)
        except ValueError:
            address = None
        if address is not None and not getattr(address, "scope_id", None):
            # One client, one key: an IPv4 client on an IPv6 socket counts as its IPv4 address.
            return str(getattr(address, "ipv4_mapped", None) or address)
    return remote_addr or None
