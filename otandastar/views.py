"""Views that span the apps: home, language choice, health, robots.txt and error pages."""

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, HttpResponseRedirect, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from clinics import selectors as clinic_selectors
from faq import selectors as faq_selectors
from journeys import selectors as journey_selectors
from scripts import languages as scripts
from search.forms import SearchForm


def root_redirect(request):
    """`/` → the visitor's language: the language cookie first, then Accept-Language, else Kazakh.

    Accept-Language also picks the script of Kazakh (kk-Arab and kk-CN: Arabic, kk-Latn: Latin), and
    a browser that asks for Chinese first and neither Kazakh nor Russian gets the Kazakh home page
    with an offer of the Arabic script (scripts.languages.language_from_accept).
    """
    language, offer = None, False
    if settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
        language, offer = scripts.language_from_accept(request.META.get("HTTP_ACCEPT_LANGUAGE", ""))
    language = language or translation.get_language_from_request(request, check_path=False)
    with translation.override(language):
        response = HttpResponseRedirect(reverse("home") + ("?offer=arab" if offer else ""))
    patch_vary_headers(response, ("Cookie", "Accept-Language"))
    return response


def switch_language(request, code):
    """Remember the chosen language in a cookie and go to the same page in it.

    The switcher links here with `next` already translated (see otandastar.context_processors),
    so no POST, CSRF token or JavaScript is needed.
    """
    if code not in dict(settings.LANGUAGES):
        code = settings.LANGUAGE_CODE
    target = request.GET.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    # Admin pages have no language prefix: the cookie alone chooses their language.
    if not (safe and (target.startswith(f"/{code}/") or target.startswith(f"/{settings.ADMIN_PATH}"))):
        with translation.override(code):
            target = reverse("home")
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=request.is_secure(),
    )
    return response


def home(request):
    return render(
        request,
        "otandastar/home.html",
        {
            "form": SearchForm(),
            "topics": faq_selectors.topics_with_counts(),
            "quota_year": clinic_selectors.get_quota_year(),
            # The one-line offer of the Arabic script for a first visit from a Chinese-language browser.
            "script_offer": request.GET.get("offer") == "arab" and translation.get_language() == "kk",
            "journey": journey_selectors.lead_journey(),
        },
    )


def healthz(request):
    """For load balancers: 200 when the database and the cache answer, else 503."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except Exception as error:  # any failure means "not healthy", never a traceback
        checks["database"] = type(error).__name__
    try:
        cache.set("otandastar:healthz", "ok", 10)
        checks["cache"] = "ok" if cache.get("otandastar:healthz") == "ok" else "no answer"
    except Exception as error:
        checks["cache"] = type(error).__name__
    healthy = all(value == "ok" for value in checks.values())
    response = JsonResponse({"status": "ok" if healthy else "unavailable", **checks}, status=200 if healthy else 503)
    response["Cache-Control"] = "no-store"
    return response


def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: /{settings.ADMIN_PATH}",
        "Disallow: /language/",
        *(f"Disallow: /{code}/search/" for code, _name in settings.LANGUAGES),
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    return render(request, "404.html", {"breadcrumbs": [(_("Page not found"), None)]}, status=404)


def server_error(request):
    try:
        html = error_page_html(request)
    except Exception:  # pragma: no cover - last resort
        html = "<h1>500</h1>"
    return HttpResponseServerError(html)


def error_page_html(request, **context) -> str:
    """The error page in the language of the address, rendered without context processors or
    database access: the error may be the database itself."""
    language = translation.get_language_from_path(request.path_info) or translation.get_language()
    with translation.override(language):
        return loader.get_template("error.html").render(
            {"LANGUAGE_CODE": language, "home_url": f"/{language}/", **context}
        )
