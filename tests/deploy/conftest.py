"""The production stack for the tests in this folder, started once per session.

Database: the pass's own kind. On PostgreSQL (CI's second pass) a database of its own on the same
server, on SQLite a file; prepared as `make setup` does it (migrate, load_content, collectstatic).
Cache: a throwaway redis-server of these tests, in both passes, because they stop and restart it (the
rest of the suite on PostgreSQL runs on the pass's own Redis, which must stay up).
Two gunicorn app servers share both, as in production (DJANGO_SECURE=1, behind a proxy).

Without redis-server or nginx these tests skip locally and fail under CI=true, where they must run.
"""

import os
import secrets
import shutil
import subprocess
import sys

import pytest
from django.conf import settings

from bench import nginx as nginx_tools
from tests.deploy.stack import (
    EDITOR,
    ENROL_EDITOR,
    PostgresDatabase,
    RedisServer,
    Site,
    production_env,
    start_app_server,
)


def _require(reason):
    if reason is None:
        return
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(reason + "; the deployment tests must run in CI", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    _require(
        None if shutil.which("redis-server") else "redis-server is not installed (Debian: apt-get install redis-server)"
    )
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    if server.process.poll() is None:
        server.stop()


@pytest.fixture(scope="session")
def site(tmp_path_factory, redis_server):
    folder = tmp_path_factory.mktemp("site")
    folder.chmod(0o755)  # nginx's workers read the static files
    database = None
    pass_url = os.environ.get("DATABASE_URL", "")
    if pass_url.startswith(("postgres://", "postgresql://")):
        database = PostgresDatabase(pass_url, f"otandastar_deploy_{secrets.token_hex(4)}")
        database.create()
        database_url = database.url
    else:
        database_url = f"sqlite:///{folder / 'site.sqlite3'}"
    site = Site(folder, production_env(folder, database_url, redis_server.url), folder / "staticfiles")
    try:
        # collectstatic (compressing every file, the slowest step) alongside migrate and load_content.
        static = subprocess.Popen(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
            cwd=settings.BASE_DIR,
            env=site.env,
        )
        for step in (["migrate", "--noinput"], ["load_content"]):
            site.manage(*step, "--verbosity", "0")
        assert static.wait() == 0, "collectstatic failed"
        site.manage(
            "createsuperuser",
            "--noinput",
            "--username",
            EDITOR[0],
            "--email",
            "deploy-editor@example.org",
            env={"DJANGO_SUPERUSER_PASSWORD": EDITOR[1]},
        )
        site.manage("shell", "-c", ENROL_EDITOR)  # production's second step of signing in (twofactor)
        yield site
    finally:
        for server in site.servers:
            if server.process.poll() is None:
                server.stop()
        if database:
            database.drop()


@pytest.fixture(scope="session")
def app_servers(site):
    """Two app servers sharing the database and Redis (each with gunicorn's 2 workers)."""
    servers = [start_app_server(site, "a"), start_app_server(site, "b")]
    site.servers.extend(servers)
    return servers


@pytest.fixture(scope="session")
def nginx(app_servers, site, tmp_path_factory):
    _require(nginx_tools.available())
    folder = tmp_path_factory.mktemp("nginx")
    folder.chmod(0o755)
    with nginx_tools.nginx(
        folder, upstreams=[server.address for server in app_servers], static_root=str(site.static_root)
    ) as server:
        yield server
