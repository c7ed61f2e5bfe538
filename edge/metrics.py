"""The node's own figures for `/metrics`, read from its database at scrape time: how much is
waiting to be pushed and for how long, rejected events, and how long since the last push
and pull succeeded."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlite_utils import Database

from edge import clock
from edge.storage import outbox, state
from shared.clock import parse_ts, utc_now


class NodeCollector(Collector):
    """Outbox depth and age, rejected events, push/pull lag, clock offset."""

    def __init__(self, open_db: Callable[[], Database]) -> None:
        self.open_db = open_db

    def collect(self) -> Iterator[GaugeMetricFamily]:
        db = self.open_db()
        try:
            yield from self._figures(db)
        finally:
            db.close()

    def _figures(self, db: Database) -> Iterator[GaugeMetricFamily]:
        now = utc_now()
        oldest = outbox.oldest_pending_at(db)
        values = state.get_all(db)
        yield _gauge(
            "omnistore_outbox_pending", "events waiting to be pushed", outbox.count(db, "pending")
        )
        yield _gauge(
            "omnistore_outbox_oldest_pending_seconds",
            "age of the oldest event waiting to be pushed (0 when none)",
            (now - parse_ts(oldest)).total_seconds() if oldest else 0.0,
        )
        yield _gauge(
            "omnistore_outbox_rejected", "events the cloud rejected", outbox.count(db, "rejected")
        )
        for kind in ("push", "pull"):
            last = values.get(f"last_{kind}_at")
            yield _gauge(
                f"omnistore_sync_{kind}_lag_seconds",
                f"seconds since the last successful {kind} (-1: never)",
                (now - parse_ts(last)).total_seconds() if last else -1.0,
            )
        yield _gauge(
            "omnistore_clock_offset_seconds", "offset learned from the cloud", clock.offset_s(db)
        )


def _gauge(name: str, doc: str, value: float) -> GaugeMetricFamily:
    return GaugeMetricFamily(name, doc, value=value)
