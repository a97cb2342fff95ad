"""The suite runs on the cache it is given: with CACHE_URL=redis://… (CI's PostgreSQL pass) the page
cache, the content version and the spreadsheet uploads of every test live in that Redis."""

import os

import pytest
import redis
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

from otandastar import pagecache

pytestmark = pytest.mark.django_db

CACHE_URL = os.environ.get("CACHE_URL", "")


def test_the_suite_uses_the_configured_cache(client):
    client.get("/kk/faq/jsn/")
    version = pagecache.content_version()
    if CACHE_URL.startswith("redis://"):
        assert isinstance(caches["default"], RedisCache)
        server = redis.Redis.from_url(CACHE_URL)
        assert server.keys("*otandastar:page:*"), "the page was not stored in the configured Redis"
        server.flushdb()  # another process empties it: this process must see that
        assert pagecache.content_version() != version
    else:
        assert isinstance(caches["default"], LocMemCache)  # each test process its own
