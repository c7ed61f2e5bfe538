"""The till with customers, driven with Textual's pilot at 80×24: attach by phone (Ctrl+K),
pay part with points (F5 in the payment dialog), the receipt's member block; sign a new
customer up when nobody has the phone; the palette offers it."""

from __future__ import annotations

from textual.widgets import Input

from edge import customers
from edge.storage import outbox
from edge.storage.db import write
from pos_tui.app import SaleScreen
from shared.barcodes import make_ean13
from shared.customers import IndexEntry
from tests.edge_fixtures import Node
from tests.pos_fixtures import pilot_test, till
from tests.test_pos_flows import settle, sign_in, text_of, type_in

WINE = make_ean13("400000000003")
PROGRAM = {
    "earn_per_unit": 1,
    "point_value": 1,
    "min_redeem": 10,
    "offline_redeem_cap": 300,
    "default_region": "DE",
}


def _seed(node: Node) -> str:
    cid = "0192f0c4-8e1a-7c3b-9d2e-0000000000c1"
    with write(node.db):
        customers.apply_program(node.db, dict(PROGRAM))
        customers.apply_entry(
            node.db, IndexEntry(id=cid, name="Kim Lee", phone="+4915112345678", points=500)
        )
    return cid


@pilot_test
async def test_attach_by_phone_pay_with_points_and_print_the_member_block(lane_node: Node) -> None:
    cid = _seed(lane_node)
    app, printer = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await type_in(pilot, WINE)
        await pilot.press("ctrl+k")
        await type_in(pilot, "0151 12345678")
        assert isinstance(app.screen, SaleScreen)
        assert "Kim Lee · 500 points" in text_of(app.screen, "#customer")
        await pilot.press("f10")
        app.screen.query_one("#amount", Input).value = "100"
        await pilot.press("f5")
        await type_in(pilot, "")  # the rest in cash
        await settle(pilot)
    sale = app.session.last_sale
    assert sale is not None and sale.customer_id == cid
    assert [(p.method, p.amount) for p in sale.payments] == [("points", 100), ("cash", 799)]
    assert sale.loyalty is not None
    assert (sale.loyalty.earned, sale.loyalty.redeemed, sale.loyalty.balance) == (7, 100, 407)
    printed = printer.output
    for text in (b"MEMBER", b"Kim", b"POINTS REDEEMED", b"407"):
        assert text in printed
    assert b"Lee" not in printed  # first name only
    shift = app.session.current_shift()  # the Z report counts the points tender too
    assert shift is not None
    assert {(t.method, t.amount) for t in shift.tenders} >= {("points", 100), ("cash", 799)}
    assert sum(t.amount for t in shift.tenders) == shift.net_total


@pilot_test
async def test_unknown_phone_signs_the_customer_up_offline(lane_node: Node) -> None:
    _seed(lane_node)
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await pilot.press("ctrl+k")
        await type_in(pilot, "+49 151 99999999")
        assert "nobody has" in text_of(app.screen, "#error")
        await type_in(pilot, "Neu Kunde")
        assert isinstance(app.screen, SaleScreen)
        assert "Neu Kunde · 0 points" in text_of(app.screen, "#customer")
    found = customers.lookup(lane_node.db, "+4915199999999")
    assert found.name == "Neu Kunde"
    assert "customer" in [row.kind for row in outbox.with_status(lane_node.db, "pending", 100)]


@pilot_test
async def test_the_palette_lists_the_customer_command(lane_node: Node) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Customer (Ctrl+K / Shift+F1)" in titles
