"""The transactional outbox: every local fact appends its event in the same transaction."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel
from sqlite_utils import Database

from edge.clock import next_hlc
from edge.storage import outbox as rows
from shared.clock import format_ts
from shared.ids import new_id


def append(
    db: Database,
    store: str,
    kind: str,
    body: BaseModel,
    occurred_at: datetime,
    device_time: datetime,
) -> str:
    """Queue one event for the pusher; the caller holds the write transaction."""
    if not db.conn.in_transaction:
        raise RuntimeError("outbox.append must run inside the fact's transaction")
    event_id = new_id()
    rows.insert(
        db,
        rows.OutboxRow(
            seq=0,
            id=event_id,
            kind=kind,
            hlc=next_hlc(db, store, occurred_at),
            occurred_at=format_ts(occurred_at),
            device_time=format_ts(device_time),
            body=body.model_dump_json(),
            status="pending",
            reason=None,
        ),
    )
    return event_id


def depth(db: Database) -> int:
    """Events not yet acknowledged by the cloud."""
    return rows.count(db, "pending")


def rejected(db: Database, limit: int = 100) -> list[rows.OutboxRow]:
    """Events the cloud refused: kept and shown, never dropped."""
    return rows.with_status(db, "rejected", limit)
