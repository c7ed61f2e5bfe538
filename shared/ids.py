"""Time-ordered UUIDs (RFC 9562 version 7): client-chosen ids that sort by creation time and
index well, so an id can be the idempotency key and the sort key at once."""

from __future__ import annotations

import os
import threading
import time
import uuid

_RAND_BYTES = 10  # 2 for rand_a (12 bits used), 8 for rand_b (62 bits used)
_MAX_MS = (1 << 48) - 1
_MAX_COUNTER = 0xFFF
_SEED_MASK = 0x3FF  # a fresh millisecond starts its counter low, leaving room to count up

_lock = threading.Lock()
_last = (-1, 0)  # (ms, counter) of the previous clock-driven id in this process


def _next_clock_slot(ms: int, noise: bytes) -> tuple[int, int]:
    """(ms, counter) strictly after the previous clock-driven id, even when the clock has not
    moved or stepped back: the counter counts up, borrowing the next ms when it overflows."""
    global _last
    with _lock:
        last_ms, counter = _last
        if ms > last_ms:
            slot = (ms, int.from_bytes(noise[:2], "big") & _SEED_MASK)
        elif counter < _MAX_COUNTER:
            slot = (last_ms, counter + 1)
        else:
            slot = (last_ms + 1, 0)
        _last = slot
    return slot


def _assemble(ms: int, counter: int, noise: bytes) -> uuid.UUID:
    """Lay out unix_ts_ms(48) | ver(4)=7 | rand_a(12) | var(2)=0b10 | rand_b(62)."""
    tail = int.from_bytes(noise[2:_RAND_BYTES], "big") & ((1 << 62) - 1)
    return uuid.UUID(int=ms << 80 | 0x7 << 76 | counter << 64 | 0b10 << 62 | tail)


def uuid7(now_ms: int | None = None, rand: bytes | None = None) -> uuid.UUID:
    """A UUIDv7. From the clock (`now_ms` None) ids strictly increase within the process; with
    an explicit `now_ms` that time is used as given and rand_a comes from `rand`, so
    `uuid7(t, r)` is deterministic. `rand` needs at least 10 bytes."""
    noise = os.urandom(_RAND_BYTES) if rand is None else rand
    if len(noise) < _RAND_BYTES:
        raise ValueError(f"rand needs at least {_RAND_BYTES} bytes")
    if now_ms is None:
        ms, counter = _next_clock_slot(time.time_ns() // 1_000_000, noise)
    elif 0 <= now_ms <= _MAX_MS:
        ms, counter = now_ms, int.from_bytes(noise[:2], "big") & _MAX_COUNTER
    else:
        raise ValueError(f"now_ms must fit in 48 bits, not {now_ms}")
    return _assemble(ms & _MAX_MS, counter, noise)


def new_id() -> str:
    """A new time-ordered id as text: the form ids take in JSON and in the databases."""
    return str(uuid7())


def uuid7_time_ms(u: uuid.UUID | str) -> int:
    """The creation time (unix ms) inside a UUIDv7; ValueError for other UUIDs."""
    value = uuid.UUID(u) if isinstance(u, str) else u
    if value.version != 7:
        raise ValueError(f"{value} is not a version 7 UUID")
    return value.int >> 80
