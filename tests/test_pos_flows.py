"""The till driven with Textual's pilot: sign-in, sales by scan with cash and split tender,
a return by receipt QR, a voided sale, shift close with a Z report checked against the
database, handover, park/resume. Receipts come out of python-escpos's Dummy printer."""

from __future__ import annotations

from datetime import timedelta

from escpos.printer import Dummy
from textual.widgets import Input

from edge import orders, sales, shifts
from edge.storage.db import write
from hardware.receipt import receipt_qr
from hardware.scanner import SimulatedScanner, WedgeDetector
from pos_tui.app import PosApp, make_app
from pos_tui.screens.sale import SaleScreen
from shared.barcodes import make_ean13
from shared.models import Order, OrderLine, PickIn, PickLineIn
from tests.edge_fixtures import MANAGER, Node
from tests.pos_fixtures import FIXED, pilot_test, till

MILK, BREAD, WINE = (make_ean13(b) for b in ("400000000001", "400000000002", "400000000003"))


async def type_in(pilot, text: str, enter: bool = True) -> None:  # type: ignore[no-untyped-def]
    for char in text:
        await pilot.press(char)
    if enter:
        await pilot.press("enter")
    await pilot.pause()


async def sign_in(pilot, name: str = "ana", pin: str = "1234", float_: str = "100") -> None:  # type: ignore[no-untyped-def]
    await type_in(pilot, name)
    await type_in(pilot, pin)
    if not isinstance(pilot.app.screen, SaleScreen):
        inp = pilot.app.screen.query_one(Input)
        inp.value = ""
        await type_in(pilot, float_)
    await pilot.pause()
    assert isinstance(pilot.app.screen, SaleScreen)


def sale_ids(node: Node) -> list[str]:
    return [r[0] for r in node.db.execute("SELECT id FROM sales ORDER BY rowid")]


@pilot_test
async def test_sign_in_opens_a_shift_and_shows_the_sale_screen(lane_node: Node) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_in(pilot, "ana")
        await type_in(pilot, "0000")
        assert "wrong PIN" in str(app.screen.query_one("#error").render())
        await type_in(pilot, "1234")
        await type_in(pilot, "")  # accept the proposed float
        assert isinstance(app.screen, SaleScreen)
        assert app.session.current_shift() is not None


@pilot_test
async def test_three_item_sale_by_scan_with_cash_and_change(lane_node: Node) -> None:
    scanner = SimulatedScanner()
    app, printer = till(lane_node, scanner=scanner)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        for code in (MILK, BREAD, WINE):
            scanner.push(code)
        for _ in range(30):
            await pilot.pause(0.05)
            if len(app.screen.basket.lines) == 3:
                break
        assert [line.sku for line in app.screen.basket.lines] == ["MILK", "BREAD", "WINE"]
        await pilot.press("f10")
        await type_in(pilot, "20")  # 20.00 cash for 12.78
        await pilot.pause()
    (sale_id,) = sale_ids(lane_node)
    sale = sales.get_sale(lane_node.db, sale_id)
    assert (sale.total, sale.change) == (129 + 250 + 899, 2000 - 1278)
    assert sale.payments[0].method == "cash"
    assert sale.receipt_no.encode() in printer.output
    assert b"7.22 EUR" in printer.output and b"\x1bp" in printer.output


@pilot_test
async def test_split_tender_with_multiplier(lane_node: Node) -> None:
    app, printer = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await type_in(pilot, f"3*{MILK}")
        assert app.screen.basket.lines[0].qty == 3
        await pilot.press("f10")
        await type_in(pilot, "2", enter=False)
        await pilot.press("f4")  # 2.00 voucher
        await pilot.pause()
        await type_in(pilot, "1", enter=False)
        pay = app.screen
        pay.query_one("#ref", Input).value = "AUTH99"
        await pilot.press("f3")  # 1.00 card
        await pilot.pause()
        await pilot.press("enter")  # the rest (0.87) in cash
        await pilot.pause()
    (sale_id,) = sale_ids(lane_node)
    sale = sales.get_sale(lane_node.db, sale_id)
    assert [(p.method, p.amount, p.ref) for p in sale.payments] == [
        ("voucher", 200, None),
        ("card", 100, "AUTH99"),
        ("cash", 87, None),
    ]
    assert sale.change == 0 and b"CARD AUTH99" in printer.output


