"""`omnistore edge serve`: the lane API under waitress plus the background sync thread."""

from __future__ import annotations

import logging
from pathlib import Path

import waitress

from edge import node
from edge.discovery import NodeAd, advertise
from edge.running import serving
from edge.settings import NodeSettings
from edge.sync.runner import SyncRunner
from edge.web.app import create_app
from httpshell import logs


def serve(
    data_dir: Path, host: str, port: int, settings: NodeSettings, *, threads: int = 8
) -> None:
    """Run until interrupted. One process owns the node's SQLite file (and its lock)."""
    with serving(data_dir):
        _serve(data_dir, host, port, settings, threads)


def _serve(data_dir: Path, host: str, port: int, settings: NodeSettings, threads: int) -> None:
    logs.configure(logging.INFO)
    runner = SyncRunner(data_dir, settings)
    app = create_app(data_dir, settings=settings, on_commit=runner.nudge)
    runner.start()
    config = node.load(data_dir)
    url = f"http://{host}:{port}"
    zc = None
    if settings.mdns:
        zc = advertise(NodeAd(config.store, config.name, url, f"{url}/picker"), host, port)
    print(f"omnistore edge listening on {url}", flush=True)
    try:
        waitress.serve(
            app, host=host, port=port, threads=threads, ident="omnistore-edge", _quiet=True
        )
    finally:
        runner.stop()
        if zc is not None:
            zc.unregister_all_services()
            zc.close()
