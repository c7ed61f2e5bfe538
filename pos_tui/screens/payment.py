"""Taking payment: cash (with change), card (approval reference), voucher, split tender.
The sale commits once, when the tenders cover the total."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label

from shared.models import PaymentIn, TenderMethod
from shared.money import format_money, parse_money


class PaymentScreen(ModalScreen[list[PaymentIn] | None]):
    """Type an amount (default: what is still due), then the tender key."""

    BINDINGS = [
        Binding("f2", "tender('cash')", "Cash"),
        Binding("f3", "tender('card')", "Card"),
        Binding("f4", "tender('voucher')", "Voucher"),
        Binding("escape", "cancel", "Back"),
    ]

    def __init__(self, total: int, currency: str) -> None:
        super().__init__()
        self.total = total
        self.currency = currency
        self.payments: list[PaymentIn] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("", id="due", classes="dialog-title")
            yield Input(id="amount", placeholder="amount")
            yield Input(id="ref", placeholder="card approval reference")
            yield Label("", id="tenders")
            yield Label("", id="error", classes="error")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self._refresh()

    @property
    def due(self) -> int:
        return self.total - sum(p.amount for p in self.payments)

    def action_tender(self, method: TenderMethod) -> None:
        amount_text = self.query_one("#amount", Input).value
        ref = self.query_one("#ref", Input).value.strip() or None
        try:
            amount = parse_money(amount_text, self.currency) if amount_text else self.due
        except ValueError as exc:
            self.query_one("#error", Label).update(str(exc))
            return
        if amount <= 0:
            self.query_one("#error", Label).update("the amount must be positive")
            return
        if method == "card" and ref is None:
            self.query_one("#error", Label).update("type the card terminal's approval reference")
            self.query_one("#ref", Input).focus()
            return
        self.payments.append(
            PaymentIn(method=method, amount=amount, ref=ref if method == "card" else None)
        )
        if self.due <= 0:
            self.dismiss(self.payments)
            return
        self._refresh()

    @on(Input.Submitted, "#amount")
    def _enter(self) -> None:
        self.action_tender("cash")

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _refresh(self) -> None:
        money = lambda amount: format_money(amount, self.currency)  # noqa: E731
        self.query_one("#due", Label).update(
            f"Total {money(self.total)} — due {money(self.due)}   (F2 cash · F3 card · F4 voucher)"
        )
        self.query_one("#tenders", Label).update(
            "\n".join(
                f"{p.method} {money(p.amount)}" + (f" ({p.ref})" if p.ref else "")
                for p in self.payments
            )
        )
        amount = self.query_one("#amount", Input)
        amount.value = ""
        amount.placeholder = f"amount (Enter = {money(self.due)} cash)"
        self.query_one("#ref", Input).value = ""
        self.query_one("#error", Label).update("")
        amount.focus()
