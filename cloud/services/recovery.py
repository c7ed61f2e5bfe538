"""What a store node restored from an older backup learns back from the cloud: its own
sales, returns, voids and stock movements since a moment, so it never reuses a receipt
number or an id and its ledger again holds what the cloud holds. Read-only, own store only."""

from __future__ import annotations

import sqlalchemy as sa

from cloud.storage import sales, stock
from shared.clock import format_ts
from shared.models import Return, Sale, StockMovement, Void

Position = tuple[str, str] | None


def own_sales(
    conn: sa.Connection, store: str, since: str, after: Position, limit: int
) -> list[Sale]:
    """The store's sales from `since` on, voided flag included."""
    return sales.list_sales(conn, store, since, after, limit)


def own_returns(
    conn: sa.Connection, store: str, since: str, after: Position, limit: int
) -> list[Return]:
    """The store's returns from `since` on."""
    return sales.list_returns(conn, store, since, after, limit)


def own_movements(
    conn: sa.Connection, store: str, since: str, after: Position, limit: int
) -> list[StockMovement]:
    """The movements the store made itself from `since` on (HQ's come through the feed)."""
    return stock.list_store_movements(conn, store, since, after, limit)


def own_voids(
    conn: sa.Connection, store: str, since: str, after: Position, limit: int
) -> list[Void]:
    """The store's voids from `since` on, paged like the rest."""
    found = [v for v in sales.list_voids(conn, store) if format_ts(v.occurred_at) >= since]
    if after is not None:
        found = [v for v in found if (format_ts(v.occurred_at), v.id) > after]
    return found[:limit]
