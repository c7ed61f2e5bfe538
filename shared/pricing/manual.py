"""The manual discount cap: up to it a cashier may give a discount; above it a manager must
approve (SPEC §8). Measured against the list total of what it applies to (the line's unit
price × quantity, or the basket's list total), before any promotion."""

from __future__ import annotations

from shared.pricing.engine import Manual


def within_cap(manual: Manual, list_total: int, cap_bp: int) -> bool:
    """Whether a manual discount is at most `cap_bp` of `list_total`."""
    if manual.percent_bp is not None:
        return manual.percent_bp <= cap_bp
    return (manual.amount or 0) * 10_000 <= cap_bp * list_total
