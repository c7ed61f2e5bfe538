"""Taking payment: cash (with change), card (the terminal's approval reference), voucher,
split tender. The screen only collects tenders; the sale commits once, when they cover the
total, and only cash may exceed what is due (it gives change)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Label, Static

from pos_tui.screens.base import TillModal
from shared.models import PaymentIn, TenderMethod
from shared.money import parse_money


class PaymentScreen(TillModal[list[PaymentIn] | None]):
    """Type an amount (empty: what is still due), then the tender key; Enter is cash."""

    BINDINGS = [
        Binding("f2", "tender('cash')", "Cash"),
        Binding("f3", "tender('card')", "Card"),
        Binding("f4", "tender('voucher')", "Voucher"),
        Binding("f8", "undo", "Undo tender"),
        Binding("escape", "cancel", "Back"),
    ]

    def __init__(self, total: int) -> None:
        super().__init__()
        self.total = total
        self.payments: list[PaymentIn] = []

    def compose_dialog(self) -> ComposeResult:
        yield Label("Payment", classes="dialog-title")
        yield Static(id="due", classes="figures")
        yield Label("", id="tenders")
        yield Input(id="amount", placeholder="amount")
        yield Input(id="ref", placeholder="card approval reference (card only)")
        yield Label("", id="error", classes="error")

    def on_mount(self) -> None:
        super().on_mount()
        self._refresh()

    @property
    def due(self) -> int:
        return self.total - sum(p.amount for p in self.payments)

    def action_tender(self, method: TenderMethod) -> None:
        amount_text = self.query_one("#amount", Input).value.strip()
        ref = self.query_one("#ref", Input).value.strip() or None
        try:
            amount = parse_money(amount_text, self.session.currency) if amount_text else self.due
        except ValueError as exc:
            self._error(str(exc))
            return
        if amount <= 0:
            self._error("the amount must be positive")
            return
        if method != "cash" and amount > self.due:
            self._error(f"{method} may not exceed what is due; only cash gives change")
            return
        if method == "card" and ref is None:
            self._error("type the card terminal's approval reference, then F3")
            self.query_one("#ref", Input).focus()
            return
        self.payments.append(
            PaymentIn(method=method, amount=amount, ref=ref if method == "card" else None)
        )
        if self.due <= 0:
            self.dismiss(self.payments)
            return
        self._refresh()

    def action_undo(self) -> None:
        if self.payments:
            self.payments.pop()
        self._refresh()

    @on(Input.Submitted, "#amount")
    def _enter(self) -> None:
        self.action_tender("cash")

    @on(Input.Submitted, "#ref")
    def _card(self) -> None:
        self.action_tender("card")

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _error(self, text: str) -> None:
        self.query_one("#error", Label).update(text)

    def _refresh(self) -> None:
        money = self.money
        paid = self.total - self.due
        self.query_one("#due", Static).update(
            f"Total {money(self.total):>16}\nPaid  {money(paid):>16}\n"
            f"[b]Due   {money(self.due):>16}[/b]"
        )
        self.query_one("#tenders", Label).update(
            "  ".join(
                f"{p.method} {money(p.amount)}" + (f" ({p.ref})" if p.ref else "")
                for p in self.payments
            )
        )
        amount = self.query_one("#amount", Input)
        amount.value = ""
        amount.placeholder = f"amount (Enter: {money(self.due)} cash)"
        self.query_one("#ref", Input).value = ""
        self._error("")
        amount.focus()
