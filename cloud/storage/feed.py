"""Per-store change feeds with a monotonically increasing sequence that is safe to read
even where sequences commit out of order.

A feed is the rows of `feed` for one `store`, numbered by `seq`. Appending runs
`UPDATE feed_counters SET seq = seq + 1 WHERE store = :s RETURNING seq` inside the same
transaction as the fact it announces (the counter row is inserted first if missing). That
row lock is held until commit, so appends to one feed are serialised and commit in
sequence order: once a reader has seen seq N, no row numbered below N can still commit
behind it. A database sequence would not give this (PostgreSQL hands out numbers at once
and transactions commit in any order, so a reader could skip a row for ever).

The catalogue is one feed shared by every store, under the pseudo-store `*`, so a product
change is written once, not fanned out per store; a node's cursor holds a position in the
catalogue feed and one in its own store's feed."""

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
    seq = int(
        conn.execute(
            sa.update(feed_counters)
            .where(feed_counters.c.store == store)
            .values(seq=feed_counters.c.seq + 1)
            .returning(feed_counters.c.seq)
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
