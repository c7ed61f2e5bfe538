"""F3 (or a word typed into the scan field): product search by name or SKU, live as the
cashier types, with the stock on hand; Enter goes to the results, Enter on one picks it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Input, Label

from pos_tui.screens.base import TillModal
from shared.errors import OmnistoreError


class SearchScreen(TillModal[str | None]):
    """Answers the chosen SKU."""

    BINDINGS = [Binding("escape", "cancel", "Back")]
    DIALOG_CLASSES = "dialog wide"

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial = query

    def compose_dialog(self) -> ComposeResult:
        yield Label("Search products", classes="dialog-title")
        yield Input(value=self.initial, id="query", placeholder="part of the name or SKU (live)")
        table: DataTable[str] = DataTable(id="results", cursor_type="row")
        table.add_column("SKU", key="sku")
        table.add_column("Name", key="name")
        table.add_column("Price", key="price")
        table.add_column("On hand", key="on_hand")
        yield table
        yield Label("", id="error", classes="error")

    def on_mount(self) -> None:
        super().on_mount()
        query = self.query_one("#query", Input)
        query.focus()
        if self.initial:
            self._search(self.initial)

    @on(Input.Changed, "#query")
    def _typed(self, event: Input.Changed) -> None:
        self._search(event.value)

    def _search(self, text: str) -> None:
        table = self.query_one("#results", DataTable)
        table.clear()
        text = text.strip()
        try:
            found = self.session.search_with_stock(text) if len(text) >= 2 else []
        except OmnistoreError as exc:
            self.query_one("#error", Label).update(exc.message)
            return
        for product, level in found:
            table.add_row(
                product.sku[:14],
                product.name[:28],
                self.money(product.price),
                f"{level.on_hand:>6}",
                key=product.sku,
            )
        message = "" if found or len(text) < 2 else f"nothing matches {text!r}"
        self.query_one("#error", Label).update(message)

    @on(Input.Submitted, "#query")
    def _submitted(self) -> None:
        table = self.query_one("#results", DataTable)
        if table.row_count:
            table.focus()

    @on(DataTable.RowSelected, "#results")
    def _chosen(self, event: DataTable.RowSelected) -> None:
        self.dismiss(str(event.row_key.value))

    def action_cancel(self) -> None:
        self.dismiss(None)
