"""Printed pricing: receipts list each discount and "you saved", shelf labels for 58 and 80 mm
(name, price, per kg for weighed goods, promotions, barcode), and the picker page printing
the label queue."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from escpos.printer import Dummy

from edge.printing import Printing
from edge.storage.db import write
from edge.sync.pull import apply_change
from hardware.receipt import print_sale_receipt
from hardware.shelf_label import print_shelf_label
from shared.barcodes import make_ean13
from shared.clock import format_ts
from shared.models import Change, LineDiscount, Payment, Sale, SaleLine
from shared.pricing.models import ShelfLabel
from tests.edge_fixtures import PICKER, Node
from tests.test_hardware_printing import assert_fits, text_lines

OCCURRED = datetime(2026, 11, 22, 10, tzinfo=UTC)
BARCODE = make_ean13("400000000001")


def discounted_sale() -> Sale:
    line = SaleLine(
        sku="JUICE",
        name="Orange juice",
        qty=3,
        unit_price=250,
        total=450,
        vat_rate_bp=700,
        discount=300,
        promotions=["p1"],
        discounts=[
            LineDiscount(source="p1", name="Juice 3 for 2", amount=250),
            LineDiscount(source="manual", amount=50),
        ],
    )
    return Sale(
        id=str(uuid.uuid4()),
        store="S1",
        register="1",
        receipt_no="S1-1-7",
        occurred_at=OCCURRED,
        lines=[line],
        payments=[Payment(method="card", amount=450, ref="A1")],
        total=450,
        change=0,
    )


@pytest.mark.parametrize("paper", [58, 80])
def test_receipt_lists_discounts_and_what_was_saved(paper: int) -> None:
    printer = Dummy()
    print_sale_receipt(
        printer, discounted_sale(), store_name="S", currency="EUR", paper_width=paper
    )
    lines = [line.strip() for line in text_lines(bytes(printer.output))]
    for pattern in (
        r"3 x 2\.50 +7\.50",
        r"Juice 3 for 2 +-2\.50",
        r"Discount +-0\.50",
        r"TOTAL +4\.50 EUR",
        r"YOU SAVED +3\.00 EUR",
    ):
        assert any(re.fullmatch(pattern, line) for line in lines), pattern
    assert_fits(bytes(printer.output), 32 if paper == 58 else 48)


@pytest.mark.parametrize("paper", [58, 80])
def test_shelf_label_layout(paper: int) -> None:
    label = ShelfLabel(
        id=str(uuid.uuid4()),
        sku="APPLES",
        name="Apples, crisp and red, from the orchard down the road",
        price=299,
        effective_at=OCCURRED,
        reason="price",
        barcode=BARCODE,
        promotions=["Fruit week"],
        per="kg",
    )
    printer = Dummy()
    print_shelf_label(printer, label, currency="EUR", paper_width=paper)
    out = bytes(printer.output)
    before_barcode = out[: out.index(b"\x1dh")]  # GS h: the barcode's height comes first
    text = " ".join(line.strip() for line in text_lines(before_barcode))
    assert_fits(before_barcode, 32 if paper == 58 else 48)
    assert "2.99 EUR / kg" in text and "* Fruit week" in text and "APPLES" in text
    assert b"\x1dk" in out and BARCODE[:12].encode() in out  # the EAN-13 barcode
    assert out.count(b"\x1dV") == 1


def test_the_picker_page_prints_the_label_queue(lane_node: Node) -> None:
    app = lane_node.client.application
    printer = Dummy()
    app.extensions["printing"] = Printing(app.config["NODE"], printer=printer)
    starts = format_ts(datetime.now(UTC) + timedelta(hours=2))
    body = {"id": str(uuid.uuid4()), "sku": "BREAD", "price": 199, "starts_at": starts}
    with write(lane_node.db):
        apply_change(lane_node.db, app.config["NODE"], Change(kind="price_version", body=body))
    page = lane_node.client
    html = page.get("/picker/").get_data(as_text=True)
    csrf = re.search(r'name="csrf" value="([^"]+)"', html)[1]  # type: ignore[index]
    page.post("/picker/login", data={"name": PICKER[0], "pin": PICKER[1], "csrf": csrf})
    queue = page.get("/picker/").get_data(as_text=True)
    assert "1 shelf label waiting" in queue
    csrf = re.search(r'name="csrf" value="([^"]+)"', queue)[1]  # type: ignore[index]
    assert page.post("/picker/labels/print", data={"csrf": csrf}).status_code == 302
    assert b"1.99 EUR" in bytes(printer.output)
    assert "0 shelf labels waiting" in page.get("/picker/").get_data(as_text=True)
