"""The rest of the cashier's day at 80×24: park/resume, reprint, a printer that is off,
price check, search, removing a line, stock warnings, click-and-collect handover (and a
node without it), help and the command palette, keyboard-wedge scans, the status bar."""

from __future__ import annotations

from datetime import timedelta

from escpos.printer import Dummy
from rich.text import Text

from edge import orders, sales
from edge.storage.db import write
from hardware.scanner import WedgeDetector
from pos_tui.app import PosApp, SaleScreen, make_app
from pos_tui.basket import Basket
from pos_tui.screens.handover import HandoverScreen
from pos_tui.screens.help import HelpScreen
from pos_tui.screens.parked import ParkedScreen
from pos_tui.session import PosSession
from pos_tui.widgets.status_bar import describe
from shared.models import Order, OrderLine, PickIn, PickLineIn
from shared.pickup import hash_pickup_code, pickup_qr
from tests.edge_fixtures import Node
from tests.pos_fixtures import FIXED, pilot_test, till
from tests.test_pos_flows import BREAD, DRAWER_KICK, MILK, WINE, sell, settle, sign_in, text_of
from tests.test_pos_flows import type_in as type_in

ORDER_ID = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c"


@pilot_test
async def test_park_two_baskets_and_resume_the_one_chosen(lane_node: Node) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await type_in(pilot, MILK)
        await pilot.press("f5")
        await type_in(pilot, f"2*{WINE}")
        await pilot.press("f5")
        assert app.screen.basket.lines == []
        await sell(pilot, BREAD)  # the next customer meanwhile
        await pilot.press("f5")
        assert isinstance(app.screen, ParkedScreen)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert [(line.sku, line.qty) for line in app.screen.basket.lines] == [("WINE", 2)]
        wine = await sell(pilot)
        await pilot.press("f5")  # one left: resumed at once
        assert [line.sku for line in app.screen.basket.lines] == ["MILK"]
        assert app.parked.all() == []
        assert app.screen.basket.sale_id != wine.id  # each basket keeps its own sale id
    assert [(line.sku, line.qty) for line in sales.get_sale(lane_node.db, wine.id).lines] == [
        ("WINE", 2)
    ]


@pilot_test
async def test_reprint_is_a_copy_that_never_opens_the_drawer(lane_node: Node) -> None:
    app, printer = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        sale = await sell(pilot, MILK)
        printed = len(printer.output)
        await pilot.press("f9")
        await type_in(pilot, "")  # the last receipt is proposed
        await settle(pilot)
    copy = printer.output[printed:]
    assert sale.receipt_no.encode() in copy and DRAWER_KICK not in copy


class UnpluggedPrinter(Dummy):  # type: ignore[misc]
    """A Dummy that fails while `down`, like a printer out of paper or switched off."""

    down = True

    def _raw(self, msg: bytes) -> None:
        if self.down:
            raise OSError("printer offline")
        super()._raw(msg)


@pilot_test
async def test_printer_offline_never_loses_or_blocks_the_sale(lane_node: Node) -> None:
    printer = UnpluggedPrinter()
    app = make_app(lane_node.data_dir, printer=printer, clock=lambda: FIXED)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        sale = await sell(pilot, MILK)
        queue = app.session.printing.queue
        assert queue.pending() == ["receipt S1-1-1"] and queue.state == "offline"
        assert "prn offline (1)" in text_of(app.screen, "StatusBar")  # short at 80 columns
        await type_in(pilot, BREAD)  # the till sells on
        assert [line.sku for line in app.screen.basket.lines] == ["BREAD"]
        printer.down = False
        await pilot.press("f9")
        await settle(pilot)
        assert queue.pending() == [], queue.last_error
        assert "printer ok" in text_of(app.screen, "StatusBar")
    assert b"S1-1-1" in printer.output
    assert sales.get_sale(lane_node.db, sale.id).total == 129


@pilot_test
async def test_price_check_search_and_remove_line(lane_node: Node) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await pilot.press("f2")
        await type_in(pilot, WINE)
        shown = text_of(app.screen, "#message")
        assert "8.99 EUR" in shown and "on hand 10" in shown
        await pilot.press("escape")
        await pilot.press("f3")
        await type_in(pilot, "bread")
        await pilot.press("enter")  # choose the first result
        await pilot.pause()
        assert isinstance(app.screen, SaleScreen)
        assert [line.sku for line in app.screen.basket.lines] == ["BREAD"]
        await type_in(pilot, MILK)
        await pilot.press("delete")  # the chosen line is the last one rung up
        assert "Remove Milk 1L?" in text_of(app.screen, ".dialog-title")
        await pilot.press("enter")
        await pilot.pause()
        assert [line.sku for line in app.screen.basket.lines] == ["BREAD"]
        await type_in(pilot, "NOPE")
        assert app.screen.basket.lines[-1].sku == "BREAD"  # unknown: a message, no line
    assert sales.get_sale is not None and lane_node.count("sales") == 0


def test_stock_warnings_never_block(lane_node: Node) -> None:
    session = PosSession(lane_node.data_dir)
    basket = Basket()
    basket.add(session.resolve(f"11*{WINE}"))
    (warning,) = session.warnings(basket, "WINE")
    assert "below zero (-1)" in warning.message
    receive_order(session, "BREAD", 8, ready=False)
    bread = Basket()
    bread.add(session.resolve(f"3*{BREAD}"))
    (reserved,) = session.warnings(bread, "BREAD")
    assert "reserved for click-and-collect" in reserved.message


