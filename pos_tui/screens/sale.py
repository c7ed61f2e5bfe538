"""The sale screen: scan or type, quantities with `*`, remove, void, pay, and the other
till functions on F-keys."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Input

from pos_tui.basket import Basket
from pos_tui.screens.handover import HandoverScreen
from pos_tui.screens.payment import PaymentScreen
from pos_tui.screens.prompt import MessageScreen, PromptScreen
from pos_tui.screens.returns import ReturnScreen
from pos_tui.screens.search import SearchScreen
from pos_tui.widgets.basket_view import BasketView
from pos_tui.widgets.status_bar import StatusBar
from shared.errors import OmnistoreError
from shared.models import Order, PaymentIn, Return
from shared.money import format_money, parse_money


class SaleScreen(Screen[None]):
    BINDINGS = [
        Binding("f2", "price_check", "Price"),
        Binding("f3", "search", "Find"),
        Binding("f4", "quantity", "Qty", show=False),
        Binding("f5", "park", "Park"),
        Binding("f6", "return_items", "Return"),
        Binding("f7", "handover", "Pickup"),
        Binding("f8", "void", "Void"),
        Binding("f9", "reprint", "Reprint"),
        Binding("f10", "pay", "Pay"),
        Binding("f12", "close_shift", "Close"),
        Binding("delete", "remove_line", "Remove line", show=False, priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.basket = Basket()

    @property
    def session(self):  # type: ignore[no-untyped-def]
        return self.app.session  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        yield StatusBar(id="status")
        yield BasketView(self.session.config.currency)
        yield Input(id="entry", placeholder="scan or type a barcode / SKU  (3*code = 3 units)")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self._show()
        self.query_one("#entry", Input).focus()

    # --- ringing up ----------------------------------------------------------------------

    @on(Input.Submitted, "#entry")
    def _entry(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        event.input.value = ""
        if text:
            self.add(text)

    def add(self, entry: str) -> None:
        """Add a scanned or typed entry; unknown codes are a message, stock only warns."""
        try:
            line = self.basket.add(self.session.resolve(entry))
        except (OmnistoreError, ValueError) as exc:
            self.notify(getattr(exc, "message", str(exc)), severity="error", timeout=4)
            return
        for warning in self.session.warnings(self.basket, line.sku):
            self.notify(warning.message, severity="warning", timeout=6)
        self._show()

    def action_quantity(self) -> None:
        entry = self.query_one("#entry", Input)
        entry.value = entry.value.split("*")[-1] if "*" in entry.value else ""
        self.app.push_screen(PromptScreen("Quantity for the next item"), self._quantity)

    def _quantity(self, qty: str | None) -> None:
        if qty and qty.strip().isdigit():
            entry = self.query_one("#entry", Input)
            entry.value = f"{int(qty)}*"
            entry.cursor_position = len(entry.value)
            entry.focus()

    def action_remove_line(self) -> None:
        """Delete removes the selected basket line, unless there is typing to delete."""
        entry = self.query_one("#entry", Input)
        if entry.value:
            entry.action_delete_right()
            return
        index = self.query_one(BasketView).selected_index()
        if index is not None and self.basket.lines:
            removed = self.basket.remove(index)
            self.notify(f"removed {removed.name}")
            self._show()

    def action_price_check(self) -> None:
        self.app.push_screen(PromptScreen("Price check: scan or type a code"), self._price)

    def _price(self, code: str | None) -> None:
        if not code:
            return
        try:
            line, level = self.session.price_check(code)
        except (OmnistoreError, ValueError) as exc:
            self.notify(getattr(exc, "message", str(exc)), severity="error")
            return
        money = format_money(line.unit_price, self.session.config.currency)
        self.app.push_screen(
            MessageScreen(
                "Price check",
                f"{line.name}\n{line.sku}\n\n{money}\n\non hand {level.on_hand} · "
                f"reserved {level.reserved} · available {level.available}",
            )
        )

    def action_search(self) -> None:
        self.app.push_screen(SearchScreen(), lambda sku: self.add(sku) if sku else None)

    # --- paying, voiding, parking ---------------------------------------------------------

    def action_pay(self) -> None:
        if not self.basket.lines:
            self.notify("the basket is empty", severity="warning")
            return
        self.app.push_screen(
            PaymentScreen(self.basket.total, self.session.config.currency), self._paid
        )

    def _paid(self, payments: list[PaymentIn] | None) -> None:
        if not payments:
            return
        try:
            sale = self.session.pay(self.basket, payments)
        except OmnistoreError as exc:
            self.notify(exc.message, severity="error", timeout=6)
            return
        money = lambda amount: format_money(amount, self.session.config.currency)  # noqa: E731
        self.notify(
            f"Sale {sale.receipt_no} · {money(sale.total)} · change {money(sale.change)}",
            title="CHANGE " + money(sale.change),
            timeout=10,
        )
        self.basket = Basket()
        self._show()

    def action_void(self) -> None:
        title = (
            "Manager PIN to void this basket"
            if self.basket.lines
            else "Manager PIN to void the last sale"
        )
        self.app.push_screen(PromptScreen(title, password=True), self._void)

    def _void(self, pin: str | None) -> None:
        if pin is None:
            return
        try:
            if self.basket.lines:
                self.session.check_manager(pin)
                self.basket = Basket()
                self.notify("basket voided")
            else:
                sale = self.session.void_last_sale(pin, "voided at the till")
                self.notify(f"sale {sale.receipt_no} voided")
        except OmnistoreError as exc:
            self.notify(exc.message, severity="error")
        self._show()

    def action_park(self) -> None:
        parked = self.app.parked  # type: ignore[attr-defined]
        if self.basket.lines:
            parked.park(self.basket)
            self.basket = Basket()
            self.notify("basket parked (F5 again to resume)")
        elif parked.all():
            self.basket = parked.resume()
            self.notify("parked basket resumed")
        else:
            self.notify("nothing parked")
        self._show()

    def action_reprint(self) -> None:
        """Print what waits in the queue; with nothing waiting, the last receipt again."""
        queue = self.session.printing.queue
        ok = queue.retry() if queue.pending() else self.session.reprint_last()
        self.notify(
            "printed" if ok else f"printer: {queue.last_error or 'nothing to print'}",
            severity="information" if ok else "warning",
        )
        self.app.refresh_status()  # type: ignore[attr-defined]

    # --- returns, pickups, shift ----------------------------------------------------------

    def action_return_items(self) -> None:
        self.app.push_screen(ReturnScreen(), self._returned)

    def _returned(self, ret: Return | None) -> None:
        if ret is not None:
            amount = format_money(ret.total, self.session.config.currency)
            self.notify(f"refunded {amount} ({', '.join(r.method for r in ret.refunds)})")
            self._show()

    def action_handover(self) -> None:
        self.app.push_screen(HandoverScreen(), self._handed_over)

    def _handed_over(self, order: Order | None) -> None:
        if order is not None:
            self.notify(f"order {order.id[:8]} handed over")

    def action_close_shift(self) -> None:
        self.app.push_screen(PromptScreen("Counted cash in the drawer"), self._counted)

    def _counted(self, counted: str | None) -> None:
        if counted is None:
            return
        try:
            report = self.session.close_shift(parse_money(counted, self.session.config.currency))
        except (OmnistoreError, ValueError) as exc:
            self.notify(getattr(exc, "message", str(exc)), severity="error")
            return
        self.app.show_z_report(report)  # type: ignore[attr-defined]

    def _show(self) -> None:
        self.query_one(BasketView).show(self.basket)
        self.app.refresh_status()  # type: ignore[attr-defined]
