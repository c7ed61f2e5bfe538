"""The basket on screen: one row per line, and below it the running subtotal with VAT per
rate (or, between customers, the last sale's change)."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from pos_tui.basket import Basket, BasketLine
from pos_tui.widgets.totals_panel import change_text
from shared.models import PaymentIn, Sale
from shared.money import format_money


def line_qty(line: BasketLine) -> str:
    """`3`, or for weighed goods the weight: `0.512 kg`."""
    if line.weight_g is not None:
        return f"{line.weight_g / 1000:.3f} kg"
    return str(line.qty)


def discount_text(part: tuple[str, int], money: Callable[[int], str]) -> str:
    """One discount under its line: `3 for 2 juice -1.29 EUR`."""
    name, amount = part
    return f"{name} -{money(amount)}"


def unit_price(line: BasketLine, money: Callable[[int], str]) -> str:
    """The unit price, or for weighed goods the price per kg."""
    if line.price_per_kg is not None:
        return f"{money(line.price_per_kg)}/kg"
    return money(line.unit_price)


class BasketView(Vertical):
    """Lines table on top, totals below."""

    def __init__(self, currency: str) -> None:
        super().__init__()
        self.currency = currency

    def compose(self) -> ComposeResult:
        table: DataTable[str] = DataTable(id="lines", cursor_type="row", zebra_stripes=True)
        table.add_column("#", width=3, key="n")
        table.add_column("Item", width=30, key="item")
        table.add_column("Qty", width=8, key="qty")
        table.add_column("Price", width=13, key="price")
        table.add_column("Total", width=14, key="total")
        yield table
        yield Static(id="totals")

    def show(
        self,
        basket: Basket,
        last_sale: Sale | None = None,
        tenders: list[PaymentIn] | None = None,
        select: int | None = None,
    ) -> None:
        table = self.query_one("#lines", DataTable)
        table.clear()
        money = self._money
        quote = basket.current_quote()
        for n, line in enumerate(basket.lines, 1):
            parts = quote.discounts[n - 1] if quote is not None else []
            item = line.name[:30] + "".join(f"\n {discount_text(p, money)}"[:31] for p in parts)
            table.add_row(
                str(n),
                item,
                f"{line_qty(line):>8}",
                f"{unit_price(line, money):>13}",
                f"{money(basket.paid(n - 1)):>14}",
                key=str(n - 1),
                height=1 + len(parts),
            )
        if basket.lines:
            last = len(basket.lines) - 1
            table.move_cursor(row=last if select is None else max(0, min(select, last)))
        self.query_one("#totals", Static).update(self.totals_text(basket, last_sale, tenders))

    def totals_text(
        self, basket: Basket, last_sale: Sale | None, tenders: list[PaymentIn] | None = None
    ) -> str:
        money = self._money
        if basket.lines and tenders:
            paid = sum(p.amount for p in tenders)
            return (
                f"[b]TOTAL {money(basket.total)}[/b]  [b reverse] TAKEN {money(paid)} [/]  "
                f"due {money(max(basket.total - paid, 0))} · F10"
            )
        if not basket.lines and last_sale is not None:
            paid = sum(p.amount for p in last_sale.payments)
            return (
                f"Last sale {last_sale.receipt_no} · total {money(last_sale.total)} · "
                f"paid {money(paid)} · " + change_text(last_sale, money)
            )
        vat = "  ".join(f"VAT {v.rate_bp / 100:g}% {money(v.vat)}" for v in basket.vat())
        units = sum(line.qty for line in basket.lines)
        quote = basket.current_quote()
        saved = f"   saved {money(quote.saved)}" if quote is not None and quote.saved else ""
        return f"[b]TOTAL {money(basket.total)}[/b]   {units} items{saved}   {vat}"

    def selected_index(self) -> int | None:
        table = self.query_one("#lines", DataTable)
        return table.cursor_row if table.row_count else None

    def _money(self, amount: int) -> str:
        return format_money(amount, self.currency)
