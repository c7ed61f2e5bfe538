"""The basket on screen: one row per line, and the running subtotal with VAT per rate."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from pos_tui.basket import Basket
from shared.money import format_money


class BasketView(Vertical):
    """Lines table on top, totals below."""

    DEFAULT_CSS = """
    BasketView { height: 1fr; }
    BasketView DataTable { height: 1fr; }
    BasketView #totals { dock: bottom; height: auto; padding: 0 1; background: $boost;
                         text-style: bold; }
    """

    def __init__(self, currency: str) -> None:
        super().__init__()
        self.currency = currency

    def compose(self) -> ComposeResult:
        table: DataTable[str] = DataTable(id="lines", cursor_type="row", zebra_stripes=True)
        table.add_columns("#", "Item", "Qty", "Price", "Total")
        yield table
        yield Static(id="totals")

    def show(self, basket: Basket) -> None:
        table = self.query_one("#lines", DataTable)
        table.clear()
        money = self._money
        for n, line in enumerate(basket.lines, 1):
            table.add_row(
                str(n),
                line.name[:40],
                str(line.qty),
                money(line.unit_price),
                money(line.total),
                key=str(n - 1),
            )
        if basket.lines:
            table.move_cursor(row=len(basket.lines) - 1)
        vat = "  ".join(f"VAT {v.rate_bp / 100:g}% {money(v.vat)}" for v in basket.vat())
        self.query_one("#totals", Static).update(
            f"[b]TOTAL {money(basket.total)}[/b]   {len(basket.lines)} lines   {vat}"
        )

    def selected_index(self) -> int | None:
        table = self.query_one("#lines", DataTable)
        return table.cursor_row if table.row_count else None

    def _money(self, amount: int) -> str:
        return format_money(amount, self.currency)
