"""What goes on paper, checked on the ESC/POS bytes of python-escpos's Dummy printer: sale and
return receipts, the Z report, bag labels, the receipt QR, the cut and the drawer kick."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from typing import Any, Literal

import pytest
from escpos.printer import Dummy
from hypothesis import given, settings
from hypothesis import strategies as st

from hardware.qr import order_qr, parse_order_qr
from hardware.receipt import (
    parse_receipt_qr,
    print_bag_label,
    print_return_receipt,
    print_sale_receipt,
    print_z_report,
    receipt_qr,
)
from shared.models import Payment, Return, ReturnLine, Sale, SaleLine, VatSummary

CUT = b"\x1dV"
DRAWER = b"\x1bp"
QR = b"\x1d(k"
SALE_ID = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"
ORDER_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
OCCURRED = datetime.fromisoformat("2026-11-22T10:00:00+00:00")


def strip_escpos(output: bytes) -> bytes:
    """The printable text of an ESC/POS stream: the commands our documents use are removed;
    any other command fails the test rather than being misread as text."""
    text, i = bytearray(), 0
    while i < len(output):
        byte = output[i]
        if byte == 0x1B:  # ESC ! E a t d: one parameter byte; ESC p m t1 t2
            command = output[i + 1 : i + 2]
            assert command in (b"!", b"E", b"a", b"t", b"d", b"p"), output[i : i + 4]
            i += 5 if command == b"p" else 3
        elif byte == 0x1D:  # GS V m (cut), GS ( k pL pH data (QR)
            command = output[i + 1 : i + 2]
            assert command in (b"V", b"("), output[i : i + 4]
            i += 3 if command == b"V" else 5 + output[i + 3] + 256 * output[i + 4]
        else:
            assert byte == 0x0A or byte >= 0x20, f"stray control byte {byte:#x}"
            text.append(byte)
            i += 1
    return bytes(text)


def text_lines(output: bytes) -> list[str]:
    return strip_escpos(output).decode("cp437").split("\n")


def assert_fits(output: bytes, width: int) -> None:
    for line in text_lines(output):
        assert len(line) <= width, f"{len(line)} > {width}: {line!r}"


def qr_payload(output: bytes) -> str:
    """The content stored by `GS ( k ... 1 P 0 <data>`, checking its length header."""
    match = re.search(rb"\x1d\(k(..)1P0", output, re.DOTALL)
    assert match is not None, "no QR store command"
    length = match[1][0] + 256 * match[1][1] - 3
    return output[match.end() : match.end() + length].decode()


def make_sale(payments: list[Payment], change: int = 0, **extra: Any) -> Sale:
    return Sale(
        id=SALE_ID,
        store="S1",
        register="1",
        receipt_no="S1-1-42",
        occurred_at=OCCURRED,
        cashier="ana",
        lines=[
            SaleLine(
                sku="MILK", name="Whole milk 1 L", qty=2, unit_price=129, total=258, vat_rate_bp=700
            ),
            SaleLine(
                sku="WINE",
                name="Red wine with a very long name indeed, far too long for one line",
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
        **extra,
    )


CASH = make_sale([Payment(method="cash", amount=2000)], change=843)
CARD = make_sale([Payment(method="card", amount=1157, ref="AUTH77")])


def sale_bytes(sale: Sale, paper: int = 80, open_drawer: bool = False) -> bytes:
    printer = Dummy()
    print_sale_receipt(
        printer, sale, store_name="Main Street", currency="EUR", paper_width=paper,
        open_drawer=open_drawer,
    )  # fmt: skip
    return bytes(printer.output)


@pytest.mark.parametrize("paper", [58, 80])
def test_cash_sale_receipt(paper: int) -> None:
    out = sale_bytes(CASH, paper, open_drawer=True)
    lines = [line.strip() for line in text_lines(out)]
    assert "Main Street" in lines and "Receipt S1-1-42" in lines and "Cashier ana" in lines
    total_at = out.index(b"TOTAL")
    assert out[total_at - 6 : total_at] == b"\x1b!\x10\x1bE\x01", "bold, double height"
    for pattern in (
        r"TOTAL +11\.57 EUR",
        r"2 x 1\.29 +2\.58",
        r"1 x 8\.99 +8\.99",
        r"CASH +20\.00 EUR",
        r"CHANGE +8\.43 EUR",
        r"Rate +Net +VAT +Gross",
        r"7% +2\.41 +0\.17 +2\.58",
        r"20% +7\.49 +1\.50 +8\.99",
    ):
        assert any(re.fullmatch(pattern, line) for line in lines), pattern
    local = CASH.occurred_at.astimezone().strftime("%Y-%m-%d %H:%M")
    assert local in lines
    assert qr_payload(out) == f"OMNISTORE:SALE:{SALE_ID}"
    assert out.count(CUT) == 1 and out.rstrip(b"\x00").endswith(b"\x1dV")
    assert out.count(DRAWER) == 1
    assert out.index(DRAWER) < out.index(b"Main Street"), "the drawer opens as printing starts"
    assert_fits(out, 32 if paper == 58 else 48)


def test_card_sale_does_not_open_the_drawer() -> None:
    out = sale_bytes(CARD, open_drawer=False)
    assert DRAWER not in out
    assert any(re.fullmatch(r"CARD AUTH77 +11\.57 EUR", line) for line in text_lines(out))
    assert not any(line.startswith("CHANGE") for line in text_lines(out))
    assert CUT in out and QR in out


def test_vat_breakdown_is_computed_from_the_lines_when_the_sale_has_none() -> None:
    out = sale_bytes(CARD.model_copy(update={"vat": []}))
    assert any(re.fullmatch(r"20% +7\.49 +1\.50 +8\.99", line) for line in text_lines(out))


def test_a_voided_sale_says_so() -> None:
    assert b"VOIDED" in sale_bytes(CARD.model_copy(update={"voided": True}))
    assert b"VOIDED" not in sale_bytes(CARD)


def test_paper_mm_is_the_same_as_paper_width() -> None:
    old = Dummy()
    print_sale_receipt(old, CASH, store_name="Main Street", currency="EUR", paper_mm=58)
    assert old.output == sale_bytes(CASH, 58)
    with pytest.raises(ValueError):
        sale_bytes(CASH, 76)


NAMES = st.text(st.sampled_from("abcdefghij KLMNOP-.%éüß0123456789"), min_size=1, max_size=90)
AMOUNTS = st.integers(0, 10**12)


@settings(max_examples=60, deadline=None)
@given(
    store=NAMES,
    cashier=NAMES,
    names=st.lists(NAMES, min_size=1, max_size=4),
    qty=st.integers(1, 100_000),
    price=AMOUNTS,
    big=AMOUNTS,
    ref=st.text(st.sampled_from("ABC123"), max_size=64),
    receipt_no=st.text(st.sampled_from("S1-"), min_size=3, max_size=60),
    paper=st.sampled_from([58, 80]),
)
def test_no_line_is_ever_wider_than_the_paper(
    store: str,
    cashier: str,
    names: list[str],
    qty: int,
    price: int,
    big: int,
    ref: str,
    receipt_no: str,
    paper: int,
) -> None:
    price = min(price, 10**12 // qty)  # a line's total is bounded like any money amount
    lines = [
        SaleLine(sku="X", name=n, qty=qty, unit_price=price, total=qty * price, vat_rate_bp=550)
        for n in names
    ]
    sale = Sale(
        id=SALE_ID,
        store="S1",
        register="1",
        receipt_no=receipt_no,
        occurred_at=OCCURRED,
        cashier=cashier,
        lines=lines,
        payments=[Payment(method="card", amount=big, ref=ref or None)],
        total=big,
        change=big,
        vat=[VatSummary(rate_bp=1234, gross=big, vat=big, net=big)],
    )
    printer = Dummy()
    print_sale_receipt(printer, sale, store_name=store, currency="EUR", paper_width=paper)
    assert_fits(printer.output, 32 if paper == 58 else 48)
    assert qr_payload(printer.output) == receipt_qr(SALE_ID)


def make_return(refund_method: Literal["cash", "card"], **extra: Any) -> Return:
    return Return(
        id="5f1d7a1e-2b7c-4c1e-9a55-0f5a3c9b8e21",
        store="S1",
        register="1",
        sale_id=SALE_ID,
        sale_receipt_no="S1-1-42",
        occurred_at=datetime.fromisoformat("2026-11-23T09:30:00+00:00"),
        cashier="bo",
        lines=[
            ReturnLine(
                sku="MILK", name="Whole milk 1 L", qty=1, unit_price=129, total=129, vat_rate_bp=700
            )
        ],
        refunds=[Payment(method=refund_method, amount=129)],
        total=129,
        **extra,
    )


@pytest.mark.parametrize("paper", [58, 80])
def test_return_receipt(paper: int) -> None:
    printer = Dummy()
    ret = make_return("cash", reason="leaking carton")
    print_return_receipt(
        printer, ret, store_name="Main Street", currency="EUR", paper_width=paper, open_drawer=True
    )
    lines = [line.strip() for line in text_lines(printer.output)]
    assert "RETURN" in lines and "Original receipt S1-1-42" in lines
    for pattern in (r"1 x 1\.29 +-1\.29", r"REFUND +-1\.29 EUR", r"CASH +-1\.29 EUR"):
        assert any(re.fullmatch(pattern, line) for line in lines), pattern
    assert any(re.fullmatch(r"7% +-1\.21 +-0\.08 +-1\.29", line) for line in lines)
    assert "Reason: leaking carton" in lines and "Cashier bo" in lines
    assert DRAWER in printer.output and CUT in printer.output
    assert_fits(printer.output, 32 if paper == 58 else 48)


def test_card_refund_without_receipt_keeps_the_drawer_shut() -> None:
    printer = Dummy()
    ret = make_return("card").model_copy(update={"sale_id": None, "sale_receipt_no": None})
    print_return_receipt(printer, ret, store_name="S", currency="EUR")
    assert DRAWER not in printer.output and b"Without receipt" in printer.output


Z_REPORT: dict[str, Any] = {
    "shift_id": "9b2f6c1e-1111-4222-8333-944455556666",
    "register": "1",
    "cashier": "ana",
    "opened_at": "2026-11-22T08:00:00.000000Z",
    "closed_at": "2026-11-22T17:00:00.000000Z",
    "sales_count": 3,
    "sales_total": 1407,
    "returns_count": 1,
    "returns_total": 129,
    "voids_count": 1,
    "voids_total": 250,
    "net_total": 1028,
    "tenders": [{"method": "cash", "amount": 899}, {"method": "card", "amount": 508}],
    "vat": [{"rate_bp": 700, "net": 120, "vat": 9, "gross": 129}],
    "float_amount": 10000,
    "expected_cash": 10899,
    "counted_cash": 10850,
    "difference": -49,
}


@pytest.mark.parametrize("paper", [58, 80])
def test_z_report(paper: int) -> None:
    printer = Dummy()
    print_z_report(printer, Z_REPORT, store_name="Main Street", currency="EUR", paper_width=paper)
    lines = [line.strip() for line in text_lines(printer.output)]
    for pattern in (
        r"Sales \(3\) +14\.07 EUR",
        r"Returns \(1\) +1\.29 EUR",
        r"Voids \(1\) +2\.50 EUR",
        r"NET +10\.28 EUR",
        r"CASH +8\.99 EUR",
        r"CARD +5\.08 EUR",
        r"7% +1\.20 +0\.09 +1\.29",
        r"Float +100\.00 EUR",
        r"Expected cash +108\.99 EUR",
        r"Counted cash +108\.50 EUR",
        r"DIFFERENCE +-0\.49 EUR",
    ):
        assert any(re.fullmatch(pattern, line) for line in lines), pattern
    opened = datetime.fromisoformat("2026-11-22T08:00:00+00:00").astimezone()
    assert f"Opened {opened:%Y-%m-%d %H:%M}" in lines
    assert DRAWER not in printer.output and CUT in printer.output
    assert_fits(printer.output, 32 if paper == 58 else 48)


def test_z_report_from_a_minimal_mapping_computes_the_difference() -> None:
    printer = Dummy()
    minimal = {
        "sales_count": 0,
        "sales_total": 0,
        "returns_count": 0,
        "returns_total": 0,
        "expected_cash": 5000,
        "counted_cash": 5100,
    }
    print_z_report(printer, minimal, store_name="S", currency="EUR", paper_width=58)
    lines = [line.strip() for line in text_lines(printer.output)]
    assert any(re.fullmatch(r"DIFFERENCE +1\.00 EUR", line) for line in lines)
    assert "Closed -" in lines
    uncounted = Dummy()
    print_z_report(uncounted, {**minimal, "counted_cash": None}, store_name="S", currency="EUR")
    lines = [line.strip() for line in text_lines(uncounted.output)]
    assert any(re.fullmatch(r"Counted cash +-", line) for line in lines)
    with pytest.raises(KeyError):
        print_z_report(Dummy(), {"sales_total": 1}, store_name="S", currency="EUR")


@pytest.mark.parametrize("paper", [58, 80])
def test_bag_label(paper: int) -> None:
    printer = Dummy()
    items = [("Whole milk 1 L", 2), ("A product whose name is much longer than the paper", 1)]
    print_bag_label(printer, ORDER_ID, "Ada Lovelace", items, paper_width=paper)
    lines = [line.strip() for line in text_lines(printer.output)]
    assert "PICKUP" in lines and "Ada Lovelace" in lines and "3 items" in lines
    assert any(re.fullmatch(r"Whole milk 1 L +x2", line) for line in lines)
    assert qr_payload(printer.output) == f"OMNISTORE:ORDER:{ORDER_ID}"
    assert parse_order_qr(qr_payload(printer.output)) == ORDER_ID
    assert CUT in printer.output
    width = 32 if paper == 58 else 48
    assert_fits(printer.output, width)
    big = printer.output.split(b"\x1b!\x30")[1].split(b"\n")[0]  # double width: half as many
    assert strip_escpos(big).decode() == "PICKUP" and len("PICKUP") <= width // 2


def test_receipt_qr_round_trip() -> None:
    assert parse_receipt_qr(receipt_qr(SALE_ID)) == SALE_ID
    assert parse_receipt_qr(f"  {receipt_qr(SALE_ID).upper()}\r\n") == SALE_ID  # Caps Lock
    for other in (
        "4006381333931",
        "OMNISTORE:SALE:",
        "OMNISTORE:SALE:not-a-uuid",
        f"OMNISTORE:SALE:{SALE_ID}x",
        order_qr(SALE_ID),
        f"OMNISTORE:PICKUP:{SALE_ID}:123456",
    ):
        assert parse_receipt_qr(other) is None, other


@given(st.uuids())
def test_every_sale_id_survives_the_qr(sale_id: uuid.UUID) -> None:
    assert parse_receipt_qr(receipt_qr(str(sale_id))) == str(sale_id)
    assert parse_order_qr(receipt_qr(str(sale_id))) is None
