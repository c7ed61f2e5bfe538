"""The side panel on terminals wider than 80×24: the total in large digits, VAT per rate,
the last item rung up and the last sale's change, readable from the customer's side."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits, Label, Static

from pos_tui.basket import Basket, BasketLine
from shared.models import Sale
from shared.money import format_money


def change_text(sale: Sale, money: Callable[[int], str]) -> str:
    """`CHANGE 5.93 EUR` when cash was taken; a sale without cash has no change to give."""
    if any(p.method == "cash" for p in sale.payments):
        return f"[b]CHANGE {money(sale.change)}[/b]"
    return "no change (" + ", ".join(sorted({p.method for p in sale.payments})) + ")"


class TotalsPanel(Vertical):
    def __init__(self, currency: str) -> None:
        super().__init__()
        self.currency = currency

    def compose(self) -> ComposeResult:
        yield Label("TOTAL", classes="panel-title")
        yield Digits("0.00", id="total")
        yield Static(id="vat")
        yield Label("LAST ITEM", classes="panel-title")
        yield Static(id="last-item")
        yield Label("LAST SALE", classes="panel-title")
        yield Static(id="last-sale")

    def show(self, basket: Basket, last_line: BasketLine | None, last_sale: Sale | None) -> None:
        money = self._money
        self.query_one("#total", Digits).update(money(basket.total).rsplit(" ", 1)[0])
        self.query_one("#vat", Static).update(
            "\n".join(
                f"VAT {v.rate_bp / 100:>4g}%  {money(v.vat):>14}\n  of {money(v.gross):>14}"
                for v in basket.vat()
            )
            or "-"
        )
        self.query_one("#last-item", Static).update(
            f"{last_line.name}\n{last_line.qty} × {money(last_line.unit_price)}"
            if last_line is not None
            else "-"
        )
        self.query_one("#last-sale", Static).update(
            f"{last_sale.receipt_no}  {money(last_sale.total)}\n"
            + change_text(last_sale, money)
            + ("  (voided)" if last_sale.voided else "")
            if last_sale is not None
            else "-"
        )

    def _money(self, amount: int) -> str:
        return format_money(amount, self.currency)
