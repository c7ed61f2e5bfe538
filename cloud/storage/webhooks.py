"""Webhook subscriptions and the deliveries owed to them (an outbox on the cloud side)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from cloud.storage.schema import webhook_deliveries, webhooks


def add(conn: sa.Connection, values: dict[str, Any]) -> None:
    conn.execute(sa.insert(webhooks).values(**values))


def all_hooks(conn: sa.Connection, event: str | None = None) -> list[dict[str, Any]]:
    """Subscriptions (those receiving `event`, when given) with `events` as a list."""
    found = [
        dict(r) | {"events": str(r["events"]).split(",")}
        for r in conn.execute(sa.select(webhooks).order_by(webhooks.c.created_at)).mappings()
    ]
    return [h for h in found if event is None or event in h["events"]]


def remove(conn: sa.Connection, hook_id: str) -> bool:
    conn.execute(sa.delete(webhook_deliveries).where(webhook_deliveries.c.webhook_id == hook_id))
    return bool(conn.execute(sa.delete(webhooks).where(webhooks.c.id == hook_id)).rowcount)


def enqueue(conn: sa.Connection, values: dict[str, Any]) -> None:
    conn.execute(sa.insert(webhook_deliveries).values(**values))


def due(conn: sa.Connection, now: float, limit: int) -> list[dict[str, Any]]:
    """Undelivered deliveries whose next attempt is due, locked for this worker where the
    database can (PostgreSQL: SKIP LOCKED, so several workers never send one twice at once)."""
    query = (
        sa.select(webhook_deliveries, webhooks.c.url, webhooks.c.secret)
        .join(webhooks, webhooks.c.id == webhook_deliveries.c.webhook_id)
        .where(
            webhook_deliveries.c.delivered_at.is_(None), webhook_deliveries.c.next_attempt_at <= now
        )
        .order_by(webhook_deliveries.c.next_attempt_at)
        .limit(limit)
    )
    if conn.dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True, of=webhook_deliveries)
    return [dict(r) for r in conn.execute(query).mappings()]


def mark(conn: sa.Connection, delivery_id: str, values: dict[str, Any]) -> None:
    conn.execute(
        sa.update(webhook_deliveries).where(webhook_deliveries.c.id == delivery_id).values(**values)
    )


def backlog(conn: sa.Connection) -> int:
    """Deliveries not yet made."""
    query = sa.select(sa.func.count()).where(webhook_deliveries.c.delivered_at.is_(None))
    return int(conn.execute(query).scalar_one())