@pilot_test
async def test_return_by_receipt_qr(lane_node: Node) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await type_in(pilot, f"2*{BREAD}")
        await pilot.press("f10")
        await type_in(pilot, "")
        (sale_id,) = sale_ids(lane_node)
        await pilot.press("f6")
        await type_in(pilot, receipt_qr(sale_id))
        assert "Receipt S1-1-1" in str(app.screen.query_one("#sale").render())
        await type_in(pilot, "BREAD")
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, SaleScreen)
    row = lane_node.db.execute("SELECT sale_id, total FROM returns").fetchone()
    assert tuple(row) == (sale_id, 250)


@pilot_test
async def test_void_last_sale_needs_the_manager_pin(lane_node: Node) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await type_in(pilot, WINE)
        await pilot.press("f10")
        await type_in(pilot, "")
        await pilot.press("f8")
        await type_in(pilot, "0000")  # a wrong PIN voids nothing
        await pilot.press("f8")
        await type_in(pilot, MANAGER[1])
    (sale_id,) = sale_ids(lane_node)
    assert sales.get_sale(lane_node.db, sale_id).voided
    assert lane_node.count("voids") == 1


@pilot_test
async def test_shift_close_z_report_matches_the_database(lane_node: Node) -> None:
    app, printer = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, float_="50")
        for code in (MILK, WINE):
            await type_in(pilot, code)
            await pilot.press("f10")
            await type_in(pilot, "")
        shift_id = app.session.current_shift().shift_id
        await pilot.press("f12")
        await type_in(pilot, "60.00")
        message = str(app.screen.query_one("#message").render())
        await pilot.press("enter")
        await pilot.pause()
    rows = lane_node.db.execute("SELECT body FROM sales WHERE shift_id = ?", [shift_id])
    total = sum(sales.Sale.model_validate_json(r[0]).total for r in rows)
    report = shifts.ZReport.model_validate_json(
        lane_node.db.execute("SELECT report FROM shifts WHERE id = ?", [shift_id]).fetchone()[0]
    )
    assert report.sales_total == total == 129 + 899
    assert report.expected_cash == 5000 + total
    assert report.difference == 6000 - (5000 + total)
    assert "Sales       2" in message and "-0.28 EUR" in message
    assert b"Z REPORT" in printer.output


@pilot_test
async def test_park_and_resume(lane_node: Node) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await type_in(pilot, MILK)
        await pilot.press("f5")
        assert app.screen.basket.lines == []
        await type_in(pilot, BREAD)
        await pilot.press("f10")
        await type_in(pilot, "")
        await pilot.press("f5")
        assert [line.sku for line in app.screen.basket.lines] == ["MILK"]


def test_app_is_a_posapp(lane_node: Node) -> None:
    app, _ = till(lane_node)
    assert isinstance(app, PosApp)


class UnpluggedPrinter(Dummy):  # type: ignore[misc]
    """A Dummy that fails while `down`, like a printer out of paper or switched off."""

    down = True

    def _raw(self, msg: bytes) -> None:
        if self.down:
            raise OSError("printer offline")
        super()._raw(msg)


@pilot_test
async def test_printer_offline_never_loses_the_sale(lane_node: Node) -> None:
    printer = UnpluggedPrinter()
    app = make_app(lane_node.data_dir, printer=printer, clock=lambda: FIXED)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await type_in(pilot, MILK)
        await pilot.press("f10")
        await type_in(pilot, "")
        (sale_id,) = sale_ids(lane_node)
        queue = app.session.printing.queue
        assert queue.pending() == ["receipt S1-1-1"] and queue.state == "offline"
        app.refresh_status()
        assert "printer offline (1 waiting)" in str(app.screen.query_one("#status").render())
        printer.down = False
        await pilot.press("f9")
        await pilot.pause()
        assert queue.pending() == [], queue.last_error
        assert b"S1-1-1" in printer.output
    assert sales.get_sale(lane_node.db, sale_id).total == 129


