"""The till driven with Textual's pilot at 80×24: sign-in, sales by scan with cash and
split tender, a return by receipt QR, voids, shift close with a Z report checked against
what the edge services hold. Receipts come out of python-escpos's Dummy printer."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input

from edge import returns, sales, shifts, stock
from edge.staff import Actor
from hardware.receipt import receipt_qr
from hardware.scanner import SimulatedScanner
from pos_tui.app import SaleScreen
from pos_tui.screens.returns import ReturnScreen
from shared.barcodes import make_ean13
from shared.models import Sale, ShiftCloseIn
from tests.edge_fixtures import MANAGER, Node
from tests.pos_fixtures import pilot_test, till

MILK, BREAD, WINE = (make_ean13(b) for b in ("400000000001", "400000000002", "400000000003"))
DRAWER_KICK = b"\x1bp"


async def type_in(pilot: Any, text: str, enter: bool = True) -> None:
    """Type into the focused field, as a keyboard wedge would (one burst), then Enter."""
    focused = pilot.app.focused
    assert isinstance(focused, Input), focused
    focused.insert_text_at_cursor(text)
    if enter:
        await pilot.press("enter")
    await pilot.pause()


async def settle(pilot: Any) -> None:
    """Let printing and lookups on worker threads finish, then the screen catch up."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def sign_in(pilot: Any, name: str = "ana", pin: str = "1234", float_: str = "100") -> None:
    await type_in(pilot, name)
    await type_in(pilot, pin)
    if not isinstance(pilot.app.screen, SaleScreen):
        pilot.app.screen.query_one(Input).value = ""
        await type_in(pilot, float_)
    assert isinstance(pilot.app.screen, SaleScreen)


async def sell(pilot: Any, *codes: str, cash: str = "") -> Sale:
    """Ring up the codes and take cash (empty: exactly the total)."""
    for code in codes:
        await type_in(pilot, code)
    await pilot.press("f10")
    await type_in(pilot, cash)
    await settle(pilot)
    sale = pilot.app.session.last_sale
    assert sale is not None
    return sale


def text_of(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector).render())


@pilot_test
async def test_sign_in_opens_a_shift_and_shows_the_sale_screen(lane_node: Node) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_in(pilot, "ana")
        await type_in(pilot, "0000")
        assert "wrong PIN" in text_of(app.screen, "#error")
        await type_in(pilot, "1234")
        await type_in(pilot, "")  # accept the proposed float
        assert isinstance(app.screen, SaleScreen)
        assert "ana · shift open" in text_of(app.screen, "StatusBar")
    shift = shifts.current(lane_node.db, app.session.config, "1")
    assert (shift.cashier, shift.float_amount) == ("ana", 10000)


@pilot_test
async def test_three_item_sale_by_scan_with_cash_and_change(lane_node: Node) -> None:
    scanner = SimulatedScanner()
    app, printer = till(lane_node, scanner=scanner)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        for code in (MILK, BREAD, WINE):
            scanner.push(code)
        for _ in range(40):
            await pilot.pause(0.05)
            if len(app.screen.basket.lines) == 3:
                break
        assert [line.sku for line in app.screen.basket.lines] == ["MILK", "BREAD", "WINE"]
        assert "TOTAL 12.78 EUR" in text_of(app.screen, "#totals")
        await pilot.press("f10")
        await type_in(pilot, "20")  # 20.00 cash for 12.78
        await settle(pilot)
        assert "CHANGE 7.22 EUR" in text_of(app.screen, "#totals")
        sale_id = app.session.last_sale.id
    sale = sales.get_sale(lane_node.db, sale_id)
    assert (sale.total, sale.change) == (129 + 250 + 899, 2000 - 1278)
    assert [(p.method, p.amount) for p in sale.payments] == [("cash", 2000)]
    assert sale.receipt_no.encode() in printer.output
    assert b"7.22 EUR" in printer.output and DRAWER_KICK in printer.output
    assert stock.level(lane_node.db, "WINE").on_hand == 9


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
        await type_in(pilot, "9", enter=False)
        await pilot.press("f3")  # card over what is due: refused on screen
        assert "only cash gives change" in text_of(app.screen, "#error")
        app.screen.query_one("#amount", Input).value = "1"
        app.screen.query_one("#ref", Input).value = "AUTH99"
        await pilot.press("f3")  # 1.00 card
        await pilot.press("enter")  # the rest (0.87) in cash
        await settle(pilot)
        sale_id = app.session.last_sale.id
    sale = sales.get_sale(lane_node.db, sale_id)
    assert [(p.method, p.amount, p.ref) for p in sale.payments] == [
        ("voucher", 200, None),
        ("card", 100, "AUTH99"),
        ("cash", 87, None),
    ]
    assert sale.total == 387 and sale.change == 0
    assert b"CARD AUTH99" in printer.output


