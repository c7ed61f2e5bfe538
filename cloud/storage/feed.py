"""Per-store change feeds with a monotonically increasing sequence that is safe to read
even where sequences commit out of order.

Appending runs `UPDATE feed_counters SET seq = seq + 1` for the feed inside the same
transaction as the fact. That row lock is held until commit, so appends to one feed are
serialised and commit in sequence order: a reader that has seen seq N can never later
find a row with a lower number commit behind it (the PostgreSQL hazard with plain
sequences). The catalogue is one feed shared by every store, under the pseudo-store `*`,
so a product change is written once, not once per store."""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa

from cloud.storage.dialect import insert_ignore
from cloud.storage.schema import feed, feed_counters

CATALOGUE = "*"


def append(conn: sa.Connection, store: str, kind: str, body: dict[str, Any]) -> int:
    """Add one change to a feed; returns its sequence number."""
    insert_ignore(conn, feed_counters, {"store": store, "seq": 0})
    conn.execute(
        sa.update(feed_counters)
        .where(feed_counters.c.store == store)
        .values(seq=feed_counters.c.seq + 1)
    )
    seq = int(
        conn.execute(
            sa.select(feed_counters.c.seq).where(feed_counters.c.store == store)
        ).scalar_one()
    )
    conn.execute(sa.insert(feed).values(store=store, seq=seq, kind=kind, body=json.dumps(body)))
    return seq


def read(conn: sa.Connection, store: str, after: int, limit: int) -> list[tuple[int, str, Any]]:
    """Up to `limit` changes of one feed after a sequence number."""
    rows = conn.execute(
        sa.select(feed.c.seq, feed.c.kind, feed.c.body)
        .where(feed.c.store == store, feed.c.seq > after)
        .order_by(feed.c.seq)
        .limit(limit)
    )
    return [(int(seq), str(kind), json.loads(body)) for seq, kind, body in rows]
