"""Telling a keyboard-wedge scanner from a person typing. A wedge scanner "types" its code as
keystrokes; what gives it away is speed: a burst of at least `min_length` printable
characters, each within `max_gap_s` of the previous one, ended by Enter. People type at
100-300 ms a key; scanners at a few ms.

Pure logic, fed with timestamps, so the TUI owns the clock and tests own time."""

from __future__ import annotations

ENTER = ("\r", "\n")


class WedgeDetector:
    """Feed every keystroke; `feed` returns the code when an Enter ends a scanner burst.

    Keystrokes that turn out not to be a scan are never lost: `take_typed()` hands them back
    (Enter included) for the TUI to replay into the focused input. The current burst, which
    may still become a scan, is `pending()`."""

    def __init__(self, min_length: int = 6, max_gap_s: float = 0.035) -> None:
        if min_length < 1 or max_gap_s <= 0:
            raise ValueError("min_length must be >= 1 and max_gap_s > 0")
        self.min_length = min_length
        self.max_gap_s = max_gap_s
        self._burst: list[str] = []
        self._typed: list[str] = []
        self._last_at: float | None = None

    def feed(self, char: str, at: float) -> str | None:
        """One keystroke at time `at` (seconds, monotonic); Enter is "\\r" or "\\n"."""
        fast = self._last_at is not None and 0 <= at - self._last_at <= self.max_gap_s
        self._last_at = at
        if char in ENTER:
            if fast and len(self._burst) >= self.min_length:
                code = "".join(self._burst)
                self._burst = []
                return code
            self._give_back(char)
            return None
        if len(char) != 1 or not char.isprintable():
            self._give_back(char)
            return None
        if not fast:
            self._give_back()
        self._burst.append(char)
        return None

    def pending(self) -> str:
        """The keystrokes of the current burst: undecided until Enter or a pause."""
        return "".join(self._burst)

    def take_typed(self, now: float | None = None) -> str:
        """Keystrokes known not to be a scan, since the last call. With `now`, a burst that
        can no longer become a scan (no key for longer than `max_gap_s`) is included, so a
        TUI timer can hand slow typing back without waiting for the next key."""
        if now is not None and self._last_at is not None and now - self._last_at > self.max_gap_s:
            self._give_back()
        typed, self._typed = "".join(self._typed), []
        return typed

    def _give_back(self, extra: str = "") -> None:
        self._typed.extend(self._burst)
        self._burst = []
        if extra:
            self._typed.append(extra)
