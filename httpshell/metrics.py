"""`GET /metrics` in Prometheus text format. It answers without credentials to callers on
loopback only (the scraper beside the process); from anywhere else the app decides who may
read it (an HQ token at the cloud, a manager's session at the node)."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable

from flask import Blueprint, Response, request
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest


def blueprint(registry: CollectorRegistry, authorise: Callable[[], None]) -> Blueprint:
    """The scrape route; `authorise` raises (401/403) for a remote caller who may not read."""
    bp = Blueprint("metrics", __name__)

    @bp.get("/metrics")
    def metrics() -> Response:
        if not _loopback(request.remote_addr):
            authorise()
        return Response(generate_latest(registry), mimetype=CONTENT_TYPE_LATEST)

    return bp


def _loopback(address: str | None) -> bool:
    try:
        return address is not None and ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False
