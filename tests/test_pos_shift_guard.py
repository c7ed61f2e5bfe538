"""Issue 14, shift and drawer protection: the float cannot be skipped; F12, sign-out and
Ctrl+Q refuse or ask while a basket is open or parked; parked baskets belong to their shift
and are listed before close; the Z report says over/short, store, register, date, times."""

from __future__ import annotations

from textual.widgets import Input

from pos_tui.app import SaleScreen
from pos_tui.screens.login import LoginScreen
from pos_tui.screens.prompt import ConfirmScreen, MessageScreen
from pos_tui.screens.zreport import drawer_verdict
from tests.edge_fixtures import MANAGER, Node
from tests.pos_fixtures import pilot_test, till
from tests.test_pos_flows import BREAD, MILK, WINE, sell, settle, sign_in, text_of, type_in


@pilot_test
async def test_the_float_prompt_cannot_be_skipped(lane_node: Node) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_in(pilot, "ana")
        await type_in(pilot, "1234")
        await pilot.press("escape")
        await pilot.pause()
        assert "Open the shift" in text_of(app.screen, ".dialog-title")
        assert "cannot be skipped" in text_of(app.screen, "#error")
        app.screen.query_one("#answer", Input).value = ""
        await pilot.press("enter")
        await pilot.pause()
        assert "float counted" in text_of(app.screen, "#error")
        assert app.session.current_shift() is None
        await pilot.press("f11")  # the way out is signing out, never a shift with no float
        await pilot.pause()
        assert isinstance(app.screen, LoginScreen) and app.session.current_shift() is None
        await type_in(pilot, "ana")
        await type_in(pilot, "1234")
        await type_in(pilot, "abc", enter=False)
        app.screen.query_one("#answer", Input).value = "abc"
        await pilot.press("enter")
        assert app.session.current_shift() is None
        app.screen.query_one("#answer", Input).value = "0.00"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SaleScreen)
        assert app.session.current_shift().float_amount == 0


@pilot_test
async def test_f12_f11_and_ctrl_q_guard_open_and_parked_baskets(lane_node: Node) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await type_in(pilot, WINE)
        for key in ("f12", "f11", "ctrl+q"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, SaleScreen) and app.is_running, key
            assert app.screen.basket.lines, key
        await pilot.press("f5")  # parked: it belongs to this shift
        await pilot.press("f12")
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen)
        assert "cannot close" in text_of(app.screen, ".dialog-title")
        assert "1. 8.99 EUR · Red wine" in text_of(app.screen, "#message")
        await pilot.press("escape")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and "Red wine" in text_of(
            app.screen, "#message"
        )
        await pilot.press("escape")
        await pilot.press("f11")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LoginScreen)
        await pilot.press("ctrl+q")  # signed out, the basket is still parked: asked
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and app.is_running
        await pilot.press("escape")
        await pilot.pause()
        await type_in(pilot, "max")  # the next cashier resumes it in the same shift
        await type_in(pilot, MANAGER[1])
        await pilot.press("f5")
        await pilot.pause()
        assert [line.sku for line in app.screen.basket.lines] == ["WINE"]
        await sell(pilot)
        await pilot.press("f12")
        await type_in(pilot, "")  # an empty count is asked again, nothing closes
        assert "counted in the drawer" in text_of(app.screen, "#error")
        await type_in(pilot, "110.00")
        await settle(pilot)
        shown = text_of(app.screen, "#message")
    assert "Store 1 (S1) · register 1 · ana" in shown
    assert "Date " in shown and "shift " in shown
    assert "Over 1.01 EUR" in shown  # 100 + 8.99 expected, 110.00 counted


@pilot_test
async def test_parked_baskets_of_another_shift_are_not_resumed(lane_node: Node) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        from pos_tui.basket import Basket

        old = Basket()
        old.add(app.session.resolve(MILK))
        app.parked.park(old, "an-earlier-shift")
        await pilot.press("f5")
        assert "nothing parked" in [str(n.message) for n in app._notifications][-1]
        await type_in(pilot, BREAD)
        await pilot.press("f5")
        assert [b.lines[0].sku for b in app.parked.all(app.shift_id())] == ["BREAD"]


def test_drawer_verdict_says_over_or_short() -> None:
    assert drawer_verdict(111, "EUR") == "Over 1.11 EUR"
    assert drawer_verdict(-111, "EUR") == "Short 1.11 EUR"
    assert drawer_verdict(0, "EUR").startswith("Right")
