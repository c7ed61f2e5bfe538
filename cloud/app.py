"""The cloud's Flask app factory."""

from __future__ import annotations

import os
from typing import Any

from flask import Flask

from cloud.api import exceptions, health, openapi, orders, products, sales, stock, stores, sync
from cloud.storage.engine import make_engine, migrate
from httpshell.body import MAX_BODY_BYTES
from httpshell.errors import register_error_handlers

BLUEPRINTS = (health, products, stock, sales, stores, exceptions, orders, sync, openapi)


def create_app(
    db_url: str, *, config: dict[str, Any] | None = None, run_migrations: bool = True
) -> Flask:
    """Defaults, then environment, then `config` (tests); blueprints registered here.
    `db_url` is a SQLite path or a postgresql:// URL; the schema is migrated unless the
    caller (`cloud serve`, once for all workers) already did."""
    app = Flask(__name__)
    app.config.update(
        CURRENCY=os.environ.get("OMNISTORE_CURRENCY", "EUR").upper(),
        MAX_CONTENT_LENGTH=MAX_BODY_BYTES,
        ORDER_HOLD_S=int(os.environ.get("OMNISTORE_ORDER_HOLD_S", str(72 * 3600))),
    )
    app.config.update(config or {})
    engine = make_engine(db_url)
    if run_migrations:
        migrate(engine)
    app.extensions["omnistore_engine"] = engine
    register_error_handlers(app, "omnistore.cloud")
    for module in BLUEPRINTS:
        app.register_blueprint(module.bp)
    return app
