"""Guessing is throttled: five failures for a key within 15 minutes lock that key for 15
minutes, the right answer included. Keys are scoped: `staff:<name>`, `order:<id>`."""

from __future__ import annotations

import math

from sqlite_utils import Database

from edge.storage import staff as rows
from edge.storage.db import write
from shared.errors import TooManyRequests

MAX_FAILURES = 5
WINDOW_S = 15 * 60
LOCKOUT_S = 15 * 60


def refuse_if_locked(db: Database, key: str, now: float, message: str) -> None:
    """429 with Retry-After while the key is locked."""
    until = rows.locked_until(db, key)
    if until is not None and until > now:
        wait = math.ceil(until - now)
        raise TooManyRequests(
            "too_many_attempts",
            f"{message}; try again in {wait} s",
            headers={"Retry-After": str(wait)},
        )


def record_failure(db: Database, key: str, now: float) -> None:
    """Count a failure; the fifth within the window locks the key."""
    with write(db):
        rows.record_failure(db, key, now)
        if len(rows.failures_since(db, key, now - WINDOW_S)) >= MAX_FAILURES:
            rows.lock(db, key, now + LOCKOUT_S)
