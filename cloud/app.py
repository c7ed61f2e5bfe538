"""The cloud's Flask app factory."""

from __future__ import annotations

from typing import Any

from flask import Flask
from prometheus_client import CollectorRegistry

from cloud import console
from cloud.api import (
    customers,
    exceptions,
    health,
    openapi,
    orders,
    places,
    pricing,
    products,
    ratelimit,
    recovery,
    reports,
    sales,
    stock,
    stores,
    sync,
    transfers,
)
from cloud.api.db import READ_ENGINE
from cloud.api.registry import READ, REGISTRY
from cloud.metrics import CloudMetrics
from cloud.settings import CloudSettings
from cloud.storage.engine import make_engine, migrate
from httpshell import metrics, observe
from httpshell.body import MAX_BODY_BYTES
from httpshell.errors import register_error_handlers

BLUEPRINTS = (
    health,
    products,
    pricing,
    stock,
    sales,
    stores,
    exceptions,
    orders,
    customers,
    transfers,
    places,
    sync,
    recovery,
    reports,
    openapi,
)


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
        DEFAULT_REGION=settings.default_region.upper(),
        POINTS_HOLD_S=settings.points_hold_s,
        STOCK_WEBHOOK_WINDOW_S=settings.stock_webhook_window_s,
        HQ_RATE_PER_S=settings.hq_rate_per_s,
        HQ_RATE_BURST=settings.hq_rate_burst,
        HQ_OFFLINE_AFTER_S=settings.hq_offline_after_s,
        HQ_SECURE_COOKIE=settings.hq_secure_cookie,
    )
    app.config.update(config or {})
    engine = make_engine(db_url)
    if run_migrations:
        migrate(engine)
    app.extensions["omnistore_engine"] = engine
    if settings.read_db:
        app.extensions[READ_ENGINE] = make_engine(settings.read_db)
    register_error_handlers(app, "omnistore.cloud")
    registry = CollectorRegistry()
    observe.install(app, registry, "omnistore.cloud.http")
    app.extensions["omnistore_metrics"] = CloudMetrics(registry, engine)
    app.register_blueprint(metrics.blueprint(registry, _metrics_reader))
    ratelimit.install(app)
    for module in BLUEPRINTS:
        app.register_blueprint(module.bp)
    app.register_blueprint(openapi.docs_bp)
    app.register_blueprint(console.bp)
    return app


def _metrics_reader() -> None:
    """From elsewhere than loopback, `/metrics` needs an HQ token (hq or readonly)."""
    REGISTRY.authorise(frozenset(READ), "read metrics")
