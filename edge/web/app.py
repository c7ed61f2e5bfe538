"""The node's Flask app: the lane API for tills, the picker page, health and the node's
own OpenAPI document."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import Flask
from prometheus_client import CollectorRegistry

from edge import node
from edge.metrics import NodeCollector
from edge.settings import NodeSettings
from edge.storage.db import open_db
from edge.web import (
    aisle,
    context,
    customers,
    elsewhere,
    labels,
    lane,
    openapi,
    picker,
    quotes,
    tills,
    transfers,
)
from edge.web.registry import REGISTRY
from httpshell import metrics, observe
from httpshell.body import MAX_BODY_BYTES
from httpshell.errors import register_error_handlers
from httpshell.routes import COMMIT_HOOK


def create_app(
    data_dir: Path,
    *,
    settings: NodeSettings | None = None,
    on_commit: Callable[[], None] | None = None,
    test_config: dict[str, Any] | None = None,
) -> Flask:
    """Build the app for one data dir; `on_commit` is called after every local write
    (the sync runner's nudge, so the push starts within a second)."""
    app = Flask(__name__)
    app.config.update(
        DATA_DIR=Path(data_dir),
        NODE=node.load(Path(data_dir)),
        MAX_CONTENT_LENGTH=MAX_BODY_BYTES,
    )
    if test_config:
        app.config.update(test_config)
    app.extensions[COMMIT_HOOK] = on_commit or (lambda: None)
    open_db(node.db_path(Path(data_dir))).close()
    register_error_handlers(app, "omnistore.edge.web")
    registry = CollectorRegistry()
    observe.install(app, registry, "omnistore.edge.http")
    db_file = node.db_path(Path(data_dir))
    registry.register(NodeCollector(lambda: open_db(db_file, migrate=False)))
    app.register_blueprint(metrics.blueprint(registry, _metrics_reader))
    app.register_blueprint(lane.bp)
    app.register_blueprint(customers.bp)
    app.register_blueprint(labels.bp)
    app.register_blueprint(transfers.bp)
    app.register_blueprint(elsewhere.bp)
    app.register_blueprint(aisle.bp)
    app.register_blueprint(tills.bp)
    app.register_blueprint(quotes.bp)
    app.register_blueprint(openapi.bp)
    app.register_blueprint(openapi.docs_bp)
    picker.register(app, settings or NodeSettings.load())
    app.teardown_appcontext(context.close_db)
    return app


def _metrics_reader() -> None:
    """From elsewhere than loopback, `/metrics` needs a manager's session."""
    REGISTRY.authorise(frozenset({"manager"}), "read metrics")
