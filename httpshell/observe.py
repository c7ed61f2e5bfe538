"""What an operator sees of every request: a request id (taken from `X-Request-Id` when a
caller sends one, so one push can be followed from the node into the cloud), one JSON log
line, and Prometheus counters and latency per route."""

from __future__ import annotations

import logging
import re
import time
import uuid

from flask import Flask, Response, g, request
from prometheus_client import CollectorRegistry, Counter, Histogram

REQUEST_ID = "X-Request-Id"
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


def install(app: Flask, registry: CollectorRegistry, logger: str) -> None:
    """Hook request ids, the access log and request metrics into an app."""
    log = logging.getLogger(logger)
    requests = Counter(
        "omnistore_http_requests",
        "HTTP requests answered, by method, route and status",
        ["method", "route", "status"],
        registry=registry,
    )
    latency = Histogram(
        "omnistore_http_request_seconds",
        "Time to answer, by method and route",
        ["method", "route"],
        registry=registry,
    )

    @app.before_request
    def _start() -> None:
        sent = request.headers.get(REQUEST_ID, "")
        g.request_id = sent if _SAFE_ID.match(sent) else uuid.uuid4().hex
        g.started = time.perf_counter()

    @app.after_request
    def _finish(response: Response) -> Response:
        route = request.url_rule.rule if request.url_rule is not None else "unmatched"
        took = time.perf_counter() - g.get("started", time.perf_counter())
        requests.labels(request.method, route, str(response.status_code)).inc()
        latency.labels(request.method, route).observe(took)
        response.headers[REQUEST_ID] = g.get("request_id", "")
        log.info(
            "request",
            extra={
                "request_id": g.get("request_id"),
                "method": request.method,
                "path": request.path,
                "route": route,
                "status": response.status_code,
                "ms": round(took * 1000, 2),
            },
        )
        return response


def request_id() -> str:
    """This request's id (for logs written while serving it)."""
    found: str = g.get("request_id", "")
    return found
