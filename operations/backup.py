"""Backup and restore of the one database (docs/operations.md): PostgreSQL through pg_dump's custom format, SQLite
through its online backup API. Both are consistent while the portal runs."""

import os
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection, connections

ENGINES = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}
# The first bytes of each engine's backup file.
MAGIC = {"postgresql": b"PGDMP", "sqlite": b"SQLite format 3\x00"}
SUFFIX = {"postgresql": "dump", "sqlite": "sqlite3"}


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why and what to do."""


def engine() -> str:
    if connection.vendor not in ENGINES:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {connection.vendor}.")
    return connection.vendor


def file_engine(path: Path) -> str | None:
    with path.open("rb") as file:
        head = file.read(16)
    return next((vendor for vendor, magic in MAGIC.items() if head.startswith(magic)), None)


def check_restorable(path: Path) -> None:
    if not path.is_file():
        raise BackupError(f"{path}: no such file.")
    found, wanted = file_engine(path), engine()
    if found is None:
        raise BackupError(f"{path} is not a backup made by `manage.py backup` (neither pg_dump nor SQLite).")
    if found != wanted:
        raise BackupError(
            f"{path} is a {ENGINES[found]} backup, but this portal's database is {ENGINES[wanted]}: "
            f"restore it into a {ENGINES[found]} database (DATABASE_URL)."
        )


def backup(path: Path) -> None:
    if engine() == "postgresql":
        _run_pg(["pg_dump", "--format=custom", f"--file={path}"])
    else:
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()


def restore(path: Path) -> None:
    check_restorable(path)
    if engine() == "postgresql":
        connections.close_all()  # our own idle connection must hold no lock on the tables being replaced
        _run_pg(
            ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", str(path)]
        )
    else:
        connection.ensure_connection()
        source = sqlite3.connect(path)
        try:
            source.backup(connection.connection)
        finally:
            source.close()


def _run_pg(command: list[str]) -> None:
    settings = connection.settings_dict
    # The password goes through the environment, never the command line (which `ps` shows everyone).
    environment = {**os.environ, "PGPASSWORD": settings.get("PASSWORD") or ""}
    target = [f"--dbname={settings['NAME']}", f"--username={settings.get('USER') or 'postgres'}"]
    if settings.get("HOST"):
        target.append(f"--host={settings['HOST']}")
    if settings.get("PORT"):
        target.append(f"--port={settings['PORT']}")
    result = subprocess.run([*command, *target], env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")
