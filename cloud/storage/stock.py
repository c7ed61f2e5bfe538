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
    """Sum of one SKU's movements at one store."""
    total = conn.execute(
        sa.select(sa.func.coalesce(sa.func.sum(movements.c.delta), 0)).where(
            movements.c.store == store, movements.c.sku == sku
        )
    ).scalar()
    return int(total or 0)
