"""Paper for the staff rather than the customer: a shift's Z report and the label on a
click-and-collect bag."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hardware.layout import Paper, amount, percent
from hardware.qr import order_qr
from hardware.ticket import Ticket, local_time
from shared.money import format_money


def print_z_report(
    printer: Any,
    report: Mapping[str, Any],
    *,
    store_name: str,
    currency: str,
    paper_width: int = Paper.MM80,
    paper_mm: int | None = None,
) -> None:
    """A shift's Z report from a plain mapping (a `shared.models.ZReport` as JSON fits):

    - `sales_count`, `sales_total`, `returns_count`, `returns_total` (required);
    - `voids_count`, `voids_total`, `net_total` (net = sales - returns - voids);
    - `tenders`: [{method, amount}], the takings per tender;
    - `vat`: [{rate_bp, net, vat, gross}], per rate;
    - `float_amount`, `expected_cash`, `counted_cash` (None until counted), `difference`
      (counted - expected; computed when absent and both are known);
    - `shift_id`, `register`, `cashier`, `opened_at`, `closed_at` (ISO 8601 or datetime).

    Amounts are minor units. Optional keys that are missing print as "-" or are left out."""
    ticket = Ticket(printer, paper_mm or paper_width)

    def money(key: str) -> str:
        value = report.get(key)
        return "-" if value is None else format_money(int(value), currency)

    ticket.title(store_name)
    ticket.title("Z REPORT")
    if report.get("shift_id"):
        ticket.wrapped(f"Shift {report['shift_id']}")
    ticket.line(f"Register {report.get('register', '-')}  Cashier {report.get('cashier', '-')}")
    ticket.line(f"Opened {local_time(report.get('opened_at'))}")
    ticket.line(f"Closed {local_time(report.get('closed_at'))}")
    ticket.rule()
    ticket.pair(f"Sales ({report['sales_count']})", money("sales_total"))
    ticket.pair(f"Returns ({report['returns_count']})", money("returns_total"))
    if "voids_count" in report or "voids_total" in report:
        ticket.pair(f"Voids ({report.get('voids_count', 0)})", money("voids_total"))
    if report.get("net_total") is not None:
        ticket.pair("NET", money("net_total"), strong=True)
    tenders = report.get("tenders") or []
    if tenders:
        ticket.rule()
        for tender in tenders:
            ticket.pair(str(tender["method"]).upper(), format_money(tender["amount"], currency))
    vat = report.get("vat") or []
    if vat:
        ticket.rule()
        ticket.line(f"VAT breakdown ({currency.upper()})")
        ticket.table(
            ("Rate", "Net", "VAT", "Gross"),
            [
                (percent(v["rate_bp"]), *(amount(v[k], currency) for k in ("net", "vat", "gross")))
                for v in vat
            ],
        )
    ticket.rule()
    if report.get("float_amount") is not None:
        ticket.pair("Float", money("float_amount"))
    ticket.pair("Expected cash", money("expected_cash"))
    ticket.pair("Counted cash", money("counted_cash"))
    difference = report.get("difference")
    if difference is None and report.get("counted_cash") is not None:
        difference = int(report["counted_cash"]) - int(report["expected_cash"])
    shown = "-" if difference is None else format_money(int(difference), currency)
    ticket.pair("DIFFERENCE", shown, strong=True)
    if difference is not None:
        verdict = "RIGHT" if not difference else ("OVER" if int(difference) > 0 else "SHORT")
        ticket.pair("DRAWER", verdict, strong=True)
    ticket.cut()


def print_bag_label(
    printer: Any,
    order_id: str,
    customer: str,
    lines: list[tuple[str, int]],
    *,
    paper_width: int = Paper.MM80,
    paper_mm: int | None = None,
) -> None:
    """The label on a click-and-collect bag: who it is for, what is in it (name, quantity),
    and a QR `OMNISTORE:ORDER:<order id>` that the picker page and the till scan."""
    ticket = Ticket(printer, paper_mm or paper_width)
    ticket.big("PICKUP")
    ticket.title(customer or "-")
    ticket.wrapped(f"Order {order_id}")
    ticket.rule()
    for name, qty in lines:
        ticket.pair(name, f"x{qty}")
    ticket.rule()
    ticket.line(f"{sum(qty for _, qty in lines)} items")
    ticket.qr(order_qr(order_id))
    ticket.cut()
