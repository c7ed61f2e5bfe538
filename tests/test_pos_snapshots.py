"""SVG snapshots of every till screen (pytest-textual-snapshot), each at 80×24 and at
120×40. The clock is fixed, the cursor does not blink, and nothing shown depends on ids or
the time of day. After an intended change of layout:
`pytest tests/test_pos_snapshots.py --snapshot-update`, then look at the SVGs."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.widgets import Input

from hardware.receipt import receipt_qr
from pos_tui.screens import zreport
from tests.edge_fixtures import MANAGER, Node
from tests.pos_fixtures import till
from tests.test_pos_desk import receive_order
from tests.test_pos_flows import BREAD, MILK, WINE

SMALL, LARGE = (80, 24), (120, 40)
SIZES = pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
Steps = Callable[[Any], Awaitable[None]]


async def enter(pilot: Any, text: str) -> None:
    focused = pilot.app.focused
    assert isinstance(focused, Input)
    focused.insert_text_at_cursor(text)
    await pilot.press("enter")
    await pilot.pause()


async def steady(pilot: Any) -> None:
    """No blinking cursor and no toast: a snapshot must not depend on when it is taken."""
    await pilot.app.workers.wait_for_complete()
    pilot.app.clear_notifications()
    for screen in pilot.app.screen_stack:
        for field in screen.query(Input):
            field.cursor_blink = False
    await pilot.pause()


async def signed_in(pilot: Any) -> None:
    for text in ("ana", "1234", ""):
        await enter(pilot, text)


async def with_basket(pilot: Any) -> None:
    await signed_in(pilot)
    for text in (f"2*{MILK}", WINE, BREAD):
        await enter(pilot, text)


async def after_a_sale(pilot: Any) -> None:
    await with_basket(pilot)
    await pilot.press("f10")
    await enter(pilot, "20")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def login(pilot: Any) -> None:
    pass


async def float_prompt(pilot: Any) -> None:
    await enter(pilot, "ana")
    await enter(pilot, "1234")
    await pilot.press("escape")  # cannot be skipped: it says so


async def basket(pilot: Any) -> None:
    await with_basket(pilot)
    await pilot.press("up")  # the wine chosen


async def paying(pilot: Any) -> None:
    await with_basket(pilot)
    await pilot.press("f10")
    pilot.app.focused.insert_text_at_cursor("5")
    await pilot.press("f4")
    pilot.app.focused.insert_text_at_cursor("3")
    await pilot.press("f3")
    await enter(pilot, "B777")


async def removing_a_line(pilot: Any) -> None:
    await basket(pilot)
    await pilot.press("delete")


async def returning(pilot: Any) -> None:
    await after_a_sale(pilot)
    await pilot.press("f6")
    await enter(pilot, receipt_qr(pilot.app.session.last_sale.id))
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await enter(pilot, f"1*{MILK}")


async def returning_without_receipt(pilot: Any) -> None:
    await signed_in(pilot)
    await pilot.press("f6")
    await pilot.press("f5")
    await enter(pilot, MANAGER[1])
    await enter(pilot, "2*bread")


async def voiding(pilot: Any) -> None:
    await after_a_sale(pilot)
    await pilot.press("f8")
    await enter(pilot, "")
    await enter(pilot, "0000")  # a wrong PIN: asked again in the dialog


async def searching(pilot: Any) -> None:
    await signed_in(pilot)
    await pilot.press("f3")
    pilot.app.focused.insert_text_at_cursor("re")
    await pilot.pause()


async def parked_before_close(pilot: Any) -> None:
    await with_basket(pilot)
    await pilot.press("f5")
    await pilot.press("f12")


async def closing(pilot: Any) -> None:
    await after_a_sale(pilot)
    await pilot.press("f12")
    await enter(pilot, "115.10")


async def handing_over(pilot: Any) -> None:
    await signed_in(pilot)
    await pilot.press("f7")


async def helping(pilot: Any) -> None:
    await signed_in(pilot)
    await pilot.press("f1")


async def price_check_elsewhere(pilot: Any) -> None:
    await signed_in(pilot)
    await pilot.press("f2")
    await enter(pilot, WINE)


async def endless_aisle(pilot: Any) -> None:
    await price_check_elsewhere(pilot)
    await pilot.app.workers.wait_for_complete()
    await pilot.press("f7")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    screen.query_one("#name", Input).value = "Kim Lee"
    screen.query_one("#phone", Input).value = "+33 6 12 34 56 78"
    await pilot.press("f10")  # the cloud is away: said at once, the dialog stays


SCREENS: dict[str, Steps] = {
    "login": login,
    "float": float_prompt,
    "sale_with_a_basket": basket,
    "remove_line_confirmation": removing_a_line,
    "payment_split_tender": paying,
    "last_sale_change_due": after_a_sale,
    "return_with_a_receipt": returning,
    "return_without_receipt": returning_without_receipt,
    "void_with_a_wrong_pin": voiding,
    "live_search": searching,
    "close_refused_with_parked_basket": parked_before_close,
    "z_report": closing,
    "handover": handing_over,
    "help": helping,
    "price_check_elsewhere": price_check_elsewhere,
    "endless_aisle_order": endless_aisle,
}


def keep_stock_elsewhere(lane_node: Node, monkeypatch: Any) -> None:
    """The node's last copy of WINE in other stores (its cloud is never reachable here)."""
    from edge.storage import elsewhere as kept
    from edge.storage.db import write
    from pos_tui.screens import elsewhere
    from shared.stores import StockElsewhere, StoreStock

    monkeypatch.setattr(elsewhere, "local_when", lambda moment: "22.11 12:55")
    stores = [("S3", "Lille Flandres", 0, 203.8, 0), ("S2", "Lyon Part-Dieu", 9, 391.5, 2)]
    items = [
        StoreStock(store=c, name=n, on_hand=q, reserved=0, available=q, in_transit=t, distance_km=d)
        for c, n, q, d, t in stores
    ]
    with write(lane_node.db):
        kept.put(
            lane_node.db,
            StockElsewhere(sku="WINE", as_of="2026-11-22T11:55:00Z", live=True, items=items),
        )


@SIZES
@pytest.mark.parametrize("name", list(SCREENS))
def test_screen(
    name: str, size: tuple[int, int], lane_node: Node, snap_compare: Any, monkeypatch: Any
) -> None:
    app, _ = till(lane_node)
    monkeypatch.setattr(zreport, "local_time", lambda moment: "2026-11-22 13:00")
    if name == "handover":
        receive_order(app.session, "MILK", 2)
    if name in ("price_check_elsewhere", "endless_aisle_order"):
        keep_stock_elsewhere(lane_node, monkeypatch)

    async def run_before(pilot: Any) -> None:
        await SCREENS[name](pilot)
        await steady(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)
