"""Taking payment: cash (with change), card (the terminal's approval reference), voucher,
split tender, with the basket beside it. Money is never lost: the tenders belong to the
basket (the sale screen keeps them), so Esc goes back to the basket with them and F10 shows
them again; they go only when the sale is recorded or the cashier discards them after a
confirmation that names each one. Only cash may exceed what is due (it gives change); the
sale is recorded here, and a refusal is shown here with every tender kept."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Input, Label, Static

from pos_tui.basket import Basket
from pos_tui.screens.base import TillModal
from pos_tui.screens.prompt import ConfirmScreen
from pos_tui.widgets.key_footer import KeyFooter
from pos_tui.widgets.status_bar import StatusBar
from shared.errors import OmnistoreError
from shared.models import PaymentIn, Sale, TenderMethod
from shared.money import parse_money


def tender_text(payment: PaymentIn, money: object) -> str:
    """`card 5.00 EUR (ref B777)`: how a tender is named to the cashier."""
    assert callable(money)
    ref = f" (ref {payment.ref})" if payment.ref else ""
    return f"{payment.method} {money(payment.amount)}{ref}"


class PaymentScreen(TillModal[Sale | None]):
    """Type an amount (empty: what is still due), then the tender key; Enter is cash.
    Answers the recorded sale, or None (Esc: back to the basket, tenders kept)."""

    BINDINGS = [
        Binding("f2", "tender('cash')", "Cash"),
        Binding("f3", "tender('card')", "Card"),
        Binding("f4", "tender('voucher')", "Voucher"),
        Binding("f5", "points", "Points", show=False),  # the attached customer's points
        Binding("delete", "remove_tender", "Remove tender", priority=True),
        Binding("f9", "discard", "Discard all"),
        Binding("escape", "back", "Back (keep)"),
        Binding("up", "tender_line(-1)", "Tender up", show=False),
        Binding("down", "tender_line(1)", "Tender down", show=False),
    ]

    def __init__(self, basket: Basket, tenders: list[PaymentIn]) -> None:
        super().__init__()
        self.basket = basket
        self.total = basket.total
        self.payments = tenders  # the sale screen's own list: kept across Esc

    def compose(self) -> ComposeResult:
        yield StatusBar()
        with Horizontal(id="paying"):
            lines: DataTable[str] = DataTable(id="pay-basket", cursor_type="none")
            lines.add_column("Qty", key="qty")
            lines.add_column("Item", key="item")
            lines.add_column("Total", key="total")
            yield lines
            with Vertical(classes="dialog payment"):
                yield Label("Payment", classes="dialog-title")
                yield Static(id="due", classes="figures")
                tenders: DataTable[str] = DataTable(id="tenders", cursor_type="row")
                tenders.add_column("Tender", key="tender")
                tenders.add_column("Amount", key="amount")
                tenders.add_column("Ref", key="ref")
                yield tenders
                yield Input(id="amount", placeholder="amount")
                yield Input(id="ref", placeholder="card reference (card only)")
                yield Label("", id="error", classes="error")
        yield KeyFooter()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#tenders", DataTable).can_focus = False
        self.query_one("#pay-basket", DataTable).can_focus = False
        table = self.query_one("#pay-basket", DataTable)
        for n, line in enumerate(self.basket.lines):
            table.add_row(str(line.qty), line.name[:22], self.money(self.basket.paid(n)))
        self._refresh()

    @property
    def due(self) -> int:
        return self.total - sum(p.amount for p in self.payments)

    def action_tender(self, method: TenderMethod) -> None:
        amount_text = self.query_one("#amount", Input).value.strip()
        ref = self.query_one("#ref", Input).value.strip() or None
        if not amount_text and self.payments and self.due <= 0:
            self._record()  # covered already (lines removed after tenders were taken)
            return
        try:
            amount = parse_money(amount_text, self.session.currency) if amount_text else self.due
        except ValueError as exc:
            self._error(str(exc))
            return
        if amount <= 0:
            self._error("nothing is due" if self.due <= 0 else "the amount must be positive")
            return
        if method != "cash" and amount > self.due:
            self._error(
                f"{method} {self.money(amount)} is more than the {self.money(self.due)} due; "
                "only cash gives change"
            )
            return
        if method == "card" and ref is None:
            self._error("type the card terminal's approval reference, then Enter")
            self.query_one("#ref", Input).focus()
            return
        self.payments.append(
            PaymentIn(method=method, amount=amount, ref=ref if method == "card" else None)
        )
        self._refresh()
        if self.due <= 0:
            self._record()

    def action_points(self) -> None:
        """Pay with the attached customer's points: the number typed, or as many as cover
        what is due (within their balance). The node checks the program and holds them."""
        customer = self.basket.customer
        if customer is None:
            self._error("attach a customer first (Ctrl+K), then pay with points")
            return
        value = self.till.customers.program().point_value
        balance = self.till.customers.refresh(customer).points
        typed = self.query_one("#amount", Input).value.strip()
        if typed and not typed.isdigit():
            self._error("type a number of points")
            return
        points = int(typed) if typed else min(max(balance, 0), self.due // value)
        if points <= 0 or points * value > self.due:
            self._error(f"{points} points: nothing to pay with them ({balance} held)")
            return
        self.payments.append(PaymentIn(method="points", points=points, amount=points * value))
        self.query_one("#amount", Input).value = ""
        self._refresh()
        if self.due <= 0:
            self._record()

    def _record(self) -> None:
        """Covered: record the sale once (the basket's id makes a retry safe). A refusal
        stays on this screen with every tender kept."""
        try:
            sale = self.session.pay(self.basket, list(self.payments))
        except (OmnistoreError, ValueError) as exc:
            self._error(f"not sold: {getattr(exc, 'message', None) or exc}")
            return
        self.payments.clear()
        self.dismiss(sale)

    def action_tender_line(self, step: int) -> None:
        table = self.query_one("#tenders", DataTable)
        if table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + step)))

    def action_remove_tender(self) -> None:
        """Delete removes the chosen tender (after a yes), unless there is typing."""
        focused = self.focused
        if isinstance(focused, Input) and focused.value:
            focused.action_delete_right()
            return
        table = self.query_one("#tenders", DataTable)
        if not self.payments:
            self._error("no tender to remove")
            return
        index = min(table.cursor_row, len(self.payments) - 1)
        tender = self.payments[index]

        def answered(yes: bool | None) -> None:
            if yes and tender in self.payments:
                self.payments.remove(tender)
                self._refresh()

        self.app.push_screen(
            ConfirmScreen(
                f"Remove {tender_text(tender, self.money)}?",
                "Hand it back (or cancel it on the card terminal) first.",
            ),
            answered,
        )

    def action_discard(self) -> None:
        if not self.payments:
            self.dismiss(None)
            return
        self.app.push_screen(discard_question(self.payments, self.money), self._discarded)

    def _discarded(self, yes: bool | None) -> None:
        if yes:
            self.payments.clear()
            self.dismiss(None)

    def action_back(self) -> None:
        """Back to the basket; the tenders stay with it (F10 shows them again)."""
        self.dismiss(None)

    @on(Input.Submitted, "#amount")
    def _enter(self) -> None:
        self.action_tender("cash")

    @on(Input.Submitted, "#ref")
    def _card(self) -> None:
        self.action_tender("card")

    def _error(self, text: str) -> None:
        self.query_one("#error", Label).update(text)

    def _refresh(self) -> None:
        money = self.money
        paid = self.total - self.due
        self.query_one("#due", Static).update(
            f"Total {money(self.total):>16}\nPaid  {money(paid):>16}\n"
            f"[b]Due   {money(max(self.due, 0)):>16}[/b]"
        )
        table = self.query_one("#tenders", DataTable)
        table.clear()
        for p in self.payments:
            table.add_row(p.method, money(p.amount), p.ref or "")
        table.display = bool(self.payments)
        if self.payments:
            table.move_cursor(row=len(self.payments) - 1)
        amount = self.query_one("#amount", Input)
        amount.value = ""
        amount.placeholder = f"amount (Enter: {money(max(self.due, 0))} cash)"
        self.query_one("#ref", Input).value = ""
        self._error("")
        amount.focus()


def discard_question(tenders: list[PaymentIn], money: object) -> ConfirmScreen:
    """The confirmation that names every tender about to be discarded."""
    named = "\n".join(f"  {tender_text(p, money)}" for p in tenders)
    return ConfirmScreen(
        "Discard the tenders taken?",
        f"{named}\nHand each one back (cancel cards on the terminal).",
    )
