"""Opening the node's SQLite database: WAL, synchronous=FULL, one writer at a time."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from edge.storage.migrations import migrations
from shared.files import private_file, sqlite_companions, tighten

# Short: a request that cannot get the write lock in this time answers 503 database_busy
# with Retry-After (shared.errors) instead of hanging; every write transaction is short.
BUSY_TIMEOUT_MS = 5_000


def open_db(path: Path | str, *, migrate: bool = True) -> Database:
    """A connection with the durability settings invariant 3 relies on (kill -9 loses nothing).
    The file is made 0600 first, so SQLite makes its -wal and -shm files 0600 as well."""
    path = private_file(Path(path))
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    db = Database(conn, execute_plugins=False)
    db.execute("PRAGMA journal_mode=WAL")
    tighten(*sqlite_companions(path))
    db.execute("PRAGMA synchronous=FULL")
    db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys=ON")
    if migrate:
        migrations.apply(db)
    return db


@contextlib.contextmanager
def write(db: Database) -> Iterator[Database]:
    """One IMMEDIATE transaction: writers queue up front, so receipt numbers stay gapless
    and a fact and its outbox event commit together or not at all."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.conn.rollback()
        raise
    db.conn.execute("COMMIT")