@pilot_test
async def test_return_by_receipt_qr_is_partial_and_refunds_the_tender(lane_node: Node) -> None:
    app, printer = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        sale = await sell(pilot, f"2*{BREAD}", MILK)
        await pilot.press("f6")
        await type_in(pilot, receipt_qr(sale.id))
        await settle(pilot)
        assert "Receipt S1-1-1" in text_of(app.screen, "#sale")
        await type_in(pilot, "3*BREAD")  # more than was sold: refused on screen
        assert "only 2 of 2 sold are left" in text_of(app.screen, "#error")  # the edge says
        await type_in(pilot, BREAD)
        assert "Refund due 2.50 EUR" in text_of(app.screen, "#sale")
        await pilot.press("f10")
        await settle(pilot)
        assert isinstance(app.screen, SaleScreen)
    known = returns.find_sale(lane_node.db, sale.id, None, None)
    assert known.returned == {"BREAD": 1}
    assert stock.level(lane_node.db, "BREAD").on_hand == 10 - 2 + 1
    report = shifts.current(lane_node.db, app.session.config, "1")
    assert (report.returns_count, report.returns_total) == (1, 250)
    assert b"RETURN" in printer.output and b"Original receipt S1-1-1" in printer.output


@pilot_test
async def test_scanning_a_receipt_qr_on_the_sale_screen_starts_its_return(
    lane_node: Node,
) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        sale = await sell(pilot, WINE)
        await type_in(pilot, receipt_qr(sale.id))
        await settle(pilot)
        assert isinstance(app.screen, ReturnScreen)
        await pilot.press("f6")  # everything left on the receipt
        await pilot.press("f2")  # back in cash
        await settle(pilot)
        assert isinstance(app.screen, SaleScreen)
    known = returns.find_sale(lane_node.db, sale.id, None, None)
    assert known.returned == {"WINE": 1}


@pilot_test
async def test_return_of_an_unknown_receipt_shows_the_message(lane_node: Node) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await pilot.press("f6")
        await type_in(pilot, "S9-1-77")  # another store's, and the cloud is unreachable
        await settle(pilot)
        assert "cloud is unreachable" in text_of(app.screen, "#error")
        assert isinstance(app.screen, ReturnScreen)


@pilot_test
async def test_return_without_receipt_needs_a_manager_pin(lane_node: Node) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await pilot.press("f6")
        await pilot.press("f5")
        await type_in(pilot, "1234")  # a cashier's PIN is not a manager's: asked again
        assert "not a manager's PIN" in text_of(app.screen, "#error")
        await type_in(pilot, MANAGER[1])
        assert isinstance(app.screen, ReturnScreen)
        await type_in(pilot, "BREAD")
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, SaleScreen)
    report = shifts.current(lane_node.db, app.session.config, "1")
    assert (report.returns_count, report.returns_total) == (1, 250)
    assert stock.level(lane_node.db, "BREAD").on_hand == 11


