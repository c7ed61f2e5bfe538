"""Events received from stores, kept for ever: their ids are the idempotency keys of push."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from cloud.storage.dialect import insert_many
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


def get_events(conn: sa.Connection, store: str, event_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The stored records of a batch's events, by id, in one query (absent ids: never seen)."""
    if not event_ids:
        return {}
    rows = conn.execute(
        sa.select(sync_events).where(
            sync_events.c.store == store, sync_events.c.id.in_(sorted(set(event_ids)))
        )
    ).mappings()
    return {row["id"]: dict(row) for row in rows}


def insert_events(conn: sa.Connection, rows: list[dict[str, Any]]) -> None:
    """Record a batch's events at once; a concurrent duplicate fails on the key and the batch
    retries, as with one."""
    insert_many(conn, sync_events, rows)