@pilot_test
async def test_a_sale_below_zero_is_warned_and_still_sold(lane_node: Node) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await type_in(pilot, f"12*{WINE}")
        assert any("below zero (-2)" in str(n.message) for n in app._notifications)
        sale = await sell(pilot)
    assert sales.get_sale(lane_node.db, sale.id).lines[0].qty == 12


def receive_order(session: PosSession, sku: str, qty: int, *, ready: bool = True) -> Order:
    order = Order(
        id=ORDER_ID,
        store="S1",
        status="placed",
        customer={"name": "Ada"},
        lines=[OrderLine(sku=sku, qty=qty, reserved=qty)],
        created_at=FIXED,
        updated_at=FIXED,
        expires_at=FIXED + timedelta(days=3650),
        pickup_code_hash=hash_pickup_code(ORDER_ID, "123456"),
    )
    config = session.config
    with write(session.db):
        orders.receive(session.db, config, order)
    if ready:
        orders.pick(session.db, config, order.id, PickIn(lines=[PickLineIn(sku=sku, qty=qty)]))
        orders.ready(session.db, config, order.id)
    return orders.get(session.db, ORDER_ID)


@pilot_test
async def test_handover_by_code_then_by_pickup_qr(lane_node: Node) -> None:
    app, _ = till(lane_node)
    receive_order(app.session, "MILK", 2)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await pilot.press("f7")
        await pilot.pause()
        assert "Ada" in text_of(app.screen, "#order") and "2× Milk 1L" in text_of(
            app.screen, "#order"
        )
        await type_in(pilot, "654321")
        assert "not this order's pickup code" in text_of(app.screen, "#error")
        await type_in(pilot, pickup_qr(ORDER_ID, "123456"))
        assert isinstance(app.screen, HandoverScreen)  # shown first, handed over on Enter
        await type_in(pilot, "")
        assert isinstance(app.screen, SaleScreen)
    assert orders.get(lane_node.db, ORDER_ID).status == "collected"


@pilot_test
async def test_handover_says_so_when_the_node_has_no_order_services(lane_node: Node) -> None:
    app, _ = till(lane_node)
    app.session.pickups = None
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await pilot.press("f7")
        await pilot.pause()
        assert "not available on this node yet" in text_of(app.screen, "#error")
        await pilot.press("escape")
        assert isinstance(app.screen, SaleScreen)


@pilot_test
async def test_every_till_key_is_in_the_footer_help_and_command_palette(
    lane_node: Node,
) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        keys = {b.key for b in SaleScreen.BINDINGS if b.show}  # type: ignore[union-attr]
        footer = {key.key for key in app.screen.query("FooterKey")}
        assert keys <= footer
        titles = {c.title for c in app.get_system_commands(app.screen)}
        for key, name in (("F10", "Pay"), ("F6", "Return"), ("F8", "Void"), ("F12", "Close")):
            assert f"{name} ({key})" in titles
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        assert "F7  click-and-collect handover" in text_of(app.screen, "#message")
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        for char in "price (f2":
            await pilot.press(char)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert "Price check" in text_of(app.screen, ".dialog-title")


@pilot_test
async def test_keyboard_wedge_burst_sells_when_no_field_has_the_focus(lane_node: Node) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        # the pilot types ~40 ms apart; a real scanner is far faster. The detector's own
        # timing is tested in test_hardware_wedge.py; here the wiring is.
        app.wedge = WedgeDetector(max_gap_s=0.5)
        app.set_focus(None)
        await pilot.pause()
        for char in WINE:
            await pilot.press(char)
        await pilot.press("enter")
        await pilot.pause()
        assert [line.sku for line in app.screen.basket.lines] == ["WINE"]


@pilot_test
async def test_sign_out_keeps_the_shift_and_the_next_cashier_sells_on(lane_node: Node) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await pilot.press("f11")
        await pilot.pause()
        assert "sign in" in text_of(app.screen, ".dialog-title")
        await type_in(pilot, "max")
        await type_in(pilot, "9876")
        assert isinstance(app.screen, SaleScreen)  # the register's shift is still open
        assert "max · shift open" in text_of(app.screen, "StatusBar")


def test_status_line_shows_link_outbox_sync_age_and_printer() -> None:
    status = {
        "store": "S1",
        "online": True,
        "outbox_pending": 3,
        "rejected": 1,
        "last_push_at": "2026-11-22T11:55:00Z",
        "printer": "paper_out",
        "print_pending": 2,
    }
    line = Text.from_markup(describe(status, FIXED, "ana", True)).plain
    for part in ("online", "outbox 3", "1 rejected", "synced 5 min ago", "paper out (2 waiting)"):
        assert part in line
    offline = Text.from_markup(describe({"store": "S1", "online": False}, FIXED, "", False)).plain
    assert "OFFLINE" in offline and "never synced" in offline and "no shift" in offline


def test_make_app_builds_a_posapp(lane_node: Node) -> None:
    app, _ = till(lane_node)
    assert isinstance(app, PosApp) and app.session.register == "1"


@pilot_test
async def test_demo_start_signs_the_cashier_in_and_asks_for_the_float(lane_node: Node) -> None:
    app = make_app(lane_node.data_dir, printer=Dummy(), user="ana", pin="1234")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Open the shift" in text_of(app.screen, ".dialog-title")
        await type_in(pilot, "")
        assert isinstance(app.screen, SaleScreen)
        assert "ana · shift open" in text_of(app.screen, "StatusBar")
