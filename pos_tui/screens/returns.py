"""Returns: by receipt number or by scanning the receipt's QR, partial, with refund tenders;
without a receipt only with a manager's PIN."""

from __future__ import annotations

from collections import Counter

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label

from edge.returns import KnownSale
from pos_tui.basket import parse_entry
from pos_tui.screens.prompt import PromptScreen
from shared.errors import OmnistoreError
from shared.models import RefundIn, Return
from shared.money import format_money, round_half_up


class ReturnScreen(ModalScreen[Return | None]):
    """First the receipt (number or QR), then what comes back (`2*SKU` or a scan), then F10."""

    BINDINGS = [
        Binding("f5", "no_receipt", "No receipt"),
        Binding("f10", "refund", "Refund"),
        Binding("f11", "refund_cash", "Refund cash"),
        Binding("escape", "cancel", "Back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.known: KnownSale | None = None
        self.no_receipt_pin: str | None = None
        self.wanted: Counter[str] = Counter()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(
                "Return — scan the receipt QR or type its number",
                classes="dialog-title",
                id="title",
            )
            yield Input(id="entry", placeholder="receipt number, QR, then items")
            yield Label("", id="sale")
            yield Label("", id="wanted")
            yield Label("", id="error", classes="error")
        yield Footer(compact=True, show_command_palette=False)

    @property
    def session(self):  # type: ignore[no-untyped-def]
        return self.app.session  # type: ignore[attr-defined]

    @on(Input.Submitted, "#entry")
    def _entry(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        event.input.value = ""
        if not text:
            return
        try:
            if self.known is None and self.no_receipt_pin is None:
                self.known = self.session.find_sale(text)
            else:
                qty, code = parse_entry(text)
                self.wanted[self.session.resolve(code).sku] += qty
        except (OmnistoreError, ValueError) as exc:
            self._error(getattr(exc, "message", str(exc)))
            return
        self._show()

    def action_no_receipt(self) -> None:
        def chosen(pin: str | None) -> None:
            if pin:
                self.no_receipt_pin = pin
                self.known = None
                self._show()

        self.app.push_screen(
            PromptScreen("Manager PIN for a return without receipt", password=True), chosen
        )

    def action_refund(self, method: str | None = None) -> None:
        if not self.wanted:
            self._error("scan or type what comes back first")
            return
        try:
            sale = self.known.sale if self.known else None
            refunds = None
            if method is not None:
                due = self._due()
                refunds = [RefundIn(method=method, amount=due)] if due else None  # type: ignore[arg-type]
            ret = self.session.refund(sale, dict(self.wanted), refunds, self.no_receipt_pin)
        except OmnistoreError as exc:
            self._error(exc.message)
            return
        self.dismiss(ret)

    def action_refund_cash(self) -> None:
        self.action_refund("cash")

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _due(self) -> int:
        if self.known is None:
            return sum(
                self.session.resolve(sku).unit_price * qty for sku, qty in self.wanted.items()
            )
        total = 0
        for sku, qty in self.wanted.items():
            sold = [line for line in self.known.sale.lines if line.sku == sku]
            sold_qty = sum(line.qty for line in sold)
            if sold_qty:
                total += round_half_up(sum(line.total for line in sold) * qty, sold_qty)
        return total

    def _show(self) -> None:
        money = lambda amount: format_money(amount, self.session.config.currency)  # noqa: E731
        if self.known is not None:
            sale = self.known.sale
            rows = [
                f"{line.qty} x {line.name} {money(line.total)}"
                + (
                    f" (returned {self.known.returned[line.sku]})"
                    if self.known.returned.get(line.sku)
                    else ""
                )
                for line in sale.lines
            ]
            self.query_one("#sale", Label).update(
                f"Receipt {sale.receipt_no} · {money(sale.total)}\n" + "\n".join(rows)
            )
        elif self.no_receipt_pin:
            self.query_one("#sale", Label).update("Without receipt: refund at today's price")
        self.query_one("#wanted", Label).update(
            "Returning: "
            + ", ".join(f"{qty} x {sku}" for sku, qty in self.wanted.items())
            + (
                f" = {money(self._due())}   F10 refund to the original tender · F11 cash"
                if self.wanted
                else ""
            )
        )
        self._error("")

    def _error(self, text: str) -> None:
        self.query_one("#error", Label).update(text)
