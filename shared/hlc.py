"""Hybrid logical clock (Kulkarni et al., 2014): orders events across nodes whose clocks
disagree while staying close to physical time. Pure: physical time is always passed in."""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_DRIFT_MS = 300_000
_WALL_DIGITS = 15
_COUNTER_DIGITS = 6
_MAX_WALL = 10**_WALL_DIGITS - 1
_MAX_COUNTER = 10**_COUNTER_DIGITS - 1
_ENCODED = re.compile(r"([0-9]{15})-([0-9]{6})-(.*)", re.ASCII | re.DOTALL)


class ClockDriftError(ValueError):
    """A remote stamp too far ahead of our clock to adopt without dragging ours with it."""


@dataclass(frozen=True, order=True)
class Timestamp:
    """An HLC stamp; compares by (wall_ms, counter, node), and so does its `encode()` text."""

    wall_ms: int
    counter: int
    node: str

    def encode(self) -> str:
        """Fixed-width text that sorts lexicographically like the timestamp itself, so it can
        be stored and compared as a plain string."""
        if not (0 <= self.wall_ms <= _MAX_WALL and 0 <= self.counter <= _MAX_COUNTER):
            raise ValueError(f"timestamp out of encodable range: {self!r}")
        return f"{self.wall_ms:015d}-{self.counter:06d}-{self.node}"

    @classmethod
    def decode(cls, s: str) -> Timestamp:
        """Parse `encode()` output; anything else is ValueError."""
        match = _ENCODED.fullmatch(s)
        if match is None:
            raise ValueError(f"not an HLC timestamp: {s!r}")
        return cls(int(match[1]), int(match[2]), match[3])


class HybridLogicalClock:
    """One node's clock: `now` stamps local and send events, `update` merges a received one.
    Every stamp is greater than the previous one and never behind physical time."""

    def __init__(self, node: str, last: Timestamp | None = None) -> None:
        self.node = node
        self._last = Timestamp(0, 0, node) if last is None else last

    @property
    def last(self) -> Timestamp:
        """The latest stamp issued (or the one the clock was restored from)."""
        return self._last

    def _issue(self, wall_ms: int, counter: int) -> Timestamp:
        """Record and return a stamp; a counter that would outgrow its encoded width carries
        into the wall time instead, which keeps every guarantee."""
        if counter > _MAX_COUNTER:
            wall_ms, counter = wall_ms + 1, 0
        self._last = Timestamp(wall_ms, counter, self.node)
        return self._last

    def now(self, physical_ms: int) -> Timestamp:
        """Stamp a local or send event."""
        if physical_ms > self._last.wall_ms:
            return self._issue(physical_ms, 0)
        return self._issue(self._last.wall_ms, self._last.counter + 1)

    def update(self, remote: Timestamp, physical_ms: int) -> Timestamp:
        """Stamp a receive event: greater than both our last stamp and the remote one.
        ClockDriftError if the remote wall time is more than MAX_DRIFT_MS ahead of ours."""
        if remote.wall_ms > physical_ms + MAX_DRIFT_MS:
            ahead = remote.wall_ms - physical_ms
            raise ClockDriftError(f"remote clock is {ahead} ms ahead (limit {MAX_DRIFT_MS} ms)")
        last = self._last
        wall = max(last.wall_ms, remote.wall_ms, physical_ms)
        if wall == last.wall_ms == remote.wall_ms:
            counter = max(last.counter, remote.counter) + 1
        elif wall == last.wall_ms:
            counter = last.counter + 1
        elif wall == remote.wall_ms:
            counter = remote.counter + 1
        else:
            counter = 0
        return self._issue(wall, counter)
