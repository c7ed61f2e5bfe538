"""SVG snapshots of the till's main screens (pytest-textual-snapshot), at 80×24 and on a
larger terminal. The clock is fixed and nothing shown depends on ids or the time of day.
After an intended change of layout: `pytest tests/test_pos_snapshots.py --snapshot-update`."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input

from hardware.receipt import receipt_qr
from pos_tui.screens import zreport
from tests.edge_fixtures import Node
from tests.pos_fixtures import till
from tests.test_pos_desk import receive_order
from tests.test_pos_flows import BREAD, MILK, WINE

SMALL, LARGE = (80, 24), (120, 40)


async def enter(pilot: Any, text: str) -> None:
    focused = pilot.app.focused
    assert isinstance(focused, Input)
    focused.insert_text_at_cursor(text)
    await pilot.press("enter")
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
    await steady(pilot)


async def steady(pilot: Any) -> None:
    """No blinking cursor: a snapshot must not depend on when it is taken."""
    for screen in pilot.app.screen_stack:
        for field in screen.query(Input):
            field.cursor_blink = False
    await pilot.pause()


def test_login_screen(lane_node: Node, snap_compare: Any) -> None:
    app, _ = till(lane_node)
    assert snap_compare(app, terminal_size=SMALL)


def test_sale_screen_with_a_basket(lane_node: Node, snap_compare: Any) -> None:
    app, _ = till(lane_node)
    assert snap_compare(app, terminal_size=SMALL, run_before=with_basket)


def test_sale_screen_on_a_large_terminal(lane_node: Node, snap_compare: Any) -> None:
    app, _ = till(lane_node)
    assert snap_compare(app, terminal_size=LARGE, run_before=with_basket)


def test_payment_screen_split_tender(lane_node: Node, snap_compare: Any) -> None:
    app, _ = till(lane_node)

    async def paying(pilot: Any) -> None:
        await with_basket(pilot)
        await pilot.press("f10")
        pilot.app.focused.insert_text_at_cursor("5")
        await pilot.press("f4")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SMALL, run_before=paying)


def test_change_due_after_a_sale(lane_node: Node, snap_compare: Any) -> None:
    app, _ = till(lane_node)
    assert snap_compare(app, terminal_size=LARGE, run_before=after_a_sale)


def test_change_due_after_a_sale_at_80x24(lane_node: Node, snap_compare: Any) -> None:
    app, _ = till(lane_node)
    assert snap_compare(app, terminal_size=SMALL, run_before=after_a_sale)


def test_return_screen_with_a_receipt(lane_node: Node, snap_compare: Any) -> None:
    app, _ = till(lane_node)

    async def returning(pilot: Any) -> None:
        await after_a_sale(pilot)
        await pilot.press("f6")
        await enter(pilot, receipt_qr(pilot.app.session.last_sale.id))
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await enter(pilot, f"1*{MILK}")
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app, terminal_size=SMALL, run_before=returning)


def test_handover_screen(lane_node: Node, snap_compare: Any) -> None:
    app, _ = till(lane_node)
    receive_order(app.session, "MILK", 2)

    async def handing_over(pilot: Any) -> None:
        await signed_in(pilot)
        await pilot.press("f7")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SMALL, run_before=handing_over)


def test_z_report(lane_node: Node, snap_compare: Any, monkeypatch: Any) -> None:
    app, _ = till(lane_node)
    monkeypatch.setattr(zreport, "local_time", lambda moment: "2026-11-22 13:00")

    async def closing(pilot: Any) -> None:
        await after_a_sale(pilot)
        await pilot.press("f12")
        await enter(pilot, "115.10")
        await pilot.app.workers.wait_for_complete()
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app, terminal_size=SMALL, run_before=closing)


def test_help_screen(lane_node: Node, snap_compare: Any) -> None:
    app, _ = till(lane_node)

    async def helping(pilot: Any) -> None:
        await signed_in(pilot)
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SMALL, run_before=helping)
