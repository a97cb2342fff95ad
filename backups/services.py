"""Backups of the whole database (content, its history, the visitor-search log, accounts) and their
restore into an empty database. SQLite: its online backup API (a consistent copy while the site runs).
PostgreSQL: pg_dump's custom format, restored with pg_restore in one transaction.

A backup is written to a temporary name first and renamed when complete, so a file with the
backup's name is always a whole backup.
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection

from otandastar import pagecache


class BackupError(Exception):
    pass


def vendor() -> str:
    return connection.vendor


def _is_empty() -> bool:
    return not connection.introspection.table_names()


def backup(path: Path) -> Path:
    path = Path(path)
    if path.exists():
        raise BackupError(f"{path} already exists; choose a new file name (backups are never overwritten).")
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        if vendor() == "sqlite":
            _sqlite_backup(partial)
        elif vendor() == "postgresql":
            _pg(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={partial}"])
        else:
            raise BackupError(f"No backup for the {vendor()} database.")
        partial.rename(path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def restore(path: Path) -> None:
    """Into the configured database, which must be empty (a new database: see README)."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path}: no such backup file.")
    connection.ensure_connection()
    if not _is_empty():
        raise BackupError(
            "The database is not empty: restore into a new, empty database (README: Backups), "
            "so that nothing that is there now is lost."
        )
    if vendor() == "sqlite":
        _sqlite_restore(path)
    elif vendor() == "postgresql":
        _pg(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", str(path)])
    else:
        raise BackupError(f"No restore for the {vendor()} database.")
    connection.close()
    # Pages cached before the restore are not served for the restored content.
    pagecache.bump_content_version()


def _sqlite_backup(target: Path) -> None:
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        connection.connection.backup(destination)
        # A file on its own: no -wal/-shm files beside it, whatever mode the site's database uses.
        destination.execute("PRAGMA journal_mode=DELETE")
        check = destination.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            raise BackupError(f"The backup failed its integrity check: {check}")
    finally:
        destination.close()


def _sqlite_restore(source_path: Path) -> None:
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    try:
        if source.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise BackupError(f"{source_path} is not a sound SQLite database.")
        source.backup(connection.connection)
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{source_path} is not an SQLite backup ({error}).") from None
    finally:
        source.close()


def _pg(command: list[str]) -> None:
    """Run pg_dump / pg_restore against the configured database (its host, port, user, password)."""
    program = shutil.which(command[0])
    if program is None:
        raise BackupError(f"{command[0]} is not installed (Debian: apt-get install postgresql-client).")
    settings = connection.settings_dict
    env = {**os.environ}
    for key, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if settings.get(key):
            env[variable] = str(settings[key])
    if sslmode := settings.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = sslmode
    result = subprocess.run(
        [program, *command[1:], f"--dbname={settings['NAME']}"], env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[-2000:]}")
