"""Settings for Otandastar, read from the environment.

Local defaults are safe for `make run`; the production set is documented in README.
"""

import ipaddress
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("OTANDASTAR_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG:
        SECRET_KEY = "insecure-development-key-only-for-debug"
    else:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it in the environment "
            "(`make run` creates and keeps a local one in var/secret_key)."
        )

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")

INSTALLED_APPS = [
    # modeltranslation must come before the admin so it can patch model admins.
    "modeltranslation",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    # Third party
    "csp",
    "simple_history",
    "import_export",
    "django_prose_editor",
    "axes",
    "solo",
    # Local
    "otandastar",
    "editing",
    "faq",
    "clinics",
    "search",
    "scripts",
    "journeys",
    "contacts",
    "feedback",
]

MIDDLEWARE = [
    "otandastar.middleware.RequestIdMiddleware",
    # 304s on revalidation, for pages from the page cache and rendered ones alike.
    "django.middleware.http.ConditionalGetMiddleware",
    # Counts searches, also those the page cache answers (so it sits above it).
    "search.statistics.SearchStatisticsMiddleware",
    # Public pages: a hit is answered here, with the headers the middleware below added when the
    # page was stored (security headers, CSP, gzip).
    "otandastar.pagecache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "otandastar.middleware.SecurityHeadersMiddleware",
    "otandastar.middleware.SiteCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compressed once, then cached compressed (the page cache keys on gzip support).
    "django.middleware.gzip.GZipMiddleware",
    # Kazakh in Arabic script and Latin: the whole Kazakh page transliterated (cached as such).
    "scripts.middleware.TransliterationMiddleware",
    "otandastar.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records who made each change (django-simple-history).
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: refuses logins from locked-out username/address pairs.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "otandastar.urls"
WSGI_APPLICATION = "otandastar.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "otandastar.context_processors.site",
            ],
        },
    },
]

