"""The stock ledger at the node: immutable movements, on_hand is their sum."""

from __future__ import annotations

from sqlite_utils import Database

from shared.clock import format_ts
from shared.models import StockMovement


def insert_movement(db: Database, movement: StockMovement, origin: str) -> bool:
    """Record a movement once by id; False when it was already there (replays change nothing)."""
    cursor = db.execute(
        "INSERT INTO movements(id, sku, delta, reason, ref, note, occurred_at, origin) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING",
        [
            movement.id,
            movement.sku,
            movement.delta,
            movement.reason,
            movement.ref,
            movement.note,
            format_ts(movement.occurred_at),
            origin,
        ],
    )
    return bool(cursor.rowcount)


def on_hand(db: Database, sku: str) -> int:
    """Sum of all movements of one SKU."""
    row = db.execute("SELECT coalesce(sum(delta), 0) FROM movements WHERE sku = ?", [sku])
    return int(row.fetchone()[0])


def on_hand_all(db: Database) -> dict[str, int]:
    """on_hand of every SKU that has movements."""
    rows = db.execute("SELECT sku, sum(delta) FROM movements GROUP BY sku ORDER BY sku")
    return {sku: int(total) for sku, total in rows.fetchall()}
