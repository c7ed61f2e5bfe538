"""Issue 14: a whole shift scripted through the till at 80×24. A float; 30 baskets that mix
every tender (cash exact and with change, card with reference, voucher, splits, a tender
kept across Esc, a tender removed) and every line edit (+/-, F4, Delete with a yes, a SKU
in lower case merging with a barcode scan, `n*` search pick, weighed goods); a park and
resume; a return with and one without receipt; a void; the close with a counted drawer.
Then: every tender typed is on its sale in the database, none disappeared, and the Z report
shown equals the figures recomputed from the database's own rows."""

from __future__ import annotations

import json
from typing import Any

from textual.widgets import Input

from edge import sales, shifts
from edge.staff import Actor
from pos_tui.app import SaleScreen
from pos_tui.screens.payment import PaymentScreen
from pos_tui.screens.prompt import ConfirmScreen
from shared.barcodes import make_ean13
from shared.models import ShiftCloseIn
from shared.money import format_money
from tests.edge_fixtures import MANAGER, Node
from tests.pos_fixtures import pilot_test, till
from tests.test_pos_flows import BREAD, MILK, WINE, settle, sign_in, text_of, type_in

APPLES = make_ean13("250000200750")  # 0.750 kg
Tender = tuple[str, int, str | None]


def euros(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"


async def keys(pilot: Any, text: str) -> None:
    """A scan into the scan field (a burst, as a wedge scanner types), then Enter."""
    await type_in(pilot, text)


async def ring_up(pilot: Any, n: int) -> None:
    """The basket of customer n, with a different line edit each time."""
    app = pilot.app
    kind = n % 5
    if kind == 0:
        await keys(pilot, MILK)
        await keys(pilot, WINE)
    elif kind == 1:
        await keys(pilot, f"3*{BREAD}")
        await pilot.press("plus", "plus", "minus")  # 3 + 1 + 1 - 1
        assert app.screen.basket.lines[-1].qty == 4
    elif kind == 2:
        await keys(pilot, MILK)
        await keys(pilot, "milk")  # the SKU in lower case: the same line
        await keys(pilot, WINE)
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert [(x.sku, x.qty) for x in app.screen.basket.lines] == [("MILK", 2)]
    elif kind == 3:
        await keys(pilot, BREAD)
        await pilot.press("f4")
        await pilot.press("2", "enter")
        await pilot.pause()
        assert app.screen.basket.lines[-1].qty == 2
        await keys(pilot, APPLES)
    else:
        await type_in(pilot, "2*", enter=False)
        await pilot.press("f3")
        await type_in(pilot, "red", enter=False)
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert [(x.sku, x.qty) for x in app.screen.basket.lines] == [("WINE", 2)]
    assert isinstance(app.screen, SaleScreen)


async def tender(pilot: Any, method: str, amount: int, ref: str | None = None) -> None:
    field = pilot.app.screen.query_one("#amount", Input)
    field.value = euros(amount)
    await pilot.press({"cash": "f2", "card": "f3", "voucher": "f4"}[method])
    if ref is not None:
        await type_in(pilot, ref)  # Enter in the reference field confirms the card
    await pilot.pause()


async def pay(pilot: Any, n: int) -> list[Tender]:
    """Pay customer n's basket; answers the tenders that must be on the sale."""
    total = pilot.app.screen.basket.total
    await pilot.press("f10")
    await pilot.pause()
    kind = n % 6
    if kind == 0:
        taken: list[Tender] = [("cash", total, None)]
        await tender(pilot, "cash", total)
    elif kind == 1:
        given = (total // 1000 + 1) * 1000  # a note above the total: change
        taken = [("cash", given, None)]
        await tender(pilot, "cash", given)
    elif kind == 2:
        taken = [("card", total, f"C{n}")]
        await tender(pilot, "card", total, f"C{n}")
    elif kind == 3:
        taken = [("voucher", 100, None), ("cash", total - 100, None)]
        await tender(pilot, "voucher", 100)
        await tender(pilot, "cash", total - 100)
    elif kind == 4:  # a card, Esc back to the basket, F10: the card is still there
        card, voucher = total // 3, total // 4
        await tender(pilot, "card", card, f"K{n}")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SaleScreen)
        await pilot.press("f10")
        await pilot.pause()
        rest = total - card - voucher
        taken = [("card", card, f"K{n}"), ("voucher", voucher, None), ("cash", rest, None)]
        await tender(pilot, "voucher", voucher)
        await tender(pilot, "cash", rest)
    else:  # a card tender taken by mistake and removed, then card and cash
        await tender(pilot, "card", 100, "WRONG")
        await pilot.press("delete")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, PaymentScreen)
        taken = [("card", 150, f"S{n}"), ("cash", total - 150, None)]
        await tender(pilot, "card", 150, f"S{n}")
        await tender(pilot, "cash", total - 150)
    await settle(pilot)
    assert isinstance(pilot.app.screen, SaleScreen), (n, text_of(pilot.app.screen, "#error"))
    return taken


