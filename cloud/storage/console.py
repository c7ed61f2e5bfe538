"""What the HQ console reads and records besides the API's data: the nodes' own reports,
exceptions with how HQ handled them, products by search, one SKU across stores, and the
orders board."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from cloud.storage.schema import (
    exception_states,
    exceptions,
    movements,
    node_reports,
    order_lines,
    orders,
    products,
    stores,
)
from shared.models import OPEN_ORDER_STATUSES


def report_node(conn: sa.Connection, store: str, values: dict[str, Any]) -> None:
    """Keep what a node said about itself on a push or pull (only the values it sent)."""
    values = {k: v for k, v in values.items() if v is not None}
    changed = conn.execute(
        sa.update(node_reports).where(node_reports.c.store == store).values(**values)
    ).rowcount
    if not changed:
        conn.execute(sa.insert(node_reports).values(store=store, **values))


def fleet(conn: sa.Connection) -> list[dict[str, Any]]:
    """Every store with its node's last report and its open exceptions."""
    open_count = (
        sa.select(exceptions.c.store, sa.func.count().label("open_exceptions"))
        .select_from(
            exceptions.outerjoin(exception_states, exception_states.c.id == exceptions.c.id)
        )
        .where(sa.or_(exception_states.c.state.is_(None), exception_states.c.state != "resolved"))
        .group_by(exceptions.c.store)
        .subquery()
    )
    query = (
        sa.select(
            stores.c.code,
            stores.c.name,
            stores.c.keyid,
            stores.c.revoked_at,
            stores.c.last_sync_at,
            node_reports.c.version,
            node_reports.c.outbox,
            node_reports.c.clock_offset_s,
            node_reports.c.last_push_at,
            node_reports.c.last_pull_at,
            sa.func.coalesce(open_count.c.open_exceptions, 0).label("open_exceptions"),
        )
        .select_from(
            stores.outerjoin(node_reports, node_reports.c.store == stores.c.code).outerjoin(
                open_count, open_count.c.store == stores.c.code
            )
        )
        .order_by(stores.c.code)
    )
    return [dict(row._mapping) for row in conn.execute(query)]


def exception_list(
    conn: sa.Connection, store: str | None, kind: str | None, state: str | None, limit: int
) -> list[dict[str, Any]]:
    """Newest first, with HQ's state (`open` when none), note, who and when."""
    state_col = sa.func.coalesce(exception_states.c.state, "open")
    query = sa.select(
        exceptions,
        state_col.label("state"),
        exception_states.c.note,
        exception_states.c.by,
        exception_states.c.at,
    ).select_from(exceptions.outerjoin(exception_states, exception_states.c.id == exceptions.c.id))
    if store:
        query = query.where(exceptions.c.store == store)
    if kind:
        query = query.where(exceptions.c.kind == kind)
    if state:
        query = query.where(state_col == state)
    query = query.order_by(exceptions.c.created_at.desc(), exceptions.c.id.desc()).limit(limit)
    return [dict(row._mapping) for row in conn.execute(query)]


def exception_exists(conn: sa.Connection, exception_id: str) -> bool:
    query = sa.select(exceptions.c.id).where(exceptions.c.id == exception_id)
    return conn.execute(query).first() is not None


def set_exception_state(
    conn: sa.Connection, exception_id: str, state: str, note: str | None, by: str, at: str
) -> None:
    values = {"state": state, "note": note, "by": by, "at": at}
    changed = conn.execute(
        sa.update(exception_states).where(exception_states.c.id == exception_id).values(**values)
    ).rowcount
    if not changed:
        conn.execute(sa.insert(exception_states).values(id=exception_id, **values))


def search_products(conn: sa.Connection, text: str, limit: int) -> list[dict[str, Any]]:
    """Products whose SKU or name contains `text` (any case), by SKU."""
    query = sa.select(products).order_by(products.c.sku).limit(limit)
    if text:
        pattern = f"%{text.lower()}%"
        query = query.where(
            sa.or_(
                sa.func.lower(products.c.sku).like(pattern),
                sa.func.lower(products.c.name).like(pattern),
            )
        )
    return [dict(row._mapping) for row in conn.execute(query)]


def stock_across(conn: sa.Connection, sku: str) -> list[dict[str, Any]]:
    """One SKU in every store: on hand (movements) and reserved (open orders' lines)."""
    held = (
        sa.select(order_lines.c.store, sa.func.sum(order_lines.c.reserved).label("reserved"))
        .where(order_lines.c.sku == sku)
        .group_by(order_lines.c.store)
        .subquery()
    )
    moved = (
        sa.select(movements.c.store, sa.func.sum(movements.c.delta).label("on_hand"))
        .where(movements.c.sku == sku)
        .group_by(movements.c.store)
        .subquery()
    )
    query = (
        sa.select(
            stores.c.code,
            stores.c.name,
            sa.func.coalesce(moved.c.on_hand, 0).label("on_hand"),
            sa.func.coalesce(held.c.reserved, 0).label("reserved"),
        )
        .select_from(
            stores.outerjoin(moved, moved.c.store == stores.c.code).outerjoin(
                held, held.c.store == stores.c.code
            )
        )
        .order_by(stores.c.code)
    )
    return [dict(row._mapping) for row in conn.execute(query)]


def open_orders(conn: sa.Connection, store: str | None, limit: int) -> list[str]:
    """The bodies of open orders (and of the latest ended ones), oldest first."""
    query = sa.select(orders.c.body).where(orders.c.status.in_(sorted(OPEN_ORDER_STATUSES)))
    if store:
        query = query.where(orders.c.store == store)
    return [body for (body,) in conn.execute(query.order_by(orders.c.updated_at).limit(limit))]
