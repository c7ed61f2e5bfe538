"""What the customer takes home: sale and return receipts, laid out for 58 or 80 mm paper
with the escpos API. A sale receipt ends with a QR code `OMNISTORE:SALE:<sale id>` (see
`hardware.qr`) that the till scans back for a return.

The Z report and bag labels live in `hardware.reports`; they are importable from here too,
so callers find every printed document in one place."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from hardware.layout import Paper, amount, percent
from hardware.printer import kick_drawer
from hardware.qr import parse_receipt_qr, receipt_qr
from hardware.reports import print_bag_label, print_z_report
from hardware.ticket import Ticket, local_time
from shared.models import Return, Sale
from shared.money import format_money, vat_breakdown

__all__ = [
    "kick_drawer",
    "parse_receipt_qr",
    "print_bag_label",
    "print_return_receipt",
    "print_sale_receipt",
    "print_z_report",
    "receipt_qr",
]

VatRow = tuple[int, int, int, int]  # rate_bp, net, vat, gross


def print_sale_receipt(
    printer: Any,
    sale: Sale,
    *,
    store_name: str,
    currency: str,
    paper_width: int = Paper.MM80,
    open_drawer: bool = False,
    paper_mm: int | None = None,
    customer_name: str | None = None,
) -> None:
    """The customer's receipt. `open_drawer`: the caller passes True only for sales with a
    cash tender; the drawer is kicked first, so it opens while the receipt prints.
    `paper_mm` is the older name of `paper_width` (58/80 mm or a `Paper`)."""
    ticket = Ticket(printer, paper_mm or paper_width)
    if open_drawer:
        kick_drawer(printer)
    ticket.title(store_name)
    if sale.voided:
        ticket.title("*** VOIDED ***")
    ticket.rule()
    for line in sale.lines:
        ticket.wrapped(line.name or line.sku)
        ticket.pair(
            f"  {line.qty} x {amount(line.unit_price, currency)}",
            amount(line.unit_price * line.qty if line.discount else line.total, currency),
        )
        for part in line.discounts:
            label = part.name or ("Discount" if part.source == "manual" else "Promotion")
            ticket.pair(f"  {label}", amount(-part.amount, currency))
    ticket.rule()
    ticket.pair("TOTAL", format_money(sale.total, currency), strong=True)
    saved = sum(line.discount for line in sale.lines)
    if saved:
        ticket.pair("YOU SAVED", format_money(saved, currency))
    for payment in sale.payments:
        label = payment.method.upper() + (f" {payment.ref}" if payment.ref else "")
        ticket.pair(label, format_money(payment.amount, currency))
    if sale.change:
        ticket.pair("CHANGE", format_money(sale.change, currency))
    vat_rows = [(v.rate_bp, v.net, v.vat, v.gross) for v in sale.vat]
    vat_block(ticket, vat_rows or _vat_of(sale.lines), currency)
    _points(ticket, sale, customer_name)
    _footer(ticket, f"Receipt {sale.receipt_no}", sale.cashier, sale.occurred_at)
    ticket.qr(receipt_qr(sale.id))
    ticket.cut()


def _points(ticket: Ticket, sale: Sale, customer_name: str | None) -> None:
    """The member block: first name only (the receipt may be left behind), then points."""
    if sale.loyalty is None:
        return
    ticket.rule()
    ticket.pair("MEMBER", customer_name or "")
    ticket.pair("POINTS EARNED", str(sale.loyalty.earned))
    if sale.loyalty.redeemed:
        ticket.pair("POINTS REDEEMED", str(sale.loyalty.redeemed))
    ticket.pair("POINTS BALANCE", str(sale.loyalty.balance))


def print_return_receipt(
    printer: Any,
    ret: Return,
    *,
    store_name: str,
    currency: str,
    paper_width: int = Paper.MM80,
    open_drawer: bool = False,
    paper_mm: int | None = None,
) -> None:
    """The refund slip, naming the original receipt; amounts are negative, as on the books.
    `open_drawer` for cash refunds, as for sales."""
    ticket = Ticket(printer, paper_mm or paper_width)
    if open_drawer:
        kick_drawer(printer)
    ticket.title(store_name)
    ticket.title("RETURN")
    if ret.sale_receipt_no:
        ticket.wrapped(f"Original receipt {ret.sale_receipt_no}")
    elif ret.sale_id is None:
        ticket.line("Without receipt")
    ticket.rule()
    for line in ret.lines:
        ticket.wrapped(line.name or line.sku)
        ticket.pair(
            f"  {line.qty} x {amount(line.unit_price, currency)}", amount(-line.total, currency)
        )
    ticket.rule()
    ticket.pair("REFUND", format_money(-ret.total, currency), strong=True)
    for refund in ret.refunds:
        ticket.pair(refund.method.upper(), format_money(-refund.amount, currency))
    if ret.reason:
        ticket.wrapped(f"Reason: {ret.reason}")
    rows = [(rate, -net, -vat, -gross) for rate, net, vat, gross in _vat_of(ret.lines)]
    vat_block(ticket, rows, currency)
    _footer(ticket, f"Return {ret.id}", ret.cashier, ret.occurred_at)
    ticket.cut()


def vat_block(ticket: Ticket, rows: list[VatRow], currency: str) -> None:
    """The VAT breakdown per rate (SPEC §3): rate, net, VAT, gross."""
    if not rows:
        return
    ticket.rule()
    ticket.line(f"VAT breakdown ({currency.upper()})")
    ticket.table(
        ("Rate", "Net", "VAT", "Gross"),
        [
            (percent(rate), amount(net, currency), amount(vat, currency), amount(gross, currency))
            for rate, net, vat, gross in rows
        ],
    )


def _vat_of(lines: Iterable[Any]) -> list[VatRow]:
    """The breakdown from the lines, with the rounding rules of `shared.money`."""
    return [
        (v.rate_bp, v.net, v.vat, v.gross)
        for v in vat_breakdown((line.total, line.vat_rate_bp) for line in lines)
    ]


def _footer(ticket: Ticket, number: str, cashier: str | None, at: datetime) -> None:
    ticket.rule()
    ticket.wrapped(number)
    ticket.line(f"Cashier {cashier or '-'}")
    ticket.line(local_time(at))
