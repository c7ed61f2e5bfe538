"""Hybrid logical clock: orders events across nodes whose clocks disagree, while staying
close to physical time (Kulkarni et al., 2014). Pure: physical time is passed in."""

from __future__ import annotations

from dataclasses import dataclass

MAX_DRIFT_MS = 300_000


class ClockDriftError(ValueError):
    """A remote stamp too far ahead of our clock to accept without corrupting ours."""


@dataclass(frozen=True, order=True)
class Timestamp:
    wall_ms: int
    counter: int
    node: str

    def encode(self) -> str:
        """Fixed-width text that sorts like the timestamp itself."""
        return f"{self.wall_ms:015d}-{self.counter:06d}-{self.node}"

    @classmethod
    def decode(cls, text: str) -> Timestamp:
        """Parse `encode()` output; anything else is ValueError."""
        wall, counter, node = text.split("-", 2)
        if len(wall) != 15 or len(counter) != 6 or not (wall + counter).isdigit():
            raise ValueError(f"not an HLC timestamp: {text!r}")
        return cls(int(wall), int(counter), node)


class HybridLogicalClock:
    """One node's clock; `now` stamps local events, `update` merges a received stamp."""

    def __init__(self, node: str, last: Timestamp | None = None) -> None:
        self.node = node
        self._last = last or Timestamp(0, 0, node)

    @property
    def last(self) -> Timestamp:
        return self._last

    def now(self, physical_ms: int) -> Timestamp:
        """A stamp greater than every earlier one and never behind physical time."""
        if physical_ms > self._last.wall_ms:
            stamp = Timestamp(physical_ms, 0, self.node)
        else:
            stamp = Timestamp(self._last.wall_ms, self._last.counter + 1, self.node)
        self._last = stamp
        return stamp

    def update(self, remote: Timestamp, physical_ms: int) -> Timestamp:
        """A stamp greater than both our last one and the remote one."""
        if remote.wall_ms > physical_ms + MAX_DRIFT_MS:
            raise ClockDriftError(f"remote clock is {remote.wall_ms - physical_ms} ms ahead")
        wall = max(self._last.wall_ms, remote.wall_ms, physical_ms)
        if wall == self._last.wall_ms == remote.wall_ms:
            counter = max(self._last.counter, remote.counter) + 1
        elif wall == self._last.wall_ms:
            counter = self._last.counter + 1
        elif wall == remote.wall_ms:
            counter = remote.counter + 1
        else:
            counter = 0
        self._last = Timestamp(wall, counter, self.node)
        return self._last
