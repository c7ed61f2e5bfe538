"""Issue 14, payment that never loses money: tenders stay with the basket across Esc and
go only when the sale is recorded or discarded after a confirmation naming each; a card
over what is due is refused in the dialog; Enter confirms a card reference; one tender can
be removed; the basket is beside the payment."""

from __future__ import annotations

from textual.widgets import DataTable, Input

from edge import sales
from pos_tui.app import SaleScreen
from pos_tui.screens.payment import PaymentScreen
from pos_tui.screens.prompt import ConfirmScreen
from tests.edge_fixtures import Node
from tests.pos_fixtures import pilot_test, till
from tests.test_pos_flows import BREAD, MILK, WINE, settle, sign_in, text_of, type_in


async def card(pilot, amount: str, ref: str) -> None:  # type: ignore[no-untyped-def]
    """Type an amount, F3, then the reference and Enter (as a cashier does)."""
    await type_in(pilot, amount, enter=False)
    await pilot.press("f3")
    assert pilot.app.focused.id == "ref"
    await type_in(pilot, ref)


@pilot_test
async def test_esc_keeps_the_tenders_taken_and_f10_shows_them_again(lane_node: Node) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await type_in(pilot, WINE)
        await pilot.press("f10")
        await card(pilot, "5", "B777")  # Enter in the reference field confirms the card
        assert "Due           3.99 EUR" in text_of(app.screen, "#due")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SaleScreen)
        assert "TAKEN 5.00 EUR" in text_of(app.screen, "#totals")
        await pilot.press("f5")  # parking would drop the card payment: refused
        await pilot.press("f12")
        assert app.screen.basket.lines and not app.parked.all()
        await pilot.press("f10")
        await pilot.pause()
        assert "Due           3.99 EUR" in text_of(app.screen, "#due")
        assert app.screen.query_one("#tenders", DataTable).row_count == 1
        await type_in(pilot, "")  # the rest in cash
        await settle(pilot)
        sale_id = app.session.last_sale.id
    sale = sales.get_sale(lane_node.db, sale_id)
    assert [(p.method, p.amount, p.ref) for p in sale.payments] == [
        ("card", 500, "B777"),
        ("cash", 399, None),
    ]


@pilot_test
async def test_a_card_over_the_amount_due_is_refused_in_the_dialog(lane_node: Node) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await type_in(pilot, WINE)
        await pilot.press("f10")
        await type_in(pilot, "2", enter=False)
        await pilot.press("f4")  # 2.00 voucher
        app.screen.query_one("#ref", Input).value = "B1"
        await type_in(pilot, "20", enter=False)
        await pilot.press("f3")
        assert isinstance(app.screen, PaymentScreen)
        assert "more than the 6.99 EUR due" in text_of(app.screen, "#error")
        assert [p.method for p in app.screen.payments] == ["voucher"]
    assert lane_node.count("sales") == 0


@pilot_test
async def test_one_tender_removed_and_discarding_names_every_tender(lane_node: Node) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await type_in(pilot, WINE)
        await type_in(pilot, BREAD)
        await pilot.press("f10")
        await type_in(pilot, "2", enter=False)
        await pilot.press("f4")
        await card(pilot, "3", "A1")
        await card(pilot, "1", "A2")
        await pilot.press("up")  # the card A1
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Remove card 3.00 EUR (ref A1)?" in text_of(app.screen, ".dialog-title")
        await pilot.press("enter")
        await pilot.pause()
        payment = app.screen
        assert [(p.method, p.amount) for p in payment.payments] == [("voucher", 200), ("card", 100)]
        await pilot.press("f9")
        assert isinstance(app.screen, ConfirmScreen)
        named = text_of(app.screen, "#message")
        assert "voucher 2.00 EUR" in named and "card 1.00 EUR (ref A2)" in named
        await pilot.press("escape")  # no: everything stays
        await pilot.pause()
        assert app.screen is payment and len(payment.payments) == 2
        await pilot.press("f9")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SaleScreen) and app.screen.tenders == []
        assert [line.sku for line in app.screen.basket.lines] == ["WINE", "BREAD"]


@pilot_test
async def test_the_basket_is_beside_the_payment(lane_node: Node) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await type_in(pilot, f"2*{MILK}")
        await pilot.press("f10")
        await pilot.pause()
        table = app.screen.query_one("#pay-basket", DataTable)
        assert table.get_row_at(0) == ["2", "Milk 1L", "2.58 EUR"]
        assert table.region.right <= app.screen.query_one(".payment").region.x


@pilot_test
async def test_the_last_sale_panel_shows_total_tendered_and_change_until_the_next_scan(
    lane_node: Node,
) -> None:
    from pos_tui.widgets.basket_view import BasketView
    from pos_tui.widgets.last_sale import LastSalePanel

    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await type_in(pilot, WINE)
        await pilot.press("f10")
        await type_in(pilot, "20")
        await settle(pilot)
        panel = app.screen.query_one(LastSalePanel)
        assert panel.display and not app.screen.query_one(BasketView).display
        assert "SALE S1-1-1 COMPLETE" in text_of(panel, "#ls-title")
        digits = [str(d.value) for d in panel.query("Digits")]
        assert digits == ["8.99", "20.00", "11.01"]
        assert "give back 11.01 EUR" in text_of(panel, "#ls-change-title")
        await type_in(pilot, BREAD)  # the next customer: the basket comes back
        assert not panel.display and app.screen.query_one(BasketView).display
        await pilot.press("f10")
        await card(pilot, "", "C1")  # the whole amount by card
        await settle(pilot)
        assert "NO CHANGE" in text_of(panel, "#ls-change-title")
        assert not panel.query_one("#ls-change").display
        assert "card 2.50 EUR (ref C1)" in text_of(panel, "#ls-tenders")


@pilot_test
async def test_messages_go_to_one_line_above_the_scan_field_and_never_stack(
    lane_node: Node,
) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await type_in(pilot, "NOPE1")
        app.screen.query_one("#entry", Input).value = ""
        await type_in(pilot, f"12*{WINE}")
        say = app.screen.query_one("#say")
        assert say.display and "below zero" in text_of(app.screen, "#say")
        assert len(list(app._notifications)) == 1  # the newest replaces the last
        entry = app.screen.query_one("#entry")
        assert say.region.bottom <= entry.region.y  # above the field, not over it
        table = app.screen.query_one("#lines")
        assert say.region.y >= table.region.bottom - 1  # below the basket's lines


@pilot_test
async def test_a_sale_refused_by_the_edge_keeps_every_tender_in_the_dialog(
    lane_node: Node,
) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await type_in(pilot, WINE)
        await type_in(pilot, BREAD)
        await pilot.press("f10")
        await type_in(pilot, "9", enter=False)
        await pilot.press("f4")  # a 9.00 voucher
        await pilot.press("escape")
        await pilot.press("up", "delete", "enter")  # the wine goes: 2.50 left
        await pilot.pause()
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("enter")  # covered: the edge refuses a voucher over the total
        assert isinstance(app.screen, PaymentScreen)
        assert "not sold" in text_of(app.screen, "#error")
        assert [(p.method, p.amount) for p in app.screen.payments] == [("voucher", 900)]
        await pilot.press("delete", "enter")  # hand the voucher back, then cash
        await pilot.pause()
        await type_in(pilot, "")
        await settle(pilot)
        assert isinstance(app.screen, SaleScreen)
    sale = sales.get_sale(lane_node.db, app.session.last_sale.id)
    assert [(p.method, p.amount) for p in sale.payments] == [("cash", 250)]
