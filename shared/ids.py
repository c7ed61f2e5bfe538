"""Time-ordered UUIDs (RFC 9562 version 7): ids sort by creation time, index well."""

from __future__ import annotations

import os
import threading
import time
import uuid

_lock = threading.Lock()
_last = (0, 0)  # (ms, counter) of the previous id in this process


def uuid7(now_ms: int | None = None, rand: bytes | None = None) -> uuid.UUID:
    """48-bit unix ms, version 7, a 12-bit counter so ids of one millisecond still increase,
    variant 10, 62 random bits."""
    global _last
    ms = time.time_ns() // 1_000_000 if now_ms is None else now_ms
    noise = rand if rand is not None else os.urandom(10)
    with _lock:
        last_ms, counter = _last
        if ms <= last_ms:
            ms, counter = last_ms, counter + 1
            if counter > 0xFFF:
                ms, counter = last_ms + 1, 0
        else:
            counter = int.from_bytes(noise[:2], "big") & 0x3FF
        _last = (ms, counter)
    tail = int.from_bytes(noise[2:10], "big") & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | counter << 64 | 0b10 << 62 | tail
    return uuid.UUID(int=value)


def new_id() -> str:
    """A new time-ordered id as text."""
    return str(uuid7())


def uuid7_time_ms(value: uuid.UUID | str) -> int:
    """The creation time (unix ms) inside a UUIDv7."""
    u = uuid.UUID(str(value)) if isinstance(value, str) else value
    return u.int >> 80
