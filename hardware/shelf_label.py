"""Shelf labels for 58 or 80 mm paper: the product's name, its price in large digits (per kg
for goods sold by weight), the promotions the shelf shows, from when, and its barcode, so a
label can be scanned to check it against the till."""

from __future__ import annotations

from typing import Any

from hardware.layout import Paper
from hardware.ticket import Ticket, local_time
from shared.barcodes import is_valid_gtin
from shared.money import format_money
from shared.pricing.models import ShelfLabel


def print_shelf_label(
    printer: Any, label: ShelfLabel, *, currency: str, paper_width: int = Paper.MM80
) -> None:
    """One label; the barcode is drawn when it is an EAN-13 the printer can render."""
    ticket = Ticket(printer, paper_width)
    ticket.title(label.name)
    price = format_money(label.price, currency)
    ticket.big(f"{price} / {label.per}" if label.per else price)
    for name in label.promotions:
        ticket.wrapped(f"* {name}")
    ticket.rule()
    ticket.pair(label.sku, f"from {local_time(label.effective_at)}")
    if label.barcode and len(label.barcode) == 13 and is_valid_gtin(label.barcode):
        printer.set(align="center")
        printer.barcode(label.barcode, "EAN13", height=48, width=2, pos="BELOW")
        printer.set(align="left")
    ticket.cut()
