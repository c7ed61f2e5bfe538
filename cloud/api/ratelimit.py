"""HQ API rate limits per token (SPEC §13: 50 requests/s with bursts of 200 by default,
`OMNISTORE_HQ_RATE_PER_S` / `OMNISTORE_HQ_RATE_BURST`). The budget lives in the database
(cloud/storage/rate_limits.py), so all gunicorn workers and instances share it. Store nodes'
signed sync requests are never limited.

Every HQ answer says where the caller stands (IETF draft "RateLimit header fields for
HTTP"): `RateLimit-Policy: "hq";q=<burst>;w=<seconds to refill>` and `RateLimit:
"hq";r=<requests left now>;t=<seconds until the budget is full again>`; a refused request
is `429 rate_limited` with `Retry-After` (seconds until one more request is allowed)."""

from __future__ import annotations

import math
import time

from flask import Flask, Response, current_app, g

from cloud.api.db import engine
from cloud.storage import rate_limits
from shared.errors import TooManyRequests

HEADERS = "omnistore_ratelimit_headers"


def check(key: str) -> None:
    """Spend one request of this token's budget, or refuse with 429."""
    rate = float(current_app.config["HQ_RATE_PER_S"])
    burst = int(current_app.config["HQ_RATE_BURST"])
    interval = 1.0 / rate
    tolerance = (burst - 1) * interval
    now = time.time()
    with engine().begin() as conn:
        tat = rate_limits.take(conn, key, now, interval, tolerance)
    policy = f'"hq";q={burst};w={max(1, math.ceil(burst * interval))}'
    if tat < 0:
        wait = max(1, math.ceil(-tat))
        headers = {"RateLimit-Policy": policy, "RateLimit": f'"hq";r=0;t={wait}'}
        raise TooManyRequests(
            "rate_limited",
            f"this token may send {rate:g} requests/s (bursts of {burst}); retry in {wait} s",
            headers=headers | {"Retry-After": str(wait)},
        )
    backlog = tat - now
    remaining = max(0, math.floor((tolerance - backlog) / interval + 1e-9) + 1)
    g.omnistore_ratelimit_headers = {
        "RateLimit-Policy": policy,
        "RateLimit": f'"hq";r={remaining};t={max(0, math.ceil(backlog))}',
    }


def install(app: Flask) -> None:
    """Add the caller's RateLimit headers to every answer (errors included)."""

    @app.after_request
    def _headers(response: Response) -> Response:
        for name, value in g.get(HEADERS, {}).items():
            response.headers.setdefault(name, value)
        return response
