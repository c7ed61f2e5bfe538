"""The cloud's Flask app factory."""

from __future__ import annotations

from typing import Any

from flask import Flask

from cloud.api import (
    exceptions,
    health,
    openapi,
    orders,
    products,
    ratelimit,
    sales,
    stock,
    stores,
    sync,
)
from cloud.settings import CloudSettings
from cloud.storage.engine import make_engine, migrate
from httpshell.body import MAX_BODY_BYTES
from httpshell.errors import register_error_handlers

BLUEPRINTS = (health, products, stock, sales, stores, exceptions, orders, sync, openapi)


def create_app(
    db_url: str,
    *,
    settings: CloudSettings | None = None,
    config: dict[str, Any] | None = None,
    run_migrations: bool = True,
) -> Flask:
    """The settings (the CLI's, else read now), then `config` (tests); blueprints registered
    here. `db_url` is a SQLite path or a postgresql:// URL; the schema is migrated unless the
    caller (`cloud serve`, once for all workers) already did."""
    settings = settings or CloudSettings.load()
    app = Flask(__name__)
    app.config.update(
        CURRENCY=settings.currency.upper(),
        MAX_CONTENT_LENGTH=MAX_BODY_BYTES,
        ORDER_HOLD_S=settings.order_hold_s,
        STOCK_WEBHOOK_WINDOW_S=settings.stock_webhook_window_s,
        HQ_RATE_PER_S=settings.hq_rate_per_s,
        HQ_RATE_BURST=settings.hq_rate_burst,
    )
    app.config.update(config or {})
    engine = make_engine(db_url)
    if run_migrations:
        migrate(engine)
    app.extensions["omnistore_engine"] = engine
    register_error_handlers(app, "omnistore.cloud")
    ratelimit.install(app)
    for module in BLUEPRINTS:
        app.register_blueprint(module.bp)
    app.register_blueprint(openapi.docs_bp)
    return app
