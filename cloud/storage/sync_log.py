"""Events received from stores (kept for ever: the idempotency keys), exceptions for HQ,
and the nonces of signed requests."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from cloud.storage.dialect import insert_ignore
from cloud.storage.schema import exceptions, nonces, sync_events


def get_event(conn: sa.Connection, store: str, event_id: str) -> dict[str, Any] | None:
    row = (
        conn.execute(
            sa.select(sync_events).where(sync_events.c.store == store, sync_events.c.id == event_id)
        )
        .mappings()
        .first()
    )
    return None if row is None else dict(row)


def insert_event(conn: sa.Connection, values: dict[str, Any]) -> None:
    conn.execute(sa.insert(sync_events).values(**values))


def add_exception(conn: sa.Connection, values: dict[str, Any]) -> bool:
    """Record an exception once per (store, kind, ref)."""
    return insert_ignore(conn, exceptions, values)


def list_exceptions(
    conn: sa.Connection,
    store: str | None,
    kind: str | None,
    since: str | None,
    after: tuple[str, str] | None,
    limit: int,
) -> list[dict[str, Any]]:
    query = sa.select(exceptions)
    if store is not None:
        query = query.where(exceptions.c.store == store)
    if kind is not None:
        query = query.where(exceptions.c.kind == kind)
    if since is not None:
        query = query.where(exceptions.c.created_at >= since)
    if after is not None:
        query = query.where(sa.tuple_(exceptions.c.created_at, exceptions.c.id) > sa.tuple_(*after))
    rows = conn.execute(query.order_by(exceptions.c.created_at, exceptions.c.id).limit(limit))
    return [dict(r) for r in rows.mappings()]


def use_nonce(conn: sa.Connection, keyid: str, nonce: str, created: int) -> bool:
    """False when the nonce was seen before for this key (a replay)."""
    return insert_ignore(conn, nonces, {"keyid": keyid, "nonce": nonce, "created": created})


def prune_nonces(conn: sa.Connection, before: int) -> None:
    """Forget nonces older than the freshness window: those requests are refused as stale."""
    conn.execute(sa.delete(nonces).where(nonces.c.created < before))
