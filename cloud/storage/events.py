"""Events received from stores, kept for ever: their ids are the idempotency keys of push."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from cloud.storage.schema import sync_events


def get_event(conn: sa.Connection, store: str, event_id: str) -> dict[str, Any] | None:
    """The stored record of one event (hash, status, reason), or None when never seen."""
    row = (
        conn.execute(
            sa.select(sync_events).where(sync_events.c.store == store, sync_events.c.id == event_id)
        )
        .mappings()
        .first()
    )
    return None if row is None else dict(row)


def insert_event(conn: sa.Connection, values: dict[str, Any]) -> None:
    """Record an event once; a concurrent duplicate fails on the key and the batch retries."""
    conn.execute(sa.insert(sync_events).values(**values))
