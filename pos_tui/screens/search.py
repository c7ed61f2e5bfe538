"""Product search by name or SKU; Enter on a result puts it in the basket."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Label

from shared.money import format_money


class SearchScreen(ModalScreen[str | None]):
    BINDINGS = [("escape", "cancel", "Back")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label("Search products", classes="dialog-title")
            yield Input(id="query", placeholder="name or SKU, then Enter")
            table: DataTable[str] = DataTable(id="results", cursor_type="row")
            table.add_columns("SKU", "Name", "Price")
            yield table

    @on(Input.Submitted, "#query")
    def _search(self, event: Input.Submitted) -> None:
        session = self.app.session  # type: ignore[attr-defined]
        table = self.query_one("#results", DataTable)
        table.clear()
        for product in session.search(event.value.strip()):
            table.add_row(
                product.sku,
                product.name[:40],
                format_money(product.price, session.config.currency),
                key=product.sku,
            )
        if table.row_count:
            table.focus()

    @on(DataTable.RowSelected, "#results")
    def _chosen(self, event: DataTable.RowSelected) -> None:
        self.dismiss(str(event.row_key.value))

    def action_cancel(self) -> None:
        self.dismiss(None)
