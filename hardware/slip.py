"""The endless-aisle pickup slip: the customer leaves the till with it and collects the
order at the other store with the code or by showing the QR."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from hardware.layout import Paper
from hardware.ticket import Ticket, local_time


def print_pickup_slip(
    printer: Any,
    *,
    order_id: str,
    pickup_code: str,
    pickup_qr: str,
    pickup_store: str,
    customer: str,
    lines: list[tuple[str, int]],
    placed_at: str,
    expires_at: datetime | str | None,
    paper_mm: int = Paper.MM80,
) -> None:
    """Where to collect, the six-digit code in large print, the QR the pickup store scans
    (`OMNISTORE:PICKUP:<order id>:<code>`), what was ordered and until when it is held."""
    ticket = Ticket(printer, paper_mm)
    ticket.title("ORDER TO COLLECT")
    ticket.wrapped(f"At: {pickup_store}")
    ticket.wrapped(f"For: {customer}")
    ticket.rule()
    ticket.line("Pickup code")
    ticket.big(pickup_code)
    ticket.qr(pickup_qr)
    ticket.rule()
    for name, qty in lines:
        ticket.pair(name, f"x{qty}")
    ticket.rule()
    ticket.line(f"Held until {local_time(expires_at)}")
    ticket.wrapped(f"Ordered at {placed_at}")
    ticket.wrapped(f"Order {order_id}")
    ticket.cut()
