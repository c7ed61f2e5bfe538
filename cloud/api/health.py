"""Liveness for load balancers and the tests: 200 only when the database answers and can
take a write right now (a real write, rolled back); 503 with `Retry-After` otherwise."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask import Blueprint, Response, jsonify

from cloud.api.db import engine
from cloud.storage.health import probe_write
from shared.errors import OmnistoreError, database_trouble, unavailable

bp = Blueprint("health", __name__)


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
        probe_write(db)
    except sa.exc.SQLAlchemyError as exc:
        return database_trouble(exc) or unavailable("database_unavailable")
    return None
