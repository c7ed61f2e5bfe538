"""Settling a sale against its tenders and splitting refunds: pure rules both sides share."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from shared.errors import Unprocessable


class Tender(Protocol):
    @property
    def method(self) -> str: ...

    @property
    def amount(self) -> int: ...


def change_due(total: int, payments: Sequence[Tender]) -> int:
    """Change to give back. Only cash gives change: card and voucher may not exceed what is
    still due once cash is set aside, or the till would pay out money it never took."""
    paid = sum(p.amount for p in payments)
    if paid < total:
        raise Unprocessable("payment_short", f"payments cover {paid} of {total}")
    change = paid - total
    cash = sum(p.amount for p in payments if p.method == "cash")
    if change > cash:
        raise Unprocessable(
            "overpayment",
            "card and voucher payments may not exceed the amount due; only cash gives change",
        )
    return change


def check_refunds(due: int, refunds: Sequence[Tender]) -> None:
    """Refund tenders given by the cashier must add up to exactly the amount due."""
    given = sum(r.amount for r in refunds)
    if given != due:
        raise Unprocessable("refund_mismatch", f"refunds add up to {given}, amount due is {due}")
