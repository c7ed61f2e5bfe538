"""What the fleet page shows about each node: what the cloud saw (last push and pull, the
clock offset a push carries) and what the node says of itself in two optional headers on
its sync calls, `X-Omnistore-Version` (its software version) and `X-Omnistore-Outbox` (its
outbox depth). Older nodes send neither; their columns stay empty."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any, Protocol

import sqlalchemy as sa

from cloud.storage import console
from shared.clock import now_text, parse_ts, utc_now

VERSION_HEADER = "X-Omnistore-Version"
OUTBOX_HEADER = "X-Omnistore-Outbox"


class Headers(Protocol):
    def get(self, key: str, default: str) -> str: ...


_VERSION = re.compile(r"^[A-Za-z0-9.+_-]{1,40}$")


def reported(engine: sa.Engine, store: str, headers: Headers, *, push_offset: float | None) -> None:
    """Record a node's sync call: a push (with its clock offset) or a pull. Malformed
    header values are ignored, never refused: they are information, not requests."""
    version = headers.get(VERSION_HEADER, "")
    outbox = headers.get(OUTBOX_HEADER, "")
    now = now_text()
    values: dict[str, Any] = {
        "version": version if _VERSION.match(version) else None,
        "outbox": int(outbox) if outbox.isdigit() and len(outbox) < 12 else None,
    }
    if push_offset is None:
        values["last_pull_at"] = now
    else:
        values |= {"last_push_at": now, "clock_offset_s": push_offset}
    with engine.begin() as conn:
        console.report_node(conn, store, values)


def fleet(conn: sa.Connection, offline_after_s: float) -> list[dict[str, Any]]:
    """Every store, `online` when its node called within `offline_after_s` seconds."""
    limit = utc_now() - timedelta(seconds=offline_after_s)
    rows = console.fleet(conn)
    for row in rows:
        last = row["last_sync_at"]
        row["enrolled"] = row["keyid"] is not None
        row["online"] = last is not None and parse_ts(last) >= limit
    return rows