@pilot_test
async def test_void_last_sale_needs_the_manager_pin(lane_node: Node) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        sale = await sell(pilot, WINE, cash="10")
        await pilot.press("f8")
        await type_in(pilot, "")  # the last sale is proposed
        assert "Void sale S1-1-1 of 8.99 EUR?" in text_of(app.screen, ".dialog-title")
        assert "Give back: cash 8.99 EUR" in text_of(app.screen, ".hint")
        await type_in(pilot, "0000")  # a wrong PIN voids nothing and asks again
        assert not sales.get_sale(lane_node.db, sale.id).voided
        assert "not a manager's PIN" in text_of(app.screen, "#error")
        await type_in(pilot, MANAGER[1])
        assert "GIVE BACK: cash 8.99 EUR" in text_of(app.screen, "#message")
        await pilot.press("enter")
        assert "(voided)" in text_of(app.screen, "#last-sale")
    assert sales.get_sale(lane_node.db, sale.id).voided
    assert stock.level(lane_node.db, "WINE").on_hand == 10
    report = shifts.current(lane_node.db, app.session.config, "1")
    assert (report.voids_count, report.voids_total) == (1, 899)


@pilot_test
async def test_void_basket_before_payment_needs_the_manager_pin(lane_node: Node) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await type_in(pilot, MILK)
        await pilot.press("f8")
        await type_in(pilot, "1234")
        assert "not a manager's PIN" in text_of(app.screen, "#error")
        await pilot.press("escape")
        assert len(app.screen.basket.lines) == 1
        await pilot.press("f8")
        await type_in(pilot, MANAGER[1])
        assert app.screen.basket.lines == []
    assert shifts.current(lane_node.db, app.session.config, "1").sales_count == 0


@pilot_test
async def test_shift_close_z_report_matches_the_edge(lane_node: Node) -> None:
    app, printer = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, float_="50")
        sold = [await sell(pilot, MILK), await sell(pilot, WINE, BREAD, cash="20")]
        voided = await sell(pilot, BREAD)
        await pilot.press("f8")
        await type_in(pilot, "")
        await type_in(pilot, MANAGER[1])
        await pilot.press("enter")  # "give back" read
        await pilot.press("f6")
        await type_in(pilot, sold[1].receipt_no)
        await settle(pilot)
        await type_in(pilot, WINE)
        await pilot.press("f10")
        await settle(pilot)
        shift_id = app.session.current_shift().shift_id
        await pilot.press("f12")
        await type_in(pilot, "60.00")
        await settle(pilot)
        shown = text_of(app.screen, "#message")
        await pilot.press("enter")
        await pilot.pause()
        assert "sign in" in text_of(app.screen, ".dialog-title")
    db = lane_node.db
    stored = [sales.get_sale(db, s.id) for s in [*sold, voided]]
    # closing again with the same count is idempotent: it answers the stored Z report
    manager = Actor(MANAGER[0], "manager", "1")
    report = shifts.close_shift(
        db, app.session.config, manager, shift_id, ShiftCloseIn(counted=6000)
    )
    sold_total = sum(s.total for s in stored)
    assert report.sales_count == 3 and report.sales_total == sold_total
    assert (report.voids_count, report.voids_total) == (1, voided.total)
    assert (report.returns_count, report.returns_total) == (1, 899)
    assert report.net_total == sold_total - voided.total - 899
    cash_in = sum(p.amount for s in stored for p in s.payments if p.method == "cash")
    change = sum(s.change for s in stored)
    expected = 5000 + cash_in - change - voided.total - 899
    assert report.expected_cash == expected
    assert report.counted_cash == 6000 and report.difference == 6000 - expected
    assert {v.rate_bp for v in report.vat} == {700, 2000}
    assert f"Sales       3 {sold_total / 100:>10.2f} EUR" in shown
    verdict = "Over" if expected < 6000 else "Short"
    assert f"{verdict} {abs(6000 - expected) / 100:.2f} EUR" in shown
    assert "Store 1 (S1) · register 1 · ana" in shown and "Date " in shown
    assert b"Z REPORT" in printer.output and b"DIFFERENCE" in printer.output
