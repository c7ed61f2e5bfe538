"""The cloud's stock ledger: movements by (store, id); on_hand is their sum."""

from __future__ import annotations

import sqlalchemy as sa

from cloud.storage import stock_changes
from cloud.storage.dialect import insert_ignore, insert_many
from cloud.storage.schema import movements
from shared.clock import now_text
from shared.models import StockMovement

_COLUMNS = ("store", "id", "sku", "delta", "reason", "ref", "note", "occurred_at")


def insert_movement(conn: sa.Connection, movement: StockMovement, origin: str) -> bool:
    """Add once by id; False when the id was already there. A new movement marks its SKU
    changed for the availability feed, in the same transaction."""
    added = insert_ignore(conn, movements, _row(movement, origin))
    if added:
        stock_changes.touch(conn, movement.store, movement.sku, now_text())
    return added


def insert_movements(conn: sa.Connection, items: list[StockMovement], origin: str) -> set[str]:
    """Add a batch's movements in bulk, each once by (store, id); the ids actually added (a
    replayed one adds nothing, so it must not count in on_hand checks). Each SKU they move
    is marked changed once for the availability feed."""
    added = insert_many(conn, movements, [_row(m, origin) for m in items], ignore=True)
    ids = {str(movement_id) for _store, movement_id in added}
    moved: dict[str, list[str]] = {}
    for m in items:
        if m.id in ids:
            moved.setdefault(m.store, []).append(m.sku)
    now = now_text()
    for store, skus in sorted(moved.items()):
        stock_changes.touch_many(conn, store, skus, now)
    return ids


def _row(movement: StockMovement, origin: str) -> dict[str, object]:
    """The stored form of a movement, with where it was made."""
    data = movement.model_dump(mode="json")
    return {k: data[k] for k in _COLUMNS} | {"origin": origin}


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


def on_hand_many(conn: sa.Connection, store: str, skus: list[str]) -> dict[str, int]:
    """on_hand of several SKUs of one store in one grouped query (a batch's oversell check);
    on SQLite's integer overflow, each SKU is summed as `on_hand` does."""
    if not skus:
        return {}
    query = (
        sa.select(movements.c.sku, sa.func.sum(movements.c.delta))
        .where(movements.c.store == store, movements.c.sku.in_(sorted(set(skus))))
        .group_by(movements.c.sku)
    )
    try:
        totals = {str(sku): int(total or 0) for sku, total in conn.execute(query)}
    except sa.exc.OperationalError as exc:
        if "integer overflow" not in str(exc.orig):
            raise
        return {sku: on_hand(conn, store, sku) for sku in skus}
    return {sku: totals.get(sku, 0) for sku in skus}


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
