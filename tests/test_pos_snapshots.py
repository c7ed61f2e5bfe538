"""SVG snapshots of the till's main screens at 80×24 (pytest-textual-snapshot). After an
intended change of layout: `pytest tests/test_pos_snapshots.py --snapshot-update`."""

from __future__ import annotations

from typing import Any

from shared.barcodes import make_ean13
from tests.edge_fixtures import Node
from tests.pos_fixtures import till

MILK, WINE = make_ean13("400000000001"), make_ean13("400000000003")


async def signed_in(pilot: Any) -> None:
    for text in ("ana", "1234", ""):
        for char in text:
            await pilot.press(char)
        await pilot.press("enter")
        await pilot.pause()


async def with_basket(pilot: Any) -> None:
    await signed_in(pilot)
    for text in (f"2*{MILK}", WINE):
        for char in text:
            await pilot.press(char)
        await pilot.press("enter")
    await pilot.pause()


def test_login_screen(lane_node: Node, snap_compare: Any) -> None:
    app, _ = till(lane_node)
    assert snap_compare(app, terminal_size=(80, 24))


def test_sale_screen_with_a_basket(lane_node: Node, snap_compare: Any) -> None:
    app, _ = till(lane_node)
    assert snap_compare(app, terminal_size=(80, 24), run_before=with_basket)


def test_payment_screen(lane_node: Node, snap_compare: Any) -> None:
    app, _ = till(lane_node)

    async def paying(pilot: Any) -> None:
        await with_basket(pilot)
        await pilot.press("f10")

    assert snap_compare(app, terminal_size=(80, 24), run_before=paying)


def test_return_screen(lane_node: Node, snap_compare: Any) -> None:
    app, _ = till(lane_node)

    async def returning(pilot: Any) -> None:
        await signed_in(pilot)
        await pilot.press("f6")

    assert snap_compare(app, terminal_size=(80, 24), run_before=returning)


def test_sale_screen_on_a_large_terminal(lane_node: Node, snap_compare: Any) -> None:
    app, _ = till(lane_node)
    assert snap_compare(app, terminal_size=(120, 40), run_before=with_basket)
