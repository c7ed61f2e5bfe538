"""After a sale, in place of the emptied basket until the next scan: TOTAL, TENDERED and
CHANGE in large digits, readable from the customer's side, and what was tendered. A sale
without cash change says so instead of showing "CHANGE 0.00"."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits, Label, Static

from shared.models import Sale
from shared.money import format_money


class LastSalePanel(Vertical):
    def __init__(self, currency: str) -> None:
        super().__init__()
        self.currency = currency

    def compose(self) -> ComposeResult:
        yield Label("", id="ls-title", classes="panel-title")
        yield Label("TOTAL", classes="panel-title")
        yield Digits("", id="ls-total")
        yield Label("TENDERED", classes="panel-title")
        yield Digits("", id="ls-tendered")
        yield Label("CHANGE", classes="panel-title", id="ls-change-title")
        yield Digits("", id="ls-change")
        yield Static("", id="ls-tenders")

    def show(self, sale: Sale) -> None:
        money = self._money
        tendered = sum(p.amount for p in sale.payments)
        self.query_one("#ls-title", Label).update(
            f"SALE {sale.receipt_no} COMPLETE" + ("  (VOIDED)" if sale.voided else "")
        )
        self.query_one("#ls-total", Digits).update(self._digits(sale.total))
        self.query_one("#ls-tendered", Digits).update(self._digits(tendered))
        cash = any(p.method == "cash" for p in sale.payments)
        change = self.query_one("#ls-change", Digits)
        title = self.query_one("#ls-change-title", Label)
        change.display = cash
        change.update(self._digits(sale.change))
        title.update(
            f"CHANGE  (give back {money(sale.change)})" if cash else "NO CHANGE: nothing in cash"
        )
        self.query_one("#ls-tenders", Static).update(
            "  ".join(
                f"{p.method} {money(p.amount)}" + (f" (ref {p.ref})" if p.ref else "")
                for p in sale.payments
            )
            + "\nThe next scan starts a new sale."
        )

    def _digits(self, amount: int) -> str:
        return self._money(amount).rsplit(" ", 1)[0]

    def _money(self, amount: int) -> str:
        return format_money(amount, self.currency)
