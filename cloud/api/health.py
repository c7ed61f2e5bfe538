"""Liveness for load balancers and the tests: 200 only when the database answers and can
take a write right now (a real write, rolled back); 503 with `Retry-After` otherwise."""

from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa
from flask import Blueprint, Response, jsonify

from cloud.api.db import engine
from cloud.storage.engine import BUSY_TIMEOUT_MS
from cloud.storage.schema import settings
from shared.errors import OmnistoreError, database_trouble, unavailable

bp = Blueprint("health", __name__)
PROBE_TIMEOUT_MS = 1_000  # a health check answers fast: no long wait for a lock


@bp.get("/healthz")
def healthz() -> tuple[Response, int, dict[str, str]]:
    """200 `{"status": "ok"}`, or 503 `{"status": <code>, "error": {...}}` with Retry-After."""
    problem = check(engine())
    if problem is None:
        return jsonify({"status": "ok"}), 200, {}
    body: dict[str, Any] = {"status": problem.code, **problem.body()}
    return jsonify(body), problem.status, problem.headers


def check(db: sa.Engine) -> OmnistoreError | None:
    """None when the database takes a write, else the 503 to answer."""
    try:
        _probe(db)
    except sa.exc.SQLAlchemyError as exc:
        return database_trouble(exc) or unavailable("database_unavailable")
    return None


def _probe(db: sa.Engine) -> None:
    """Write a row in a transaction that is rolled back: on SQLite the transaction takes the
    write lock up front (BEGIN IMMEDIATE); on PostgreSQL a read-only or full server refuses
    the insert. Nothing is left behind."""
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
