"""Receipt bytes from python-escpos's Dummy printer, layout widths, the print queue."""

from __future__ import annotations

import re
from typing import Any

import pytest
from escpos.printer import Dummy

from hardware.layout import columns, two_columns
from hardware.print_queue import PrintJob, PrintQueue
from hardware.printer import PrinterConfigError, PrinterError, open_printer
from hardware.receipt import (
    parse_receipt_qr,
    print_bag_label,
    print_sale_receipt,
    print_z_report,
    receipt_qr,
)
from shared.models import Payment, Sale, SaleLine, VatSummary

CUT = b"\x1dV"
DRAWER = b"\x1bp"
QR_STORE = b"\x1d(k"


def sale(payments: list[Payment], change: int = 0) -> Sale:
    return Sale(
        id="0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
        store="S1",
        register="1",
        receipt_no="S1-1-42",
        occurred_at="2026-11-22T10:00:00Z",
        cashier="ana",
        lines=[
            SaleLine(
                sku="MILK", name="Whole milk 1 L", qty=2, unit_price=129, total=258, vat_rate_bp=700
            ),
            SaleLine(
                sku="WINE",
                name="Red wine with a very long name indeed",
                qty=1,
                unit_price=899,
                total=899,
                vat_rate_bp=2000,
            ),
        ],
        payments=payments,
        total=1157,
        change=change,
        vat=[
            VatSummary(rate_bp=700, gross=258, vat=17, net=241),
            VatSummary(rate_bp=2000, gross=899, vat=150, net=749),
        ],
    )


def text_lines(output: bytes) -> list[str]:
    return [line.decode("cp437", "replace") for line in output.split(b"\n")]


@pytest.mark.parametrize("paper", [58, 80])
def test_sale_receipt_bytes(paper: int) -> None:
    printer = Dummy()
    cash = sale([Payment(method="cash", amount=2000)], change=843)
    print_sale_receipt(
        printer, cash, store_name="Main Street", currency="EUR", paper_mm=paper, open_drawer=True
    )
    out = printer.output
    for needle in (
        b"S1-1-42",
        b"11.57 EUR",
        b"8.43 EUR",
        b"7.0%",
        b"20.0%",
        b"0.17 EUR",
        b"1.50 EUR",
        b"CASH",
        b"ana",
    ):
        assert needle in out, needle
    assert QR_STORE in out and receipt_qr(cash.id).encode() in out
    assert CUT in out and DRAWER in out
    assert out.index(CUT) < out.index(DRAWER)
    width = columns(paper)
    checked = 0
    for line in text_lines(out):
        printable = re.split(r"[\x00-\x1f]..?", line)[-1]  # text after the last ESC/GS command
        if "S1-1" in printable or "EUR" in printable:
            assert len(printable) <= width, printable
            checked += 1
    assert checked >= 8


def test_card_sale_does_not_open_the_drawer() -> None:
    printer = Dummy()
    print_sale_receipt(
        printer,
        sale([Payment(method="card", amount=1157, ref="AUTH77")]),
        store_name="S",
        currency="EUR",
        open_drawer=False,
    )
    assert DRAWER not in printer.output and b"CARD AUTH77" in printer.output


def test_receipt_qr_round_trip() -> None:
    assert parse_receipt_qr(receipt_qr("abc")) == "abc"
    assert parse_receipt_qr("4006381333931") is None
    assert parse_receipt_qr("OMNISTORE:SALE:") is None


def test_z_report_and_bag_label() -> None:
    printer = Dummy()
    print_z_report(
        printer,
        {
            "register": "1",
            "cashier": "ana",
            "opened_at": "09:00",
            "closed_at": "17:00",
            "sales_count": 3,
            "sales_total": 1407,
            "returns_count": 1,
            "returns_total": 129,
            "voids_count": 1,
            "voids_total": 250,
            "net_total": 1028,
            "tenders": [{"method": "cash", "amount": 899}],
            "vat": [{"rate_bp": 700, "net": 120, "vat": 9, "gross": 129}],
            "float_amount": 10000,
            "expected_cash": 10899,
            "counted_cash": 10850,
            "difference": -49,
        },
        store_name="S",
        currency="EUR",
    )
    assert b"-0.49 EUR" in printer.output and b"108.99 EUR" in printer.output
    label = Dummy()
    print_bag_label(label, "order-1", "Ada", [("Milk", 2)])
    assert b"OMNISTORE:ORDER:order-1" in label.output and CUT in label.output


@pytest.mark.parametrize(
    ("left", "right", "width"), [("a" * 50, "12.00 EUR", 32), ("x", "1.00 EUR", 48)]
)
def test_two_columns_never_exceeds_the_width(left: str, right: str, width: int) -> None:
    line = two_columns(left, right, width)
    assert len(line) == width and line.endswith(right)


@pytest.mark.parametrize("spec", ["bogus", "usb:zz:1", "network:host", "serial:"])
def test_bad_printer_specs(spec: str) -> None:
    with pytest.raises(PrinterConfigError):
        open_printer(spec)


def test_file_and_dummy_printers(tmp_path: Any) -> None:
    assert isinstance(open_printer("dummy"), Dummy)
    target = tmp_path / "out.bin"
    printer = open_printer(f"file:{target}")
    printer.textln("hello")
    printer.close()
    assert b"hello" in target.read_bytes()


class FlakyPrinter:
    """Refuses while `down`; collects what it prints."""

    def __init__(self) -> None:
        self.down = True
        self.printed: list[str] = []

    def open(self) -> Any:
        if self.down:
            raise PrinterError("offline", "printer unplugged")
        return self

    def is_online(self) -> bool:
        return True

    def paper_status(self) -> int:
        return 2


def test_a_failing_printer_queues_and_reprints() -> None:
    flaky = FlakyPrinter()
    jobs = PrintQueue(flaky.open)
    job = PrintJob("receipt S1-1-1", lambda p: p.printed.append("S1-1-1"))
    assert jobs.submit(job) is False
    assert jobs.state == "offline" and jobs.pending() == ["receipt S1-1-1"]
    assert flaky.printed == []
    flaky.down = False
    assert jobs.retry() is True
    assert flaky.printed == ["S1-1-1"] and jobs.pending() == [] and jobs.state == "ok"
    assert jobs.retry() is True and flaky.printed == ["S1-1-1"]
    assert jobs.reprint_last() is True
    assert flaky.printed == ["S1-1-1", "S1-1-1"]
