"""Issue 14, approvals in place and returns checked as scanned: a wrong manager PIN asks
again in the same dialog (a locked approval says so); the no-receipt PIN is checked when
typed; return lines not on the receipt, already returned or of a voided sale are refused
at once by the edge (`edge.returns.quote`); a return line can be removed; lines show by
name; a return without receipt offers no "original tender"."""

from __future__ import annotations

from typing import Any

from textual.widgets import DataTable

from edge import returns
from hardware.receipt import receipt_qr
from pos_tui.app import SaleScreen
from pos_tui.screens.prompt import PromptScreen
from pos_tui.screens.returns import ReturnScreen
from shared.errors import TooManyRequests
from tests.edge_fixtures import MANAGER, Node
from tests.pos_fixtures import pilot_test, till
from tests.test_pos_flows import BREAD, MILK, WINE, sell, settle, sign_in, text_of, type_in


def footer_keys(app: Any) -> set[str]:
    return {key.key for key in app.screen.query("FooterKey")}


@pilot_test
async def test_return_lines_are_checked_as_scanned_removable_and_named(
    lane_node: Node,
) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        first = await sell(pilot, f"2*{BREAD}", MILK)
        await pilot.press("f6")
        await type_in(pilot, first.receipt_no)
        await settle(pilot)
        assert "f5" not in footer_keys(app)  # it has a receipt
        await type_in(pilot, WINE)  # not on this receipt: refused now, not at F10
        assert "WINE is not on receipt S1-1-1" in text_of(app.screen, "#error")
        await type_in(pilot, f"2*{BREAD}")
        await type_in(pilot, MILK)
        assert "Refund due 6.29 EUR" in text_of(app.screen, "#sale")
        table = app.screen.query_one("#lines", DataTable)
        assert table.get_row_at(0)[0] == "Bread"
        await pilot.press("up")  # the bread line
        await pilot.press("delete")  # out of the return
        assert "Refund due 1.29 EUR" in text_of(app.screen, "#sale")
        await type_in(pilot, BREAD)
        await pilot.press("f10")
        await settle(pilot)
        assert isinstance(app.screen, SaleScreen)
        await pilot.press("f6")  # the same receipt again: what is left only
        await type_in(pilot, first.receipt_no)
        await settle(pilot)
        await type_in(pilot, MILK)  # already returned
        assert "only 0 of 1 sold are left" in text_of(app.screen, "#error")
        await pilot.press("escape")
    assert returns.find_sale(lane_node.db, first.id, None, None).returned == {
        "BREAD": 1,
        "MILK": 1,
    }


@pilot_test
async def test_a_voided_sale_refuses_its_return_at_once(lane_node: Node) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        sale = await sell(pilot, WINE)
        await pilot.press("f8")
        await type_in(pilot, "")
        await type_in(pilot, MANAGER[1])
        await pilot.press("enter")
        await type_in(pilot, receipt_qr(sale.id))
        await settle(pilot)
        assert isinstance(app.screen, ReturnScreen)
        assert "was voided: nothing to return" in text_of(app.screen, "#error")
        await type_in(pilot, WINE)  # still no receipt taken: nothing to add to
        assert app.screen.wanted == {}


@pilot_test
async def test_no_receipt_return_names_lines_and_has_no_original_tender(
    lane_node: Node,
) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await pilot.press("f6")
        assert "f10" in footer_keys(app)
        await pilot.press("f5")
        await type_in(pilot, "0000")  # wrong: refused while typing it, the dialog stays
        assert isinstance(app.screen, PromptScreen)
        assert "not a manager's PIN" in text_of(app.screen, "#error")
        await type_in(pilot, MANAGER[1])
        assert isinstance(app.screen, ReturnScreen)
        assert "f10" not in footer_keys(app)  # no "refund to the original tender"
        await type_in(pilot, "2*bread")
        assert app.screen.query_one("#lines", DataTable).get_row_at(0)[0] == "Bread"
        await pilot.press("f10")  # even from the palette: the tender must be chosen
        assert app.screen.wanted == {"BREAD": 2}
        await pilot.press("f3")
        await settle(pilot)
        assert isinstance(app.screen, SaleScreen)


@pilot_test
async def test_a_locked_approval_says_so_in_the_dialog(lane_node: Node) -> None:
    app, _ = till(lane_node)

    def locked(pin: str | None) -> str:
        raise TooManyRequests("approvals_locked", "too many wrong manager PINs: wait 15 min")

    app.session.check_manager = locked  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await type_in(pilot, MILK)
        await pilot.press("f8")
        await type_in(pilot, MANAGER[1])
        assert "too many wrong manager PINs" in text_of(app.screen, "#error")
        await pilot.press("escape")
        assert len(app.screen.basket.lines) == 1
