"""Printing an endless-aisle pickup slip through a till's print queue (a printer that is
off delays the slip; the order is placed either way and F9 prints what waited)."""

from __future__ import annotations

from edge.printing import Printing
from hardware.print_queue import PrintJob
from hardware.slip import print_pickup_slip
from shared.models import Order


def pickup_slip(printing: Printing, order: Order, names: dict[str, str], pickup_store: str) -> bool:
    """Queue the slip; False when the order carries no pickup code (a read, not a placement)."""
    if not order.pickup_code or not order.pickup_qr:
        return False
    code, qr = order.pickup_code, order.pickup_qr
    lines = [(names.get(line.sku, line.sku), line.qty) for line in order.lines]
    customer = str(order.customer.get("name", ""))
    return printing.queue.submit(
        PrintJob(
            f"pickup slip {order.id[:8]}",
            lambda p: print_pickup_slip(
                p,
                order_id=order.id,
                pickup_code=code,
                pickup_qr=qr,
                pickup_store=pickup_store,
                customer=customer,
                lines=lines,
                placed_at=printing.config.name,
                expires_at=order.expires_at,
                paper_mm=printing.paper_mm,
            ),
        )
    )
