"""Background work of a cloud process: expire uncollected orders and deliver webhooks.
Every worker may run it; the database decides who does what (no state in memory)."""

from __future__ import annotations

import logging
import threading

import httpx
import sqlalchemy as sa

from cloud.services import orders, webhooks

log = logging.getLogger("omnistore.cloud.jobs")


def run_once(engine: sa.Engine, client: httpx.Client) -> tuple[int, int]:
    """One pass: (orders expired, webhooks delivered)."""
    with engine.begin() as conn:
        expired = orders.expire_due(conn)
    return expired, webhooks.deliver_due(engine, client)


class Jobs(threading.Thread):
    """Runs `run_once` every `interval_s` until stopped."""

    def __init__(self, engine: sa.Engine, interval_s: float = 1.0) -> None:
        super().__init__(name="omnistore-jobs", daemon=True)
        self.engine = engine
        self.interval_s = interval_s
        self.stopping = threading.Event()

    def run(self) -> None:
        with httpx.Client(timeout=10) as client:
            while not self.stopping.wait(self.interval_s):
                try:
                    run_once(self.engine, client)
                except Exception:  # keep running: the next pass retries
                    log.exception("background jobs failed")