# SQLite under var/ by default; DATABASE_URL (e.g. postgres://user:pw@host/db) overrides it.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'otandastar.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets readers (several gunicorn workers) proceed while an editor saves.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;")
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
    # A writer waits for another's transaction (a large spreadsheet import writes for several seconds)
    # instead of failing after SQLite's 5 s with "database is locked"; below gunicorn's 30 s timeout.
    DATABASES["default"]["OPTIONS"].setdefault("timeout", int(os.environ.get("DJANGO_SQLITE_TIMEOUT", "20")))
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first: it counts failed admin logins and locks out password guessing.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours; then the account can be tried again
# Lock the username from that address only: a guesser cannot lock an editor out from everywhere.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# A lock lasts AXES_COOLOFF_TIME from the failure that set it; tries while locked do not extend it.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_VERBOSE = False
# Behind nginx every request comes from the proxy: the visitor's address is its X-Real-IP, believed
# only from the proxies gunicorn trusts (the same FORWARDED_ALLOW_IPS, the same default).
AXES_CLIENT_IP_CALLABLE = "otandastar.middleware.client_ip"
FORWARDED_ALLOW_IPS = env_list("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
for _proxy in FORWARDED_ALLOW_IPS:
    try:
        if _proxy != "*":
            ipaddress.ip_network(_proxy)  # a typo stops the start, as in gunicorn
    except ValueError:
        raise ImproperlyConfigured(
            f"FORWARDED_ALLOW_IPS: {_proxy!r} is not an address or network (e.g. 10.0.0.5 or 10.0.0.0/24)."
        ) from None
# After signing in (also when `next` points off the site), editors land on the admin's index.
LOGIN_REDIRECT_URL = "admin:index"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Kazakh is the default and the source language of the content.
# "kk", not "kk-kz": LANG_INFO knows "kk", and the code leaks into <html lang> and hreflang.
LANGUAGE_CODE = "kk"
LANGUAGES = [
    ("kk", "Қазақша"),
    ("ru", "Русский"),
    # Kazakh in Arabic script (төте жазу) and Latin (2021), generated from the Kazakh: scripts/.
    ("kk-arab", "قازاقشا"),
    ("kk-latn", "Qazaqşa"),
]
# Our UI strings first, then our completion of Django's own Kazakh catalog (about half done upstream).
LOCALE_PATHS = [BASE_DIR / "otandastar" / "locale", BASE_DIR / "otandastar" / "locale_django"]
# Django has no Kazakh format module; ours lives in otandastar/formats/kk.
FORMAT_MODULE_PATH = ["otandastar.formats"]
LANGUAGE_COOKIE_NAME = "lang"
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
USE_I18N = True
TIME_ZONE = "Asia/Almaty"
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "kk"
# The languages content is written in: translated fields, search documents and seed files follow it.
# (kk-arab and kk-latn show the kk fields: modeltranslation maps them to "kk".)
MODELTRANSLATION_LANGUAGES = ("kk", "ru")
# An empty Russian field falls back to Kazakh (the page then shows a "translation pending" note).
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("kk",)}

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Caches: a shared cache is what lets every worker and app server see an editor's change at once
# (otandastar.pagecache). One machine: a file cache (default). Several: CACHE_URL=redis://host:6379/0.
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}}
elif CACHE_URL.startswith("locmem://"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": CACHE_URL.removeprefix("file://") or str(VAR_DIR / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# Sessions (editors only) live in the database, so app servers keep no state of their own.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# A working day from signing in (10 hours), then sign in again: a forgotten or stolen session ends
# the same day. Counted from login, not renewed by each request (SESSION_SAVE_EVERY_REQUEST): that
# would let a session in use live forever and write it to the database on every admin page.
SESSION_COOKIE_AGE = int(float(os.environ.get("DJANGO_SESSION_HOURS", "10")) * 60 * 60)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# DJANGO_SECURE=1: HTTPS only, behind a TLS-terminating proxy that sets X-Forwarded-Proto (for gunicorn).
if env_bool("DJANGO_SECURE", False):
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(365 * 24 * 60 * 60)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    # The scheme is gunicorn's (wsgi.url_scheme), set from X-Forwarded-Proto only for peers in
    # FORWARDED_ALLOW_IPS; SECURE_PROXY_SSL_HEADER would believe the header from anyone reaching the port.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain HTTP
CSRF_TRUSTED_ORIGINS = env_list(
    "DJANGO_CSRF_TRUSTED_ORIGINS",
    ",".join(f"https://{host}" for host in ALLOWED_HOSTS if host and not host.startswith((".", "[", "*"))),
)

# Content-Security-Policy (django-csp): only this site's own files, no inline script or style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Editors' tools. Spreadsheet import/export: CSV and XLSX only, all-or-nothing in one transaction.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "change"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
# = + - @ tab CR get an apostrophe, control characters become U+FFFD (clinics.resources, on this hook).
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = True
# An upload waits for its confirmation in the shared cache under a random name, and expires.
IMPORT_EXPORT_TMP_STORAGE_CLASS = "clinics.resources.UploadStorage"
SPREADSHEET_IMPORT_LIFETIME = 2 * 60 * 60  # seconds
SPREADSHEET_IMPORT_MAX_BYTES = 2 * 2**20
SPREADSHEET_IMPORT_MAX_UNPACKED_BYTES = 20 * 2**20  # an XLSX is a zip: its contents unpacked
SPREADSHEET_IMPORT_MAX_ROWS = 5000
SPREADSHEET_IMPORT_MAX_CELL_CHARS = 1000
# History: editors revert with the change permission of the content model itself.
SIMPLE_HISTORY_REVERT_DISABLED = False

# Admin lives under a configurable path (default "admin/").
ADMIN_PATH = os.environ.get("DJANGO_ADMIN_PATH", "admin/").strip("/") + "/"

SITE_NAME = _("Otandastar")

# One line per event to stdout with the request id; errors carry their traceback. No personal data:
# gunicorn's access log (gunicorn.conf.py) leaves out addresses and query strings.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "otandastar.middleware.RequestIdLogFilter"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["request_id"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # 404s are not errors worth a line each; 5xx are logged with their traceback.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}

# Two-factor sign-in for staff (twofactor app, django-otp): with DJANGO_SECURE=1 a password alone no
# longer opens the admin; a code from a phone app (TOTP) or a recovery code is asked for after it.
# DJANGO_STAFF_TWO_FACTOR=1 turns it on without DJANGO_SECURE (to try it locally).
INSTALLED_APPS += ["django_otp", "django_otp.plugins.otp_totp", "django_otp.plugins.otp_static", "twofactor"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "twofactor.middleware.StaffTwoFactorMiddleware",
)
STAFF_TWO_FACTOR = env_bool("DJANGO_SECURE", False) or env_bool("DJANGO_STAFF_TWO_FACTOR", False)
OTP_TOTP_ISSUER = "Otandastar"

# Backups (backups app): manage.py backup_database / restore_database; README "Backups".
INSTALLED_APPS += ["backups"]

# Readers' "Was this page useful?" answers (feedback.guard explains the checks that replace a CSRF token).
FEEDBACK_RATE_LIMIT = int(os.environ.get("FEEDBACK_RATE_LIMIT", "20"))  # posts per client address…
FEEDBACK_RATE_WINDOW = int(os.environ.get("FEEDBACK_RATE_WINDOW", "600"))  # …in this many seconds
FEEDBACK_MIN_SECONDS = 3  # a comment sent sooner after its form was shown is a bot's
FEEDBACK_COMMENT_MAX_AGE = 24 * 60 * 60  # seconds the comment form stays good after the Yes/No answer
