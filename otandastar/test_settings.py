"""Test settings: the real settings with fast hashing and plain static storage."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-secret-key")

from otandastar.settings import *  # noqa: E402,F403

# The manifest storage needs collectstatic; tests render templates without it.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Each test process has its own cache; tests that need a shared one build it themselves. With
# CACHE_URL=redis://… (CI's PostgreSQL pass: a throwaway Redis, emptied before each test) the suite
# runs on that Redis instead, as production does.
if not CACHE_URL.startswith(("redis://", "rediss://")):  # noqa: F405
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Search statistics are written at once (production buffers them for a few seconds).
SEARCH_LOG_FLUSH_SECONDS = 0
