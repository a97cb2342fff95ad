"""On SQLite, a save made while another transaction writes waits for it instead of failing."""

import os
import sqlite3
import subprocess
import sys
import threading

from django.conf import settings

SAVE = """
import django, os, time
django.setup()
from django.db import connection
connection.ensure_connection()
print("ready", flush=True)
started = time.monotonic()
with connection.cursor() as cursor:
    cursor.execute("INSERT INTO t VALUES (1)")
print(round(time.monotonic() - started, 1))
"""


def test_a_writer_waits_longer_than_sqlites_default_five_seconds(tmp_path):
    database = tmp_path / "site.sqlite3"
    holder = sqlite3.connect(database, check_same_thread=False, isolation_level=None)
    holder.execute("PRAGMA journal_mode=WAL")  # as the site runs it
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")  # an import's write transaction
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "otandastar.settings",
        "DJANGO_SECRET_KEY": "sqlite-writers-test",
        "OTANDASTAR_VAR_DIR": str(tmp_path),
    }
    writer = subprocess.Popen(
        [sys.executable, "-c", SAVE],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout.readline().strip() == "ready"  # connected; its write comes next
    release = threading.Timer(6, lambda: holder.execute("COMMIT"))  # longer than SQLite's default 5 s
    release.start()
    out, err = writer.communicate(timeout=60)
    release.join()
    assert writer.returncode == 0, err[-2000:]  # not "database is locked"
    assert float(out.split()[-1]) >= 5.5  # it waited for the other transaction to end
    assert holder.execute("SELECT count(*) FROM t").fetchone() == (1,)
