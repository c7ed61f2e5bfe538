"""The cloud's figures for `/metrics`: ingest counters kept by the process that served the
push (events by result, batch sizes), and, read from the database at scrape time so every
worker answers the same, exceptions by kind and the webhook backlog."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from cloud.storage import exceptions, webhooks


class CloudMetrics:
    """The counters the push path updates, and the database-backed collector."""

    def __init__(self, registry: CollectorRegistry, engine: sa.Engine) -> None:
        self.events = Counter(
            "omnistore_sync_events",
            "pushed events by result (accepted, duplicate, rejected)",
            ["result"],
            registry=registry,
        )
        self.batch = Histogram(
            "omnistore_sync_push_batch_events",
            "events per push request",
            buckets=(1, 10, 50, 100, 200, 500, 1000),
            registry=registry,
        )
        registry.register(_DatabaseCollector(engine))

    def pushed(self, results: list[Any]) -> None:
        """Count one answered push."""
        self.batch.observe(len(results))
        for result in results:
            self.events.labels(result.status).inc()


class _DatabaseCollector(Collector):
    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def collect(self) -> Iterator[GaugeMetricFamily]:
        with self.engine.connect() as conn:
            by_kind = exceptions.count_by_kind(conn)
            backlog = webhooks.backlog(conn)
        family = GaugeMetricFamily(
            "omnistore_exceptions", "exceptions recorded, by kind", labels=["kind"]
        )
        for kind, count in sorted(by_kind.items()):
            family.add_metric([kind], count)
        yield family
        yield GaugeMetricFamily(
            "omnistore_webhook_backlog", "webhook deliveries not yet made", value=backlog
        )
