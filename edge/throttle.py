"""Guessing is throttled: five failures for a key within 15 minutes lock that key for 15
minutes, the right answer included. Keys are scoped: `staff:<name>` (sign-in),
`approval:<session>` (manager PINs typed in a session), `order:<id>` (pickup codes).

Check-and-count is atomic: an attempt first takes a failure slot in one write transaction
(refused when the window is full), and gives it back only if it succeeds. Forty parallel
guesses therefore get at most five PIN checks, not eleven."""

from __future__ import annotations

import math
from collections.abc import Callable

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


def begin_attempt(db: Database, key: str, now: float, message: str) -> int:
    """Take a failure slot for one guess (429 when locked or the window is full); returns
    the slot to give back with `succeeded`. Rows past their window are pruned here, so
    failures never pile up on disk."""
    with write(db):
        rows.prune_failures(db, now - WINDOW_S, now)
        refuse_if_locked(db, key, now, message)
        if len(rows.failures_since(db, key, now - WINDOW_S)) >= MAX_FAILURES:
            rows.lock(db, key, now + LOCKOUT_S)
            refuse_if_locked(db, key, now, message)
        return rows.record_failure(db, key, now)


def failed(db: Database, key: str, now: float) -> None:
    """The guess was wrong: its slot stays taken, and the fifth in the window locks the key."""
    with write(db):
        if len(rows.failures_since(db, key, now - WINDOW_S)) >= MAX_FAILURES:
            rows.lock(db, key, now + LOCKOUT_S)


def succeeded(db: Database, slot: int) -> None:
    """The guess was right: it was not a failure after all."""
    with write(db):
        rows.forget_failure(db, slot)


def guarded(db: Database, key: str, now: float, message: str, check: Callable[[], bool]) -> bool:
    """Run one guess under the throttle: `check` runs only with a slot taken."""
    slot = begin_attempt(db, key, now, message)
    if check():
        succeeded(db, slot)
        return True
    failed(db, key, now)
    return False
