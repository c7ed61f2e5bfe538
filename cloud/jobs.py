"""Background work of a cloud process: expire uncollected orders and deliver webhooks.
Every worker may run it; the database decides who does what (no state in memory).

The two run on their own threads: order expiry never waits for a webhook receiver, and
deliveries go out in parallel (webhooks.Dispatcher), so a receiver that never answers
delays nobody else."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import sqlalchemy as sa

from cloud.services import orders, webhooks

log = logging.getLogger("omnistore.cloud.jobs")
EXPIRY_INTERVAL_S = 1.0
DELIVERY_INTERVAL_S = 0.5


def expire_once(engine: sa.Engine) -> int:
    """One expiry pass: how many orders expired."""
    with engine.begin() as conn:
        return orders.expire_due(conn)


class _Loop(threading.Thread):
    """Runs `step` every `interval_s` until stopped; a failed pass is logged and retried."""

    def __init__(self, name: str, step: Callable[[], object], interval_s: float) -> None:
        super().__init__(name=name, daemon=True)
        self.step = step
        self.interval_s = interval_s
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.wait(self.interval_s):
            try:
                self.step()
            except Exception:  # keep running: the next pass retries
                log.exception("background job %s failed", self.name)


class Jobs:
    """Order expiry and webhook delivery, each on its own thread."""

    def __init__(
        self,
        engine: sa.Engine,
        interval_s: float = EXPIRY_INTERVAL_S,
        delivery_interval_s: float = DELIVERY_INTERVAL_S,
    ) -> None:
        self.dispatcher = webhooks.Dispatcher(engine)
        self.loops = (
            _Loop("omnistore-expiry", lambda: expire_once(engine), interval_s),
            _Loop("omnistore-webhooks", self.dispatcher.dispatch, delivery_interval_s),
        )

    def start(self) -> Jobs:
        for loop in self.loops:
            loop.start()
        return self

    def stop(self) -> None:
        for loop in self.loops:
            loop.stopping.set()
        self.dispatcher.close()
