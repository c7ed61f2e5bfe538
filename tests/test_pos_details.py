"""Issue 14, the rest: F9 names what it printed; the status bar is never cut at 80
columns; every key (F4 too) is in the footer, inside the screen, at 80×24 and wider."""

from __future__ import annotations

import pytest
from rich.text import Text

from pos_tui.app import SaleScreen
from pos_tui.widgets.status_bar import describe
from tests.edge_fixtures import Node
from tests.pos_fixtures import FIXED, pilot_test, till
from tests.test_pos_desk import UnpluggedPrinter
from tests.test_pos_flows import MILK, WINE, sell, settle, sign_in, type_in


@pilot_test
async def test_f9_says_which_receipts_it_printed(lane_node: Node) -> None:
    from pos_tui.app import make_app

    printer = UnpluggedPrinter()
    app = make_app(lane_node.data_dir, printer=printer, clock=lambda: FIXED)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await sell(pilot, MILK)
        await sell(pilot, WINE)
        printer.down = False
        await pilot.press("f9")
        await settle(pilot)
        said = str(app.screen.query_one("#say").render())
        assert "printed: receipt S1-1-1, receipt S1-1-2" in said
        await pilot.press("f9")  # nothing waiting: a copy of the last receipt
        await type_in(pilot, "")
        await settle(pilot)
        assert "printed: copy S1-1-2" in str(app.screen.query_one("#say").render())


def test_the_status_line_fits_80_columns_in_the_worst_case() -> None:
    status = {
        "store": "STORE-0042",
        "online": False,
        "outbox_pending": 12345,
        "rejected": 12,
        "last_push_at": "2026-11-22T09:55:00Z",
        "printer": "paper_out",
        "print_pending": 17,
    }
    line = Text.from_markup(describe(status, FIXED, "maximiliane", True, 80)).plain
    assert (
        "outbox 3" in Text.from_markup(describe({"outbox_pending": 3}, FIXED, "a", True, 80)).plain
    )
    assert len(line) <= 78, line
    for part in ("OFFLINE", "12345", "12 rej", "125m", "paper out (17)", "max"):
        assert part in line


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 40)])
@pilot_test
async def test_every_sale_key_is_in_the_footer_inside_the_screen(
    lane_node: Node, size: tuple[int, int]
) -> None:
    app, _ = till(lane_node)
    width, height = size
    async with app.run_test(size=size) as pilot:
        await sign_in(pilot)
        assert isinstance(app.screen, SaleScreen)
        shown = {
            key.key: key
            for key in app.screen.query("FooterKey")
            if key.region.bottom <= height and key.region.right <= width and key.region.height
        }
        for binding in SaleScreen.BINDINGS:
            if binding.show:  # type: ignore[union-attr]
                assert binding.key in shown, binding.key  # type: ignore[union-attr]
        assert "f4" in shown
