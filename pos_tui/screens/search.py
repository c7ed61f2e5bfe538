"""F3: product search by name or SKU; Enter on a result puts one in the basket."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Input, Label

from pos_tui.screens.base import TillModal


class SearchScreen(TillModal[str | None]):
    """Answers the chosen SKU."""

    BINDINGS = [Binding("escape", "cancel", "Back")]
    DIALOG_CLASSES = "dialog wide"

    def compose_dialog(self) -> ComposeResult:
        yield Label("Search products", classes="dialog-title")
        yield Input(id="query", placeholder="part of the name or SKU, then Enter")
        table: DataTable[str] = DataTable(id="results", cursor_type="row")
        table.add_columns("SKU", "Name", "Price")
        yield table
        yield Label("", id="error", classes="error")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#query", Input).focus()

    @on(Input.Submitted, "#query")
    def _search(self, event: Input.Submitted) -> None:
        table = self.query_one("#results", DataTable)
        table.clear()
        text = event.value.strip()
        found = self.session.search(text) if text else []
        for product in found:
            table.add_row(
                product.sku, product.name[:40], self.money(product.price), key=product.sku
            )
        self.query_one("#error", Label).update("" if found else f"nothing matches {text!r}")
        if table.row_count:
            table.focus()

    @on(DataTable.RowSelected, "#results")
    def _chosen(self, event: DataTable.RowSelected) -> None:
        self.dismiss(str(event.row_key.value))

    def action_cancel(self) -> None:
        self.dismiss(None)
