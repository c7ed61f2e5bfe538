"""`GET /healthz` on the node: 200 only when its database can take a write right now (a
real write probe, rolled back), 503 with `Retry-After` when it is locked, full or broken."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from edge.storage.db import BUSY_TIMEOUT_MS
from shared.clock import now_text
from shared.errors import OmnistoreError, database_trouble, unavailable

PROBE_BUSY_MS = 1_000  # a health check answers fast: no long wait for the write lock
MIN_FREE_BYTES = 1 << 20  # below this the next write may fail: report the disk as full


def check(db: Database) -> OmnistoreError | None:
    """None when healthy, else the 503 to answer (`database_busy`, `disk_full`,
    `database_unavailable`)."""
    try:
        _probe(db)
    except sqlite3.Error as exc:
        return database_trouble(exc) or unavailable("database_unavailable")
    if _free_bytes(db) < MIN_FREE_BYTES:
        return unavailable("disk_full")
    return None


def report(db: Database, store: str) -> tuple[dict[str, Any], int, dict[str, str]]:
    """(body, status, headers) of `GET /healthz`."""
    problem = check(db)
    if problem is None:
        return {"status": "ok", "store": store}, 200, {}
    return {"status": problem.code, **problem.body()}, problem.status, problem.headers


def _probe(db: Database) -> None:
    """Take the write lock and write a row, then roll back: nothing changes."""
    conn = db.conn
    conn.execute(f"PRAGMA busy_timeout={PROBE_BUSY_MS}")
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(
                "INSERT INTO sync_state(key, value) VALUES ('healthz_probe', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [now_text()],
            )
        finally:
            conn.rollback()
    finally:
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


def _free_bytes(db: Database) -> int:
    """Free space on the file system of the database file."""
    for _seq, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main" and file:
            return shutil.disk_usage(Path(file).parent).free
    return MIN_FREE_BYTES
