"""HQ stock movements (goods in, adjustments, transfers) and stock levels per store."""

from __future__ import annotations

import sqlalchemy as sa

from cloud.services.catalog import get_product
from cloud.services.tokens import require_store
from cloud.storage import feed, orders, stock, stock_changes
from shared.clock import now_text
from shared.errors import idempotency_conflict
from shared.models import (
    StockAvailability,
    StockAvailabilityPage,
    StockLevel,
    StockMovement,
    StockMovementIn,
)

_COMPARED = ("sku", "delta", "reason", "note")


def post_movement(
    conn: sa.Connection, store: str, body: StockMovementIn
) -> tuple[StockMovement, bool]:
    """Record a movement created at HQ once; it reaches the store through its feed."""
    require_store(conn, store)
    existing = stock.get_movement(conn, store, body.id)
    if existing is None:
        get_product(conn, body.sku)
        movement = StockMovement(
            id=body.id,
            store=store,
            sku=body.sku,
            delta=body.delta,
            reason=body.reason,
            note=body.note,
            occurred_at=now_text(),  # type: ignore[arg-type]
        )
        if stock.insert_movement(conn, movement, "hq"):
            feed.append(conn, store, "movement", movement.model_dump(mode="json"))
            return movement, True
        existing = stock.get_movement(conn, store, body.id)  # a concurrent post won
        assert existing is not None
    if any(getattr(existing, f) != getattr(body, f) for f in _COMPARED):
        raise idempotency_conflict("stock movement", body.id)
    return existing, False


def availability(
    conn: sa.Connection, store: str, since: str | None, after: int, limit: int
) -> StockAvailabilityPage:
    """The store's SKUs in the order their availability last changed, after position
    `after`: each with its level now (a SKU appears once, at its latest change)."""
    require_store(conn, store)
    rows = stock_changes.read(conn, store, since, after, limit + 1)
    shown, more = rows[:limit], len(rows) > limit
    items = [
        StockAvailability(
            sku=row["sku"],
            on_hand=(on_hand := stock.on_hand(conn, store, row["sku"])),
            reserved=(held := orders.reserved(conn, store, row["sku"])),
            available=on_hand - held,
            updated_at=row["updated_at"],
        )
        for row in shown
    ]
    position = str(shown[-1]["seq"]) if shown else str(after)
    return StockAvailabilityPage(items=items, next=position if more else None, cursor=position)


def level(conn: sa.Connection, store: str, sku: str) -> StockLevel:
    """on_hand from the ledger; reserved is held by open click-and-collect orders."""
    require_store(conn, store)
    get_product(conn, sku)
    on_hand = stock.on_hand(conn, store, sku)
    reserved = orders.reserved(conn, store, sku)
    return StockLevel(
        store=store, sku=sku, on_hand=on_hand, reserved=reserved, available=on_hand - reserved
    )
