"""Liveness for load balancers and the tests: 200 only when the database answers."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, Response, jsonify

from cloud.api.db import engine

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> tuple[Response, int]:
    """Liveness for load balancers and tests: 200 only when the database answers."""
    try:
        with engine().connect() as conn:
            conn.execute(sa.text("SELECT 1"))
    except sa.exc.SQLAlchemyError:
        return jsonify({"status": "database unavailable"}), 503
    return jsonify({"status": "ok"}), 200
