"""Background work of a cloud process: expire uncollected orders, queue coalesced
`stock.changed` events, deliver webhooks, and expire dormant loyalty points (hourly).
Every worker may run it; the database decides who does what (no state in memory).

The two run on their own threads: order expiry never waits for a webhook receiver, and
deliveries go out in parallel (webhooks.Dispatcher), so a receiver that never answers
delays nobody else."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime

import sqlalchemy as sa

from cloud.services import loyalty, orders, webhooks
from shared.clock import utc_now

log = logging.getLogger("omnistore.cloud.jobs")
EXPIRY_INTERVAL_S = 1.0
DELIVERY_INTERVAL_S = 0.5
STOCK_INTERVAL_S = 1.0
STOCK_WINDOW_S = 5.0
POINTS_INTERVAL_S = 3600.0


def expire_once(engine: sa.Engine) -> int:
    """One expiry pass: how many orders expired."""
    with engine.begin() as conn:
        return orders.expire_due(conn)


def points_once(engine: sa.Engine, now: datetime | None = None) -> int:
    """One points-expiry pass, a transaction per customer (holds at the tills never wait
    for the whole pass): how many balances expired."""
    moment = now or utc_now()
    with engine.connect() as conn:
        due = loyalty.dormant(conn, moment)
    done = 0
    for survivor, last_moved in due:
        with engine.begin() as conn:
            done += loyalty.expire(conn, survivor, last_moved, moment)
    return done


def stock_once(engine: sa.Engine, window_s: float = STOCK_WINDOW_S) -> int:
    """One pass queueing `stock.changed` events: how many SKUs were announced."""
    with engine.begin() as conn:
        return webhooks.notify_stock(conn, time.time(), window_s)


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
    """Order expiry, stock events, webhook delivery and points expiry, each on its own
    thread."""

    def __init__(
        self,
        engine: sa.Engine,
        interval_s: float = EXPIRY_INTERVAL_S,
        delivery_interval_s: float = DELIVERY_INTERVAL_S,
        stock_window_s: float = STOCK_WINDOW_S,
    ) -> None:
        self.dispatcher = webhooks.Dispatcher(engine)
        self.loops = (
            _Loop("omnistore-expiry", lambda: expire_once(engine), interval_s),
            _Loop(
                "omnistore-stock-events",
                lambda: stock_once(engine, stock_window_s),
                min(STOCK_INTERVAL_S, stock_window_s),
            ),
            _Loop("omnistore-webhooks", self.dispatcher.dispatch, delivery_interval_s),
            _Loop("omnistore-points-expiry", lambda: points_once(engine), POINTS_INTERVAL_S),
        )

    def start(self) -> Jobs:
        for loop in self.loops:
            loop.start()
        return self

    def stop(self) -> None:
        for loop in self.loops:
            loop.stopping.set()
        self.dispatcher.close()
