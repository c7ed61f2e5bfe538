"""Stock at the node: the ledger, levels, and movements that arrive from HQ."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from edge import catalog
from edge.storage import orders as order_rows
from edge.storage import stock as rows
from shared.ids import new_id
from shared.models import MovementReason, NodeStockLevel, StockMovement


@dataclass(frozen=True)
class Level:
    on_hand: int
    reserved: int
    available: int


def level(db: Database, sku: str) -> Level:
    """on_hand is the sum of movements; reserved is what open click-and-collect orders hold."""
    on_hand = rows.on_hand(db, sku)
    reserved = order_rows.reserved(db, sku)
    return Level(on_hand, reserved, on_hand - reserved)


def record(db: Database, movement: StockMovement, origin: str) -> bool:
    """Add a movement once (by id); the caller owns the transaction."""
    return rows.insert_movement(db, movement, origin)


def record_local(
    db: Database,
    store: str,
    deltas: Iterable[tuple[str, int]],
    reason: MovementReason,
    ref: str,
    occurred_at: datetime,
    note: str | None = None,
) -> list[StockMovement]:
    """Record the movements of a fact made here (sale, return, void, collection); they travel
    to the cloud inside that fact's event."""
    made = [
        StockMovement(
            id=new_id(),
            store=store,
            sku=sku,
            delta=delta,
            reason=reason,
            ref=ref,
            note=note,
            occurred_at=occurred_at,
        )
        for sku, delta in deltas
        if delta
    ]
    for movement in made:
        rows.insert_movement(db, movement, "edge")
    return made


def on_hand_all(db: Database) -> dict[str, int]:
    """on_hand per SKU, for reconciliation."""
    return rows.on_hand_all(db)


def known_level(db: Database, sku: str) -> NodeStockLevel:
    """The level of a catalogued SKU as this node knows it (404 `unknown_product` else)."""
    catalog.get(db, sku)
    found = level(db, sku)
    return NodeStockLevel(
        sku=sku, on_hand=found.on_hand, reserved=found.reserved, available=found.available
    )