@pilot_test
async def test_a_full_shift_loses_no_tender_and_the_z_report_matches_the_database(
    lane_node: Node,
) -> None:
    app, printer = till(lane_node)
    db = lane_node.db
    expected: dict[str, list[Tender]] = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, float_="150.00")
        shift_id = app.shift_id()
        for n in range(30):
            await ring_up(pilot, n)
            if n == 10:  # a customer forgot the wallet: park, serve the next, resume
                await pilot.press("f5")
                await keys(pilot, BREAD)
                taken = await pay(pilot, 0)
                expected[app.session.last_sale.id] = taken
                await pilot.press("f5")
                await pilot.pause()
                assert app.screen.basket.lines
            taken = await pay(pilot, n)
            expected[app.session.last_sale.id] = taken
            if n == 3:
                returned_from = app.session.last_sale
            if n == 5:
                voided = app.session.last_sale
        # a return with the receipt (bread of customer 3)
        await pilot.press("f6")
        await type_in(pilot, returned_from.receipt_no)
        await settle(pilot)
        await type_in(pilot, BREAD)
        await pilot.press("f10")
        await settle(pilot)
        # a return without receipt, in cash
        await pilot.press("f6")
        await pilot.press("f5")
        await type_in(pilot, MANAGER[1])
        await type_in(pilot, "wine")
        await pilot.press("f2")
        await settle(pilot)
        # a void of customer 5's sale
        await pilot.press("f8")
        app.screen.query_one("#answer", Input).value = voided.receipt_no
        await pilot.press("enter")
        await type_in(pilot, MANAGER[1])
        assert "GIVE BACK" in text_of(app.screen, "#message")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SaleScreen) and not app.parked.all(shift_id)
        running = shifts.current(db, app.session.config, "1")
        counted = running.expected_cash + 100  # one euro over
        await pilot.press("f12")
        await type_in(pilot, euros(counted))
        await settle(pilot)
        shown = text_of(app.screen, "#message")

    # every basket was sold, and every tender typed is on its sale, none lost or added
    assert len(expected) == 31
    for sale_id, taken in expected.items():
        sale = sales.get_sale(db, sale_id)
        assert [(p.method, p.amount, p.ref) for p in sale.payments] == taken
        assert sum(p.amount for p in sale.payments) - sale.change == sale.total
    # the Z report (stored at close) against the database's own rows
    manager = Actor(MANAGER[0], "manager", "1")  # the stored Z report, read back
    z = shifts.close_shift(db, app.session.config, manager, shift_id, ShiftCloseIn(counted=counted))
    rows = db.execute(
        "SELECT count(*), sum(total) FROM sales WHERE shift_id = ?", [shift_id]
    ).fetchone()
    assert (z.sales_count, z.sales_total) == (31, rows[1])
    ret = db.execute(
        "SELECT count(*), sum(total) FROM returns WHERE shift_id = ?", [shift_id]
    ).fetchone()
    assert (z.returns_count, z.returns_total) == (2, ret[1])
    assert (z.voids_count, z.voids_total) == (1, voided.total)
    assert z.net_total == rows[1] - ret[1] - voided.total
    bodies = [
        json.loads(b)
        for (b,) in db.execute("SELECT body FROM sales WHERE shift_id = ?", [shift_id])
    ]
    refunds = [
        json.loads(b)
        for (b,) in db.execute("SELECT body FROM returns WHERE shift_id = ?", [shift_id])
    ]
    per_method = {"cash": 0, "card": 0, "voucher": 0}
    for body in bodies:
        sign = -1 if body["id"] == voided.id else 1
        for p in body["payments"]:
            per_method[p["method"]] += p["amount"] * (2 if sign > 0 else 0)
        per_method["cash"] -= body["change"] * (2 if sign > 0 else 0)
    per_method = {m: a // 2 for m, a in per_method.items()}
    for r in refunds:
        for p in r["refunds"]:
            per_method[p["method"]] -= p["amount"]
    assert {t.method: t.amount for t in z.tenders} == per_method
    assert z.expected_cash == 15000 + per_method["cash"]
    assert z.counted_cash == counted and z.difference == 100
    # and the screen showed those same figures
    money = lambda cents: format_money(cents, "EUR")  # noqa: E731
    for figure in (z.sales_total, z.returns_total, z.voids_total, z.net_total, z.expected_cash):
        assert money(figure) in shown
    for t in z.tenders:
        assert money(t.amount) in shown
    assert "Over 1.00 EUR" in shown
    assert b"Z REPORT" in printer.output
