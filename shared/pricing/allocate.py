"""Spreading one amount over several lines in proportion to their totals, largest remainder,
so the shares add up exactly and none exceeds its line."""

from __future__ import annotations


def largest_remainder(amount: int, weights: list[int]) -> list[int]:
    """Shares of `amount` proportional to `weights` (non-negative, amount ≤ their sum): floors
    first, then one more unit each to the largest remainders, ties to the earlier weight.
    Callers pass weights in a canonical order so the split never depends on scan order."""
    whole = sum(weights)
    if amount <= 0 or whole <= 0:
        return [0] * len(weights)
    amount = min(amount, whole)
    shares = [amount * w // whole for w in weights]
    rests = [amount * w % whole for w in weights]
    left = amount - sum(shares)
    for index in sorted(range(len(weights)), key=lambda i: (-rests[i], i))[:left]:
        shares[index] += 1
    return shares
