"""Click-and-collect orders and the units their lines hold in reserve at the store."""

from __future__ import annotations

import sqlalchemy as sa

from cloud.storage import stock_changes
from cloud.storage.schema import order_lines, orders, settings
from shared.clock import format_ts, now_text
from shared.models import OPEN_ORDER_STATUSES, Order


def get(conn: sa.Connection, order_id: str) -> tuple[Order, str] | None:
    """An order (of any store) and the hash of the request that placed it."""
    row = conn.execute(
        sa.select(orders.c.body, orders.c.request_hash).where(orders.c.id == order_id)
    ).first()
    return None if row is None else (Order.model_validate_json(row[0]), str(row[1]))


def placed_by(conn: sa.Connection, order_id: str) -> str | None:
    """Who placed an order: the hash of the HQ token (None when unknown or older)."""
    return conn.execute(sa.select(orders.c.placed_by).where(orders.c.id == order_id)).scalar()


def insert(
    conn: sa.Connection, order: Order, request_hash: str, placed_by: str | None = None
) -> None:
    """Store a new order (with who placed it) and reserve its lines."""
    conn.execute(
        sa.insert(orders).values(
            store=order.store,
            id=order.id,
            status=order.status,
            request_hash=request_hash,
            placed_by=placed_by,
            expires_at=format_ts(order.expires_at),
            updated_at=format_ts(order.updated_at),
            body=_body(order),
        )
    )
    for line in order.lines:
        conn.execute(
            sa.insert(order_lines).values(
                store=order.store, order_id=order.id, sku=line.sku, reserved=line.reserved
            )
        )
        stock_changes.touch(conn, order.store, line.sku, now_text())


def update(conn: sa.Connection, order: Order) -> None:
    """Save a state change; terminal orders hold nothing in reserve."""
    conn.execute(
        sa.update(orders)
        .where(orders.c.store == order.store, orders.c.id == order.id)
        .values(status=order.status, updated_at=format_ts(order.updated_at), body=_body(order))
    )
    for line in order.lines:
        held = line.reserved if order.status in OPEN_ORDER_STATUSES else 0
        changed = conn.execute(
            sa.update(order_lines)
            .where(
                order_lines.c.store == order.store,
                order_lines.c.order_id == order.id,
                order_lines.c.sku == line.sku,
                order_lines.c.reserved != held,
            )
            .values(reserved=held)
        ).rowcount
        if changed:  # the units held for this line changed: availability did too
            stock_changes.touch(conn, order.store, line.sku, now_text())


def reserved(conn: sa.Connection, store: str, sku: str) -> int:
    """Units of a SKU held by open orders at a store."""
    total = conn.execute(
        sa.select(sa.func.coalesce(sa.func.sum(order_lines.c.reserved), 0)).where(
            order_lines.c.store == store, order_lines.c.sku == sku
        )
    ).scalar()
    return int(total or 0)


def due_to_expire(conn: sa.Connection, now: str, limit: int) -> list[Order]:
    """Open orders past their hold time."""
    rows = conn.execute(
        sa.select(orders.c.body)
        .where(orders.c.status.in_(OPEN_ORDER_STATUSES), orders.c.expires_at <= now)
        .limit(limit)
    )
    return [Order.model_validate_json(body) for (body,) in rows]


def setting(conn: sa.Connection, key: str, default: str) -> str:
    """A server setting, created with `default` the first time it is read."""
    value = conn.execute(sa.select(settings.c.value).where(settings.c.key == key)).scalar()
    if value is None:
        from cloud.storage.dialect import insert_ignore

        insert_ignore(conn, settings, {"key": key, "value": default})
        value = conn.execute(sa.select(settings.c.value).where(settings.c.key == key)).scalar()
    return str(value)


def _body(order: Order) -> str:
    return order.model_dump_json(exclude={"pickup_code", "pickup_qr"})
