"""The pusher: drains the outbox in order, in compressed batches, and records each verdict."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field

from sqlite_utils import Database

from edge import clock, transfers
from edge.storage import outbox as rows
from edge.storage import state
from edge.storage.db import write
from edge.sync.client import CloudClient
from edge.sync.session import exchange
from shared.clock import format_ts, from_epoch
from shared.models import PushOut
from shared.transfers import TransferEvent

PUSH_PATH = "/api/v1/sync/push"
BATCH = 200
# Of JSON per push: gzipped it stays under the cloud's 1 MB body limit even when it barely
# compresses, and inflated under its 4 MB cap.
MAX_BATCH_BYTES = 512 * 1024


@dataclass
class PushReport:
    accepted: int = 0
    duplicate: int = 0
    rejected: int = 0
    reasons: list[str] = field(default_factory=list)


def push_pending(db: Database, client: CloudClient, batch: int = BATCH) -> PushReport:
    """Send every pending event. A failure raises and leaves the batch pending: the cloud
    applies by event id, so sending it again can never double-count."""
    report = PushReport()
    while events := rows.pending(db, batch):
        body = {
            "clock_offset_s": clock.offset_s(db),
            "events": _by_size([_wire(event) for event in events]),
        }
        answer = exchange(db, client, "POST", PUSH_PATH, body=body)
        _record(db, PushOut.model_validate(answer.data), report, events)
    return report


def _by_size(
    wired: list[dict[str, object]], limit: int = MAX_BATCH_BYTES
) -> list[dict[str, object]]:
    """The longest prefix of a batch whose JSON stays under `limit` (at least one event:
    one alone can never be too big for the cloud's cap, which rejects it per event)."""
    size = 0
    for n, event in enumerate(wired):
        size += len(json.dumps(event, separators=(",", ":")).encode()) + 1
        if size > limit and n > 0:
            return wired[:n]
    return wired


def _wire(row: rows.OutboxRow) -> dict[str, object]:
    return {
        "id": row.id,
        "kind": row.kind,
        "hlc": row.hlc,
        "occurred_at": row.occurred_at,
        "device_time": row.device_time,
        "body": json.loads(row.body),
    }


def _record(db: Database, answer: PushOut, report: PushReport, sent: list[rows.OutboxRow]) -> None:
    """Each verdict on its event; a refused transfer request also ends at its transfer."""
    now = format_ts(from_epoch(time.time()))
    by_id = {event.id: event for event in sent}
    with write(db):
        for result in answer.results:
            status = "rejected" if result.status == "rejected" else "acked"
            rows.mark(db, result.id, status, result.reason, now)
            event = by_id.get(result.id)
            if status == "rejected" and event is not None and event.kind == "transfer":
                transfers.refused(db, TransferEvent.model_validate_json(event.body))
            setattr(report, result.status, getattr(report, result.status) + 1)
            if result.reason:
                report.reasons.append(f"{result.id}: {result.reason}")
        state.put(db, "last_push_at", now)
