"""Transfers at the node, and the per-SKU counts a picker scans before shipping or
receiving one."""

from __future__ import annotations

from sqlite_utils import Database

from shared.clock import format_ts
from shared.transfers import Transfer


def get(db: Database, transfer_id: str) -> Transfer | None:
    row = db.execute("SELECT body FROM transfers WHERE id = ?", [transfer_id]).fetchone()
    return None if row is None else Transfer.model_validate_json(row[0])


def save(db: Database, transfer: Transfer) -> None:
    """Insert or replace a transfer."""
    db.execute(
        "INSERT INTO transfers(id, state, from_store, to_store, created_at, updated_at, body) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET state = excluded.state, "
        "updated_at = excluded.updated_at, body = excluded.body",
        [
            transfer.id,
            transfer.state,
            transfer.from_,
            transfer.to,
            format_ts(transfer.created_at),
            format_ts(transfer.updated_at),
            transfer.model_dump_json(),
        ],
    )


def list_by_state(db: Database, states: list[str], limit: int) -> list[Transfer]:
    """Transfers in any of these states, oldest first."""
    marks = ", ".join("?" for _ in states)
    rows = db.execute(
        f"SELECT body FROM transfers WHERE state IN ({marks}) ORDER BY created_at, id LIMIT ?",
        [*states, limit],
    ).fetchall()
    return [Transfer.model_validate_json(r[0]) for r in rows]


def counts(db: Database, transfer_id: str) -> dict[str, int]:
    """Units scanned so far per SKU for one transfer."""
    rows = db.execute(
        "SELECT sku, qty FROM transfer_counts WHERE transfer_id = ?", [transfer_id]
    ).fetchall()
    return {str(sku): int(qty) for sku, qty in rows}


def set_count(db: Database, transfer_id: str, sku: str, qty: int) -> None:
    db.execute(
        "INSERT INTO transfer_counts(transfer_id, sku, qty) VALUES (?, ?, ?) "
        "ON CONFLICT(transfer_id, sku) DO UPDATE SET qty = excluded.qty",
        [transfer_id, sku, qty],
    )


def clear_counts(db: Database, transfer_id: str) -> None:
    db.execute("DELETE FROM transfer_counts WHERE transfer_id = ?", [transfer_id])
