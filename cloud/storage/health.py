"""The write probe behind `/healthz`: the only SQL the health check runs."""

from __future__ import annotations

import uuid

import sqlalchemy as sa

from cloud.storage.engine import BUSY_TIMEOUT_MS
from cloud.storage.schema import settings

PROBE_TIMEOUT_MS = 1_000  # a health check answers fast: no long wait for a lock


def probe_write(db: sa.Engine) -> None:
    """Write a row in a transaction that is rolled back: on SQLite the transaction takes the
    write lock up front (BEGIN IMMEDIATE); on PostgreSQL a read-only or full server refuses
    the insert. Nothing is left behind. Raises SQLAlchemy's error when the write fails."""
    with db.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            _busy_timeout(conn, PROBE_TIMEOUT_MS)
        try:
            with conn.begin() as tx:
                if not sqlite:
                    conn.exec_driver_sql(f"SET LOCAL statement_timeout = {PROBE_TIMEOUT_MS * 2}")
                    conn.exec_driver_sql(f"SET LOCAL lock_timeout = {PROBE_TIMEOUT_MS}")
                key = f"healthz:{uuid.uuid4().hex[:16]}"
                conn.execute(sa.insert(settings).values(key=key, value="probe"))
                tx.rollback()
        finally:
            if sqlite:
                _busy_timeout(conn, BUSY_TIMEOUT_MS)


def _busy_timeout(conn: sa.Connection, ms: int) -> None:
    """On the driver's connection: through SQLAlchemy the PRAGMA would begin a transaction
    (which on this engine takes the write lock)."""
    raw = conn.connection.dbapi_connection
    assert raw is not None
    cursor = raw.cursor()
    cursor.execute(f"PRAGMA busy_timeout={ms}")
    cursor.close()
