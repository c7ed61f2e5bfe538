"""The outbox table: events written in the same transaction as the facts they carry."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database


@dataclass(frozen=True)
class OutboxRow:
    seq: int
    id: str
    kind: str
    hlc: str
    occurred_at: str
    device_time: str
    body: str
    status: str
    reason: str | None


_COLUMNS = "seq, id, kind, hlc, occurred_at, device_time, body, status, reason"


def insert(db: Database, row: OutboxRow) -> None:
    """Append one pending event."""
    db.execute(
        "INSERT INTO outbox(id, kind, hlc, occurred_at, device_time, body) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [row.id, row.kind, row.hlc, row.occurred_at, row.device_time, row.body],
    )


def pending(db: Database, limit: int) -> list[OutboxRow]:
    """The oldest pending events, in the order they were written."""
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM outbox WHERE status = 'pending' ORDER BY seq LIMIT ?", [limit]
    ).fetchall()
    return [OutboxRow(*r) for r in rows]


def mark(db: Database, event_id: str, status: str, reason: str | None, at: str) -> None:
    """Record the cloud's verdict on one event."""
    db.execute(
        "UPDATE outbox SET status = ?, reason = ?, acked_at = ?, attempts = attempts + 1 "
        "WHERE id = ? AND status = 'pending'",
        [status, reason, at, event_id],
    )


def count(db: Database, status: str) -> int:
    """How many events are in a status."""
    row = db.execute("SELECT count(*) FROM outbox WHERE status = ?", [status]).fetchone()
    return int(row[0])


def with_status(db: Database, status: str, limit: int) -> list[OutboxRow]:
    """Events in a status, oldest first (rejected ones are shown to the store)."""
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM outbox WHERE status = ? ORDER BY seq LIMIT ?", [status, limit]
    ).fetchall()
    return [OutboxRow(*r) for r in rows]


def oldest_pending_at(db: Database) -> str | None:
    """When the oldest event still waiting to be pushed happened."""
    row = db.execute(
        "SELECT occurred_at FROM outbox WHERE status = 'pending' ORDER BY seq LIMIT 1"
    ).fetchone()
    return None if row is None else str(row[0])
