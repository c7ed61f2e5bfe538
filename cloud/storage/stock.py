"""The cloud's stock ledger: movements by (store, id); on_hand is their sum."""

from __future__ import annotations

import sqlalchemy as sa

from cloud.storage import stock_changes
from cloud.storage.dialect import insert_ignore
from cloud.storage.schema import movements
from shared.clock import now_text
from shared.models import StockMovement


def insert_movement(conn: sa.Connection, movement: StockMovement, origin: str) -> bool:
    """Add once by id; False when the id was already there. A new movement marks its SKU
    changed for the availability feed, in the same transaction."""
    data = movement.model_dump(mode="json")
    added = insert_ignore(
        conn,
        movements,
        {
            k: data[k]
            for k in ("store", "id", "sku", "delta", "reason", "ref", "note", "occurred_at")
        }
        | {"origin": origin},
    )
    if added:
        stock_changes.touch(conn, movement.store, movement.sku, now_text())
    return added


def get_movement(conn: sa.Connection, store: str, movement_id: str) -> StockMovement | None:
    """One movement, for idempotent replays."""
    row = (
        conn.execute(
            sa.select(movements).where(movements.c.store == store, movements.c.id == movement_id)
        )
        .mappings()
        .first()
    )
    return None if row is None else StockMovement.model_validate(dict(row))


def on_hand(conn: sa.Connection, store: str, sku: str) -> int:
    """Sum of one SKU's movements at one store. Pushed deltas are bounded, but rows stored
    before they were could still add up past 64 bits: SQLite's SUM then fails with 'integer
    overflow' (PostgreSQL sums bigints as numeric), and the rows are summed here instead."""
    where = (movements.c.store == store, movements.c.sku == sku)
    try:
        total = conn.execute(
            sa.select(sa.func.coalesce(sa.func.sum(movements.c.delta), 0)).where(*where)
        ).scalar()
    except sa.exc.OperationalError as exc:
        if "integer overflow" not in str(exc.orig):
            raise
        total = sum(delta for (delta,) in conn.execute(sa.select(movements.c.delta).where(*where)))
    return int(total or 0)


def list_store_movements(
    conn: sa.Connection, store: str, since: str, after: tuple[str, str] | None, limit: int
) -> list[StockMovement]:
    """Movements a store made itself (sales, returns, counts, pickups), in (occurred_at, id)
    order: what a node restored from an older backup learns back."""
    query = sa.select(movements).where(
        movements.c.store == store, movements.c.origin == "store", movements.c.occurred_at >= since
    )
    if after is not None:
        query = query.where(sa.tuple_(movements.c.occurred_at, movements.c.id) > sa.tuple_(*after))
    rows = conn.execute(query.order_by(movements.c.occurred_at, movements.c.id).limit(limit))
    return [StockMovement.model_validate(dict(row)) for row in rows.mappings()]
