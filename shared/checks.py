"""What `omnistore doctor` reports: one line per check, ok or what to do about it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Check:
    """One finding. `detail` says what was seen when ok, and what to do when not."""

    name: str
    ok: bool
    detail: str

    def line(self) -> str:
        return f"{'ok  ' if self.ok else 'FAIL'}  {self.name}: {self.detail}"


def private_mode(mode: int) -> bool:
    """Readable by its owner only (no group or other bits)."""
    return mode & 0o077 == 0
