"""Endless-aisle orders a store's till places at another store, forwarded signed by the
store's node: placed like any order (same cover check, hold time and pickup code), by the
store as its placer, so the node that placed it gets the code back on an identical retry
within 10 minutes and can print the slip again."""

from __future__ import annotations

import sqlalchemy as sa

from cloud.services import orders
from shared.aisle import AisleOrderIn
from shared.errors import Unprocessable
from shared.models import Order


def place_for_store(
    conn: sa.Connection, store: str, body: AisleOrderIn, hold_s: int
) -> tuple[Order, bool]:
    """Place the order with the store as its placer; a store does not order from itself."""
    if body.store == store:
        raise Unprocessable("own_store", "an endless-aisle order is for another store")
    return orders.place(conn, body.order_in(), hold_s, orders.Caller("store", f"store:{store}"))
