"""What goes on paper: sale and return receipts, the Z report and click-and-collect bag
labels, laid out for 58 or 80 mm paper with the escpos API. A receipt carries a QR code
`OMNISTORE:SALE:<sale id>` that the POS scans back for returns."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from hardware.layout import columns, rule, two_columns
from hardware.printer import kick_drawer
from shared.models import Return, Sale
from shared.money import format_money

SALE_QR = "OMNISTORE:SALE:"
ORDER_QR = "OMNISTORE:ORDER:"


def receipt_qr(sale_id: str) -> str:
    return SALE_QR + sale_id


def parse_receipt_qr(text: str) -> str | None:
    """The sale id in a scanned receipt QR, or None for anything else."""
    text = text.strip()
    return text[len(SALE_QR) :] or None if text.startswith(SALE_QR) else None


def print_sale_receipt(
    printer: Any,
    sale: Sale,
    *,
    store_name: str,
    currency: str,
    paper_mm: int = 80,
    open_drawer: bool = False,
) -> None:
    """The customer's receipt; the drawer opens only when the caller says (cash sales)."""
    width = columns(paper_mm)
    _header(printer, store_name, width)
    for line in sale.lines:
        printer.textln(line.name[:width] if line.name else line.sku)
        printer.textln(
            two_columns(
                f"  {line.qty} x {format_money(line.unit_price, currency)}",
                format_money(line.total, currency),
                width,
            )
        )
    printer.textln(rule(width))
    printer.set(bold=True, double_height=True)
    printer.textln(two_columns("TOTAL", format_money(sale.total, currency), width))
    printer.set(bold=False, double_height=False, normal_textsize=True)
    for payment in sale.payments:
        label = payment.method.upper() + (f" {payment.ref}" if payment.ref else "")
        printer.textln(two_columns(label, format_money(payment.amount, currency), width))
    if sale.change:
        printer.textln(two_columns("CHANGE", format_money(sale.change, currency), width))
    _vat(printer, [(v.rate_bp, v.net, v.vat, v.gross) for v in sale.vat], currency, width)
    _footer(printer, sale.receipt_no, sale.cashier, sale.occurred_at, width)
    _qr(printer, receipt_qr(sale.id))
    printer.cut()
    if open_drawer:
        kick_drawer(printer)


def print_return_receipt(
    printer: Any,
    ret: Return,
    *,
    store_name: str,
    currency: str,
    paper_mm: int = 80,
    open_drawer: bool = False,
) -> None:
    """A refund slip naming the original receipt."""
    width = columns(paper_mm)
    _header(printer, store_name, width)
    printer.textln("RETURN" + (f" of {ret.sale_receipt_no}" if ret.sale_receipt_no else ""))
    for line in ret.lines:
        printer.textln(
            two_columns(
                f"{line.qty} x {line.name or line.sku}", format_money(-line.total, currency), width
            )
        )
    printer.textln(rule(width))
    printer.textln(two_columns("REFUND", format_money(-ret.total, currency), width))
    for refund in ret.refunds:
        printer.textln(
            two_columns(refund.method.upper(), format_money(-refund.amount, currency), width)
        )
    _footer(printer, ret.id[:8], ret.cashier, ret.occurred_at, width)
    printer.cut()
    if open_drawer:
        kick_drawer(printer)


def print_z_report(
    printer: Any, report: Mapping[str, Any], *, store_name: str, currency: str, paper_mm: int = 80
) -> None:
    """A shift's Z report. `report` is a ZReport as JSON: sales_count, sales_total,
    returns_count, returns_total, voids_count, voids_total, net_total, tenders
    [{method, amount}], vat [{rate_bp, net, vat, gross}], float_amount, expected_cash,
    counted_cash, difference, register, cashier, opened_at, closed_at."""
    width = columns(paper_mm)
    money = lambda amount: format_money(int(amount or 0), currency)  # noqa: E731
    _header(printer, store_name, width)
    printer.textln(f"Z REPORT register {report['register']} · {report['cashier']}")
    printer.textln(f"{report['opened_at']} – {report.get('closed_at') or 'open'}")
    printer.textln(rule(width))
    for label, count, total in (
        ("Sales", "sales_count", "sales_total"),
        ("Returns", "returns_count", "returns_total"),
        ("Voids", "voids_count", "voids_total"),
    ):
        printer.textln(two_columns(f"{label} ({report[count]})", money(report[total]), width))
    printer.textln(two_columns("Net", money(report["net_total"]), width))
    printer.textln(rule(width))
    for tender in report["tenders"]:
        printer.textln(two_columns(str(tender["method"]).upper(), money(tender["amount"]), width))
    _vat(
        printer,
        [(v["rate_bp"], v["net"], v["vat"], v["gross"]) for v in report["vat"]],
        currency,
        width,
    )
    printer.textln(rule(width))
    printer.textln(two_columns("Float", money(report["float_amount"]), width))
    printer.textln(two_columns("Expected cash", money(report["expected_cash"]), width))
    printer.textln(two_columns("Counted cash", money(report.get("counted_cash")), width))
    printer.set(bold=True)
    printer.textln(two_columns("Difference", money(report.get("difference")), width))
    printer.set(bold=False)
    printer.cut()


def print_bag_label(
    printer: Any, order_id: str, customer: str, lines: list[tuple[str, int]], *, paper_mm: int = 80
) -> None:
    """The label on a click-and-collect bag: who it is for, what is in it, a QR of the order."""
    width = columns(paper_mm)
    printer.set(align="center", bold=True, double_height=True, double_width=True)
    printer.textln("PICKUP")
    printer.set(
        align="left", bold=False, double_height=False, double_width=False, normal_textsize=True
    )
    printer.textln(customer[:width])
    printer.textln(f"Order {order_id}"[:width])
    printer.textln(rule(width))
    for name, qty in lines:
        printer.textln(two_columns(name, f"x{qty}", width))
    _qr(printer, ORDER_QR + order_id)
    printer.cut()


def _qr(printer: Any, content: str) -> None:
    """Native ESC/POS QR (the printer draws it), centred by alignment."""
    printer.set(align="center")
    printer.qr(content, native=True, size=6)
    printer.set(align="left")


def _header(printer: Any, store_name: str, width: int) -> None:
    printer.set(align="center", bold=True, double_height=True)
    printer.textln(store_name[:width])
    printer.set(align="left", bold=False, double_height=False, normal_textsize=True)
    printer.textln(rule(width))


def _vat(printer: Any, rows: list[tuple[int, int, int, int]], currency: str, width: int) -> None:
    printer.textln(rule(width))
    printer.textln(two_columns("VAT rate   net", "VAT", width))
    for rate_bp, net, vat, _gross in rows:
        label = f"{rate_bp / 100:>5.1f}% {format_money(net, currency)}"
        printer.textln(two_columns(label, format_money(vat, currency), width))


def _footer(printer: Any, number: str, cashier: str | None, at: datetime, width: int) -> None:
    printer.textln(rule(width))
    printer.textln(f"Receipt {number}"[:width])
    printer.textln(f"Cashier {cashier or '-'} · {at.astimezone().strftime('%Y-%m-%d %H:%M')}")
