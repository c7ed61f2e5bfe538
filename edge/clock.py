"""The node's notion of time: device clock corrected by the offset learned from the cloud,
plus a hybrid logical clock that orders its events."""

from __future__ import annotations

import time
from datetime import datetime

from sqlite_utils import Database

from edge.storage import state
from shared.clock import from_epoch
from shared.hlc import HybridLogicalClock, Timestamp

OFFSET_KEY = "clock_offset_s"
HLC_KEY = "hlc"


def offset_s(db: Database) -> float:
    """Seconds to add to the device clock to get the cloud's time."""
    return float(state.get(db, OFFSET_KEY) or 0.0)


def set_offset(db: Database, offset: float) -> None:
    """Remember the latest offset measured against the cloud's `Date` header."""
    state.put(db, OFFSET_KEY, f"{offset:.3f}")


def now(db: Database) -> tuple[datetime, datetime]:
    """(occurred_at, device_time): corrected time and the raw device time beside it."""
    device = time.time()
    return from_epoch(device + offset_s(db)), from_epoch(device)


def next_hlc(db: Database, node: str, corrected: datetime) -> str:
    """Stamp a local event; call inside the write transaction so stamps never repeat."""
    last_text = state.get(db, HLC_KEY)
    last = Timestamp.decode(last_text) if last_text else None
    clock = HybridLogicalClock(node, last)
    stamp = clock.now(int(corrected.timestamp() * 1000))
    state.put(db, HLC_KEY, stamp.encode())
    return stamp.encode()
