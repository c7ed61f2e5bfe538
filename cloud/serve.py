"""`omnistore cloud serve`: the app under gunicorn (threads; workers scale on PostgreSQL)."""

from __future__ import annotations

import os
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication

from cloud.app import create_app
from cloud.jobs import Jobs
from cloud.storage.engine import make_engine, migrate


class _Gunicorn(BaseApplication):
    def __init__(self, app: Flask, options: dict[str, Any]) -> None:
        self.application = app
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Flask:
        return self.application


def _start_jobs(worker: object) -> None:
    """Each worker runs the background jobs; the database keeps them from colliding."""
    app = worker.wsgi  # type: ignore[attr-defined]
    Jobs(app.extensions["omnistore_engine"]).start()


def default_workers(db: str) -> int:
    """SQLite has one writer: one process. PostgreSQL: the usual 2 × cores + 1."""
    if db.startswith(("postgresql://", "postgres://")):
        return 2 * (os.cpu_count() or 1) + 1
    return 1


def serve(db: str, host: str, port: int, workers: int | None = None) -> None:
    """Migrate once, then serve until SIGTERM/SIGINT (graceful)."""
    migrate(make_engine(db))
    app = create_app(db, run_migrations=False)
    options = {
        "bind": f"{host}:{port}",
        "workers": workers or default_workers(db),
        "worker_class": "gthread",
        "threads": 8,
        "timeout": 60,
        "graceful_timeout": 10,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
        "preload_app": False,
        "post_worker_init": _start_jobs,
    }
    print(f"omnistore cloud listening on http://{host}:{port}", flush=True)
    _Gunicorn(app, options).run()
