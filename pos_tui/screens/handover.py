"""Click-and-collect handover at the till: scan the customer's QR or pick the order and
type the pickup code."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Label

from shared.errors import OmnistoreError
from shared.models import Order
from shared.pickup import parse_pickup_qr


class HandoverScreen(ModalScreen[Order | None]):
    BINDINGS = [("escape", "cancel", "Back")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label("Click-and-collect handover", classes="dialog-title")
            table: DataTable[str] = DataTable(id="orders", cursor_type="row")
            table.add_columns("Order", "Customer", "Items")
            yield table
            yield Input(
                id="code", placeholder="customer's QR, or the 6-digit code of the selected order"
            )
            yield Label("", id="error", classes="error")

    def on_mount(self) -> None:
        table = self.query_one("#orders", DataTable)
        ready = self.app.session.ready_orders()  # type: ignore[attr-defined]
        for order in ready:
            table.add_row(
                order.id[:8],
                str(order.customer.get("name", "")),
                str(sum(line.picked for line in order.lines)),
                key=order.id,
            )
        if not ready:
            self.query_one("#error", Label).update("No order is ready for pickup.")
        self.query_one("#code", Input).focus()

    @on(Input.Submitted, "#code")
    def _code(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        table = self.query_one("#orders", DataTable)
        scanned = parse_pickup_qr(text)
        if scanned is not None:
            order_id, code = scanned
        elif table.row_count:
            order_id = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
            code = text
        else:
            return
        try:
            order = self.app.session.hand_over(order_id, code)  # type: ignore[attr-defined]
        except (OmnistoreError, ValueError) as exc:
            self.query_one("#error", Label).update(getattr(exc, "message", str(exc)))
            event.input.value = ""
            return
        self.dismiss(order)

    def action_cancel(self) -> None:
        self.dismiss(None)
