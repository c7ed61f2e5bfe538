"""Request budgets per HQ token, kept in the database so that every gunicorn worker and
every instance counts against the same budget.

One row per key holds a GCRA "theoretical arrival time" (`tat`, epoch seconds): each
request moves it `interval` (1 / rate) into the future, and a request is allowed while
`tat` is at most `tolerance` ((burst - 1) × interval) ahead of now. Taking a request is one
conditional UPDATE (no read-modify-write race between workers)."""

from __future__ import annotations

import sqlalchemy as sa

from cloud.storage.dialect import insert_ignore
from cloud.storage.schema import rate_limits


def take(conn: sa.Connection, key: str, now: float, interval: float, tolerance: float) -> float:
    """Spend one request of `key`'s budget. Returns the new `tat` when allowed, or minus the
    seconds to wait when the budget is spent."""
    insert_ignore(conn, rate_limits, {"key": key, "tat": now})
    start = sa.case((rate_limits.c.tat > now, rate_limits.c.tat), else_=now)
    tat = conn.execute(
        sa.update(rate_limits)
        .where(rate_limits.c.key == key, rate_limits.c.tat - now <= tolerance)
        .values(tat=start + interval)
        .returning(rate_limits.c.tat)
    ).scalar()
    if tat is not None:
        return float(tat)
    current = conn.execute(sa.select(rate_limits.c.tat).where(rate_limits.c.key == key)).scalar()
    return -max(float(current or now) - now - tolerance, 0.001)
