"""What `edge status` and `GET /sync/status` show: is the node in step with the cloud?"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from edge import clock, outbox
from edge.node import NodeConfig
from edge.storage import state


def sync_status(db: Database, config: NodeConfig) -> dict[str, Any]:
    """Store, outbox depth, rejected events, last push/pull, cursor, clock offset, online."""
    values = state.get_all(db)
    rejected = outbox.rejected(db)
    return {
        "store": config.store,
        "outbox_pending": outbox.depth(db),
        "rejected": len(rejected),
        "rejected_events": [
            {"id": r.id, "kind": r.kind, "reason": r.reason, "occurred_at": r.occurred_at}
            for r in rejected
        ],
        "last_push_at": values.get("last_push_at"),
        "last_pull_at": values.get("last_pull_at"),
        "cursor": values.get("cursor"),
        "clock_offset_s": round(clock.offset_s(db), 3),
        "online": values.get("online") == "1",
        "last_error": values.get("last_error"),
    }
