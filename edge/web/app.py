"""The node's Flask app: lane API for tills, health, and (later) the picker page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask, g

from edge import node
from edge.storage.db import open_db
from edge.web.errors import register_error_handlers
from shared.api import MAX_BODY_BYTES


def create_app(
    data_dir: Path, *, on_commit: Any = None, test_config: dict[str, Any] | None = None
) -> Flask:
    """Build the app for one data dir; `on_commit` is called after every local write
    (the sync runner's nudge, so the push starts within a second)."""
    app = Flask(__name__)
    app.config.update(
        DATA_DIR=Path(data_dir),
        NODE=node.load(Path(data_dir)),
        MAX_CONTENT_LENGTH=MAX_BODY_BYTES,
        ON_COMMIT=on_commit or (lambda: None),
    )
    if test_config:
        app.config.update(test_config)
    open_db(node.db_path(Path(data_dir))).close()
    register_error_handlers(app)

    from edge.web import lane, picker

    app.register_blueprint(lane.bp)
    picker.register(app)
    app.teardown_appcontext(_close_db)
    return app


def _close_db(_exc: BaseException | None) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.close()
