"""Which SKUs of a store changed (on_hand or reserved), in an order a reader can follow
without ever skipping a change, and which of them owe a `stock.changed` webhook.

`touch` runs in the transaction of the change itself. It renumbers the (store, SKU) row
from the store's counter with `UPDATE … SET seq = seq + 1 RETURNING seq`; that row lock is
held until commit, so the changes of one store commit in `seq` order (as the sync feed's
do): a reader who has seen `seq` N never misses a row that commits later below N."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from cloud.storage.dialect import insert_ignore, insert_many
from cloud.storage.schema import stock_change_counters, stock_changes


def touch(conn: sa.Connection, store: str, sku: str, now: str) -> int:
    """Record that a SKU's stock at a store changed now; returns its new position."""
    insert_ignore(conn, stock_change_counters, {"store": store, "seq": 0})
    seq = int(
        conn.execute(
            sa.update(stock_change_counters)
            .where(stock_change_counters.c.store == store)
            .values(seq=stock_change_counters.c.seq + 1)
            .returning(stock_change_counters.c.seq)
        ).scalar_one()
    )
    values = {"seq": seq, "updated_at": now, "pending": True}
    if not insert_ignore(conn, stock_changes, {"store": store, "sku": sku, **values}):
        conn.execute(
            sa.update(stock_changes)
            .where(stock_changes.c.store == store, stock_changes.c.sku == sku)
            .values(**values)
        )
    return seq


def touch_many(conn: sa.Connection, store: str, skus: list[str], now: str) -> None:
    """`touch` for several SKUs of one store in a few statements whatever their number (a
    pushed batch): the counter moves once by their count, under the same row lock."""
    if not skus:
        return
    ordered = sorted(set(skus))
    insert_ignore(conn, stock_change_counters, {"store": store, "seq": 0})
    top = int(
        conn.execute(
            sa.update(stock_change_counters)
            .where(stock_change_counters.c.store == store)
            .values(seq=stock_change_counters.c.seq + len(ordered))
            .returning(stock_change_counters.c.seq)
        ).scalar_one()
    )
    first = top - len(ordered) + 1
    rows = [
        {"store": store, "sku": sku, "seq": first + n, "updated_at": now, "pending": True}
        for n, sku in enumerate(ordered)
    ]
    added = {sku for _store, sku in insert_many(conn, stock_changes, rows, ignore=True)}
    existing = [row for row in rows if row["sku"] not in added]
    if existing:
        conn.execute(
            sa.update(stock_changes)
            .where(
                stock_changes.c.store == sa.bindparam("b_store"),
                stock_changes.c.sku == sa.bindparam("b_sku"),
            )
            .values(seq=sa.bindparam("b_seq"), updated_at=now, pending=True),
            [{"b_store": r["store"], "b_sku": r["sku"], "b_seq": r["seq"]} for r in existing],
        )


def read(
    conn: sa.Connection, store: str, since: str | None, after: int, limit: int
) -> list[dict[str, Any]]:
    """Up to `limit` changed SKUs of a store after position `after`, in change order;
    `since` keeps only those changed at or after that instant."""
    query = sa.select(stock_changes.c.sku, stock_changes.c.seq, stock_changes.c.updated_at).where(
        stock_changes.c.store == store, stock_changes.c.seq > after
    )
    if since is not None:
        query = query.where(stock_changes.c.updated_at >= since)
    rows = conn.execute(query.order_by(stock_changes.c.seq).limit(limit)).mappings()
    return [dict(r) for r in rows]


def head(conn: sa.Connection, store: str) -> int:
    """The store's newest position (0 before any change)."""
    seq = conn.execute(
        sa.select(stock_change_counters.c.seq).where(stock_change_counters.c.store == store)
    ).scalar()
    return int(seq or 0)


def owed(conn: sa.Connection, quiet_before: float, limit: int) -> list[dict[str, Any]]:
    """Changed SKUs owing a webhook whose last one was queued before `quiet_before`, claimed
    for this worker where the database can (PostgreSQL: SKIP LOCKED)."""
    query = (
        sa.select(stock_changes.c.store, stock_changes.c.sku, stock_changes.c.updated_at)
        .where(stock_changes.c.pending.is_(True), stock_changes.c.notified_at <= quiet_before)
        .order_by(stock_changes.c.notified_at, stock_changes.c.store, stock_changes.c.sku)
        .limit(limit)
    )
    if conn.dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    return [dict(r) for r in conn.execute(query).mappings()]


def notified(conn: sa.Connection, store: str, sku: str, at: float) -> None:
    """A webhook for this SKU was queued at `at` (epoch seconds)."""
    conn.execute(
        sa.update(stock_changes)
        .where(stock_changes.c.store == store, stock_changes.c.sku == sku)
        .values(pending=False, notified_at=at)
    )
