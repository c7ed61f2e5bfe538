"""Stores together as the till calls it (one call each, bound to this node's identity):
stock elsewhere and endless-aisle orders, with the signed cloud calls wired in."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from edge import aisle, elsewhere
from edge.node import NodeConfig
from edge.staff import Actor
from edge.sync.forward import order_sender, stock_fetcher
from shared.aisle import AisleOrderIn
from shared.errors import Forbidden
from shared.models import Order
from shared.stores import StockElsewhere

MAY_ORDER = ("cashier", "manager")


def stock_elsewhere(db: Database, data_dir: Path, config: NodeConfig, sku: str) -> StockElsewhere:
    return elsewhere.stock_elsewhere(db, config, sku, stock_fetcher(data_dir, db))


def place_order(
    db: Database, data_dir: Path, config: NodeConfig, who: Actor, body: AisleOrderIn
) -> Order:
    """As `POST /api/v1/orders`: cashiers and managers only (SPEC §8)."""
    if who.role not in MAY_ORDER:
        raise Forbidden("forbidden", f"the {who.role} role may not place orders")
    order, _ = aisle.place(db, config, body, order_sender(data_dir, db))
    return order
