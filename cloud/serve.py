"""`omnistore cloud serve`: the app under gunicorn (threads; workers scale on PostgreSQL)."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterable
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication

from cloud.app import create_app
from cloud.jobs import Jobs
from cloud.settings import CloudSettings
from cloud.storage.engine import make_engine, migrate
from httpshell import logs
from shared.files import UMASK

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class _Gunicorn(BaseApplication):
    """Gunicorn configured in code: no config file, no command line of its own."""

    def __init__(self, app: WSGIApp, options: dict[str, Any]) -> None:
        self.application = app
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        """Gunicorn settings from the options dict."""
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> WSGIApp:
        """The WSGI app each worker serves."""
        return self.application


def without_date(app: WSGIApp) -> WSGIApp:
    """Gunicorn always sends its own `Date`; drop the app's copy so nodes read exactly one
    (two would be joined into one unparseable value and break their clock offset)."""

    def wsgi(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        def start(status: str, headers: list[tuple[str, str]], *rest: Any) -> Any:
            kept = [(k, v) for k, v in headers if k.lower() != "date"]
            return start_response(status, kept, *rest)

        return app(environ, start)

    return wsgi


def default_workers(db: str) -> int:
    """SQLite has one writer: one process. PostgreSQL: the usual 2 × cores + 1."""
    if db.startswith(("postgresql://", "postgres://")):
        return 2 * (os.cpu_count() or 1) + 1
    return 1


def serve(
    db: str, host: str, port: int, workers: int | None = None, *, settings: CloudSettings
) -> None:
    """Migrate once, then serve until SIGTERM/SIGINT (gunicorn stops gracefully)."""
    logs.configure(logging.INFO)
    migrate(make_engine(db))
    app = create_app(db, settings=settings, run_migrations=False)
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
        "umask": UMASK,
        "when_ready": lambda _arbiter: _announce(host, port),
        "post_worker_init": lambda worker: _start_jobs(app),
    }
    _Gunicorn(without_date(app.wsgi_app), options).run()


def _announce(host: str, port: int) -> None:
    """Printed once the socket is bound: scripts may wait for this line."""
    print(f"omnistore cloud listening on http://{host}:{port}", file=sys.stdout, flush=True)


def _start_jobs(app: Flask) -> None:
    """Each worker runs the background jobs; the database keeps them from colliding."""
    engine = app.extensions["omnistore_engine"]
    Jobs(engine, stock_window_s=app.config["STOCK_WEBHOOK_WINDOW_S"]).start()
