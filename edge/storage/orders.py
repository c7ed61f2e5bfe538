"""Click-and-collect orders at the node and the units they hold in reserve."""

from __future__ import annotations

from sqlite_utils import Database

from shared.clock import format_ts
from shared.models import OPEN_ORDER_STATUSES, Order


def get(db: Database, order_id: str) -> Order | None:
    row = db.execute("SELECT body FROM orders WHERE id = ?", [order_id]).fetchone()
    return None if row is None else Order.model_validate_json(row[0])


def save(db: Database, order: Order) -> None:
    """Insert or replace an order; only open orders hold stock."""
    db.execute(
        "INSERT INTO orders(id, status, created_at, expires_at, updated_at, body) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET status = excluded.status, "
        "expires_at = excluded.expires_at, updated_at = excluded.updated_at, "
        "body = excluded.body",
        [
            order.id,
            order.status,
            format_ts(order.created_at),
            format_ts(order.expires_at),
            format_ts(order.updated_at),
            order.model_dump_json(),
        ],
    )
    for line in order.lines:
        held = line.reserved if order.status in OPEN_ORDER_STATUSES else 0
        db.execute(
            "INSERT INTO order_lines(order_id, sku, reserved) VALUES (?, ?, ?) "
            "ON CONFLICT(order_id, sku) DO UPDATE SET reserved = excluded.reserved",
            [order.id, line.sku, held],
        )


def list_by_status(db: Database, statuses: list[str], limit: int) -> list[Order]:
    """Orders in any of these statuses, oldest first."""
    marks = ", ".join("?" for _ in statuses)
    rows = db.execute(
        f"SELECT body FROM orders WHERE status IN ({marks}) ORDER BY created_at LIMIT ?",
        [*statuses, limit],
    ).fetchall()
    return [Order.model_validate_json(r[0]) for r in rows]


def reserved(db: Database, sku: str, except_order: str | None = None) -> int:
    """Units of a SKU held by open orders (optionally not counting one order)."""
    row = db.execute(
        "SELECT coalesce(sum(reserved), 0) FROM order_lines WHERE sku = ? AND order_id != ?",
        [sku, except_order or ""],
    ).fetchone()
    return int(row[0])


def due_to_expire(db: Database, now: str) -> list[Order]:
    marks = ", ".join("?" for _ in OPEN_ORDER_STATUSES)
    rows = db.execute(
        f"SELECT body FROM orders WHERE status IN ({marks}) AND expires_at <= ?",
        [*OPEN_ORDER_STATUSES, now],
    ).fetchall()
    return [Order.model_validate_json(r[0]) for r in rows]