def test_stock_warnings_never_block(lane_node: Node) -> None:
    from pos_tui.basket import Basket
    from pos_tui.session import PosSession

    session = PosSession(lane_node.data_dir)
    basket = Basket()
    basket.add(session.resolve(f"11*{WINE}"))
    (warning,) = session.warnings(basket, "WINE")
    assert "below zero (-1)" in warning.message
    order = Order(
        id="0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
        store="S1",
        status="placed",
        customer={"name": "Ada"},
        lines=[OrderLine(sku="BREAD", qty=8, reserved=8)],
        created_at=FIXED,
        updated_at=FIXED,
        expires_at=FIXED + timedelta(days=3),
    )
    with write(lane_node.db):
        orders.receive(lane_node.db, session.config, order)
    bread = Basket()
    bread.add(session.resolve(f"3*{BREAD}"))
    (reserved,) = session.warnings(bread, "BREAD")
    assert "reserved for click-and-collect" in reserved.message


@pilot_test
async def test_every_till_key_is_in_the_command_palette(lane_node: Node) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        titles = {c.title for c in app.get_system_commands(app.screen)}
    for key, name in (
        ("F10", "Pay"),
        ("F6", "Return"),
        ("F8", "Void"),
        ("F12", "Close"),
        ("F2", "Price"),
        ("F7", "Pickup"),
        ("F5", "Park"),
        ("F9", "Reprint"),
    ):
        assert f"{name} ({key})" in titles


@pilot_test
async def test_click_and_collect_handover_at_the_till(lane_node: Node) -> None:
    from shared.pickup import hash_pickup_code

    order = Order(
        id="0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c",
        store="S1",
        status="placed",
        customer={"name": "Ada"},
        lines=[OrderLine(sku="MILK", qty=2, reserved=2)],
        created_at=FIXED,
        updated_at=FIXED,
        expires_at=FIXED + timedelta(days=30),
        pickup_code_hash=hash_pickup_code("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c", "123456"),
    )
    app, _ = till(lane_node)
    config = app.session.config
    with write(lane_node.db):
        orders.receive(lane_node.db, config, order)
    orders.pick(lane_node.db, config, order.id, PickIn(lines=[PickLineIn(sku="MILK", qty=2)]))
    orders.ready(lane_node.db, config, order.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await pilot.press("f7")
        await pilot.pause()
        await type_in(pilot, "654321")
        assert "not this order's pickup code" in str(app.screen.query_one("#error").render())
        await type_in(pilot, f"OMNISTORE:PICKUP:{order.id}:123456")
        assert isinstance(app.screen, SaleScreen)
    assert orders.get(lane_node.db, order.id).status == "collected"


@pilot_test
async def test_keyboard_wedge_burst_sells_when_the_entry_is_not_focused(lane_node: Node) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        # the pilot types ~40 ms apart; a real scanner is far faster. The detector's own
        # timing is tested in test_hardware_scanner.py; here the wiring is.
        app.wedge = WedgeDetector(max_gap_s=0.5)
        app.screen.query_one("#lines").focus()
        await pilot.pause()
        for char in WINE:
            await pilot.press(char)
        await pilot.press("enter")
        await pilot.pause()
        assert [line.sku for line in app.screen.basket.lines] == ["WINE"]


@pilot_test
async def test_price_check_search_and_remove_line(lane_node: Node) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await pilot.press("f2")
        await type_in(pilot, WINE)
        shown = str(app.screen.query_one("#message").render())
        assert "8.99 EUR" in shown and "on hand 10" in shown
        await pilot.press("escape")
        await pilot.press("f3")
        await type_in(pilot, "bread")
        await pilot.press("enter")  # choose the first result
        await pilot.pause()
        assert isinstance(app.screen, SaleScreen)
        assert [line.sku for line in app.screen.basket.lines] == ["BREAD"]
        await type_in(pilot, MILK)
        await pilot.press("delete")
        await pilot.pause()
        assert [line.sku for line in app.screen.basket.lines] == ["BREAD"]
    assert lane_node.count("sales") == 0


@pilot_test
async def test_return_without_receipt_needs_a_manager_pin(lane_node: Node) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await pilot.press("f6")
        await pilot.press("f5")
        await type_in(pilot, MANAGER[1])
        await type_in(pilot, "BREAD")
        await pilot.press("f11")
        await pilot.pause()
        assert isinstance(app.screen, SaleScreen)
    row = lane_node.db.execute("SELECT sale_id, total, body FROM returns").fetchone()
    assert row[0] is None and row[1] == 250 and '"method":"cash"' in row[2]
