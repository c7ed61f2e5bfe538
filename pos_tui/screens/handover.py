"""Click-and-collect handover: scan the customer's pickup QR (order and code in one), or
choose the order (or scan its bag label) and type the 6-digit code. The order is shown
before it is handed over. Talks to a `PickupDesk` only (see `pos_tui.pickup`)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Input, Label
from textual.widgets.data_table import RowDoesNotExist

from hardware.qr import parse_order_qr
from pos_tui.pickup import UNAVAILABLE, PickupDesk
from pos_tui.screens.base import TillModal
from shared.errors import OmnistoreError
from shared.models import Order
from shared.pickup import parse_pickup_qr


class HandoverScreen(TillModal[Order | None]):
    BINDINGS = [
        Binding("f10", "hand_over", "Hand over"),
        Binding("escape", "cancel", "Back"),
    ]
    DIALOG_CLASSES = "dialog wide"

    def __init__(self, scanned: str = "") -> None:
        super().__init__()
        self.scanned: tuple[str, str] | None = None  # (order id, code) from a pickup QR
        self.first_scan = scanned  # a pickup QR scanned on the sale screen

    @property
    def desk(self) -> PickupDesk | None:
        return self.session.pickups

    def compose_dialog(self) -> ComposeResult:
        yield Label("Click-and-collect handover", classes="dialog-title")
        table: DataTable[str] = DataTable(id="orders", cursor_type="row")
        table.add_columns("Order", "Customer", "Items", "Placed")
        yield table
        yield Label("", id="order")
        yield Input(id="code", placeholder="scan the customer's QR, or type the 6-digit code")
        yield Label("", id="error", classes="error")

    def on_mount(self) -> None:
        super().on_mount()
        code = self.query_one("#code", Input)
        if self.desk is None:
            self.query_one("#orders", DataTable).display = False
            code.display = False
            self._error(UNAVAILABLE)
            return
        try:
            ready = self.desk.ready()
        except OmnistoreError as exc:
            self._error(exc.message)
            ready = []
        table = self.query_one("#orders", DataTable)
        for order in ready:
            table.add_row(
                order.id[:8],
                str(order.customer.get("name", ""))[:24],
                str(sum(line.picked for line in order.lines)),
                order.created_at.strftime("%d.%m %H:%M"),
                key=order.id,
            )
        if not ready:
            self._error("No order is ready for pickup.")
        code.focus()
        if self.first_scan:
            code.value = self.first_scan
            self.call_after_refresh(code.action_submit)

    @on(DataTable.RowHighlighted, "#orders")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if self.scanned is None and event.row_key.value:
            self._show(str(event.row_key.value))

    @on(Input.Submitted, "#code")
    def _code(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        event.input.value = ""
        if self.desk is None:
            return
        if not text:
            if self.scanned is not None:
                self.action_hand_over()
            return
        pickup = parse_pickup_qr(text)
        if pickup is not None:
            self.scanned = pickup
            if self._show(pickup[0]):
                self._error("Check the bag, then Enter or F10 to hand over.")
            return
        order_id = parse_order_qr(text)
        if order_id is not None:  # the bag label: choose that order, the code comes next
            self.scanned = None
            self._select(order_id)
            return
        self._hand_over(self._selected(), text)

    def action_hand_over(self) -> None:
        if self.scanned is not None:
            self._hand_over(*self.scanned)
        else:
            self._hand_over(self._selected(), self.query_one("#code", Input).value.strip())

    def _hand_over(self, order_id: str | None, code: str) -> None:
        if self.desk is None or order_id is None:
            self._error("choose the order (↑/↓) or scan the customer's QR")
            return
        try:
            order = self.desk.hand_over(order_id, code)
        except OmnistoreError as exc:
            self.scanned = None
            self._error(exc.message)
            return
        except ValueError:
            self._error("the pickup code is 6 digits")
            return
        self.dismiss(order)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _selected(self) -> str | None:
        table = self.query_one("#orders", DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _select(self, order_id: str) -> None:
        table = self.query_one("#orders", DataTable)
        try:
            table.move_cursor(row=table.get_row_index(order_id))
        except RowDoesNotExist:
            self._error(f"order {order_id[:8]} is not ready for pickup here")
            return
        self._show(order_id)

    def _show(self, order_id: str) -> bool:
        assert self.desk is not None
        try:
            order = self.desk.get(order_id)
        except OmnistoreError as exc:
            self._error(exc.message)
            self.scanned = None
            return False
        items = ", ".join(
            f"{line.picked}× {self.session.product_name(line.sku)}" for line in order.lines
        )
        self.query_one("#order", Label).update(
            f"[b]{order.customer.get('name', '-')}[/b] · order {order.id[:8]} · {order.status}\n"
            f"{items}"
        )
        return True

    def _error(self, text: str) -> None:
        self.query_one("#error", Label).update(text)
