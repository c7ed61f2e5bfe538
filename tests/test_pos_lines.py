"""Issue 14, line editing from the scan field: Up/Down choose a line, Delete asks before
removing the chosen one, +/- and F4 change its quantity, the focus stays in the scan field,
`n*` carries to a search pick, one product is one line, SKUs ignore case, a typed word
offers the search, a refused code stays in the field, weighed lines show weight and €/kg,
and the search is live with the stock."""

from __future__ import annotations

from textual.widgets import DataTable, Input

from edge import sales
from pos_tui.app import SaleScreen
from pos_tui.screens.prompt import ConfirmScreen
from pos_tui.screens.search import SearchScreen
from pos_tui.widgets.basket_view import BasketView
from shared.barcodes import make_ean13
from tests.edge_fixtures import Node
from tests.pos_fixtures import pilot_test, till
from tests.test_pos_flows import BREAD, MILK, WINE, sell, sign_in, text_of, type_in


def lines(app: object) -> list[tuple[str, int]]:
    return [(line.sku, line.qty) for line in app.screen.basket.lines]  # type: ignore[attr-defined]


@pilot_test
async def test_up_down_delete_and_quantity_from_the_scan_field(lane_node: Node) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        for code in (MILK, WINE, BREAD):
            await type_in(pilot, code)
        view = app.screen.query_one(BasketView)
        assert view.selected_index() == 2
        await pilot.press("up", "up")
        assert view.selected_index() == 0 and app.focused.id == "entry"
        await pilot.press("plus", "plus")  # Milk × 3
        assert lines(app)[0] == ("MILK", 3) and view.selected_index() == 0
        await pilot.press("minus")
        assert lines(app)[0] == ("MILK", 2)
        await pilot.press("down")  # the wine
        await pilot.press("f4")
        assert "Quantity of Red wine" in text_of(app.screen, ".dialog-title")
        await pilot.press("4", "enter")  # the proposed quantity is selected: typing replaces
        assert lines(app)[1] == ("WINE", 4) and view.selected_index() == 1
        await type_in(pilot, "0", enter=False)  # typed: + and - are text, Delete edits it
        await pilot.press("home", "delete")
        assert app.screen.query_one("#entry", Input).value == "" and len(lines(app)) == 3
        await pilot.press("delete")  # the chosen line (the wine), after a yes
        assert isinstance(app.screen, ConfirmScreen)
        assert text_of(app.screen, ".dialog-title") == "Remove Red wine?"
        await pilot.press("escape")
        await pilot.pause()
        assert len(lines(app)) == 3
        await pilot.press("delete", "enter")
        await pilot.pause()
        assert lines(app) == [("MILK", 2), ("BREAD", 1)]
        await pilot.press("tab")  # focus never leaves the scan field: typing still scans
        await pilot.press(*WINE, "enter")
        await pilot.pause()
        assert lines(app)[-1] == ("WINE", 1)
        sale = await sell(pilot)
    assert [(line.sku, line.qty) for line in sales.get_sale(lane_node.db, sale.id).lines] == [
        ("MILK", 2),
        ("BREAD", 1),
        ("WINE", 1),
    ]


@pilot_test
async def test_search_pick_takes_the_typed_quantity_and_a_word_offers_search(
    lane_node: Node,
) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await type_in(pilot, "2*", enter=False)
        await pilot.press("f3")
        await type_in(pilot, "brea", enter=False)  # live: no Enter needed for results
        await pilot.pause()
        results = app.screen.query_one("#results", DataTable)
        assert results.get_row_at(0)[:2] == ["BREAD", "Bread"]
        assert results.get_row_at(0)[3].strip() == "10"  # on hand
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert lines(app) == [("BREAD", 2)]
        assert app.screen.query_one("#entry", Input).value == ""
        await type_in(pilot, "3*red")  # a word that is no SKU: the search opens with it
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one("#query", Input).value == "red"
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert lines(app) == [("BREAD", 2), ("WINE", 3)]


@pilot_test
async def test_one_product_one_line_skus_ignore_case_and_errors_keep_the_code(
    lane_node: Node,
) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await type_in(pilot, MILK)
        await type_in(pilot, "milk")
        await type_in(pilot, "Milk")
        assert lines(app) == [("MILK", 3)]
        wrong = MILK[:-1] + str((int(MILK[-1]) + 1) % 10)  # a mistyped check digit
        await type_in(pilot, wrong)
        entry = app.screen.query_one("#entry", Input)
        assert entry.value == wrong  # kept to correct, selected so a scan replaces it
        await pilot.press(*BREAD, "enter")  # the next scan (keys) replaces the selection
        await pilot.pause()
        assert entry.value == "" and lines(app)[-1] == ("BREAD", 1)
        await type_in(pilot, "zzqx")
        assert entry.value == "zzqx" and isinstance(app.screen, SaleScreen)
        assert "F3 searches by name" in [str(n.message) for n in app._notifications][-1]


@pilot_test
async def test_weighed_lines_show_weight_and_price_per_kg(lane_node: Node) -> None:
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await type_in(pilot, make_ean13("250000200512"))  # apples, 0.512 kg
        await type_in(pilot, make_ean13("250000200512"))  # a second bag: its own line
        row = app.screen.query_one("#lines", DataTable).get_row_at(0)
        assert row[1] == "Apples per kg"
        assert row[2].strip() == "0.512 kg" and row[3].strip() == "2.99 EUR/kg"
        assert row[4].strip() == "1.53 EUR"
        assert len(lines(app)) == 2
        await pilot.press("plus")  # a weighed line is not counted up
        assert lines(app)[-1] == ("APPLES", 1)
