"""Endless aisle: order an item at another store for the customer at the till. The item
(prefilled from the price check), the quantity, the store (the nearest one that has it is
proposed from stock elsewhere), the customer's name and phone; F10 (or Enter on the
phone) places it through the node and the cloud, and the pickup slip with its code and QR
goes to the till's printer. One order id per dialog, so a retry never orders twice."""

from __future__ import annotations

from functools import partial

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Label

from pos_tui.screens.base import TillModal
from pos_tui.screens.elsewhere import elsewhere_lines
from shared.aisle import AisleOrderIn
from shared.errors import OmnistoreError
from shared.ids import new_id
from shared.models import Order
from shared.stores import StockElsewhere

FIELDS = ("item", "qty", "store", "name", "phone")
LABELS = {
    "item": "Item",
    "qty": "Quantity",
    "store": "Collect at",
    "name": "Customer",
    "phone": "Phone",
}


class AisleScreen(TillModal[Order | None]):
    BINDINGS = [
        Binding("f10", "place", "Place order"),
        Binding("escape", "close", "Back"),
        Binding("enter", "close", "Close", show=False),
    ]
    DIALOG_CLASSES = "dialog wide"

    def __init__(self, item: str = "") -> None:
        super().__init__()
        self.item = item
        self.order_id = new_id()
        self.sku: str | None = None
        self.names: dict[str, str] = {}
        self.placing = False
        self.order: Order | None = None

    def compose_dialog(self) -> ComposeResult:
        yield Label("Order at another store (endless aisle)", classes="dialog-title")
        hints = {"item": "scan or type a code", "store": "store code", "phone": "+33 6 …"}
        values = {"item": self.item, "qty": "1"}
        for field in FIELDS:
            with Horizontal(classes="field-row"):
                yield Label(LABELS[field])
                yield Input(value=values.get(field, ""), placeholder=hints.get(field, ""), id=field)
            if field == "qty":
                yield Label("", id="stores", markup=False)
        yield Label("", id="error", classes="error", markup=False)
        yield Label("", id="result", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        if self.item:
            self._look_up(self.item)
            self.query_one("#qty", Input).focus()
        else:
            self.query_one("#item", Input).focus()

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        field = event.input.id or ""
        if field == "item":
            self._look_up(event.value)
        if field == "phone":
            self.action_place()
            return
        following = FIELDS[FIELDS.index(field) + 1] if field in FIELDS[:-1] else "phone"
        self.query_one(f"#{following}", Input).focus()

    def _look_up(self, entry: str) -> None:
        """The item from this node's catalogue; the other stores' stock from the cloud."""
        try:
            self.sku = self.session.resolve(entry).sku
        except (OmnistoreError, ValueError) as exc:
            self._error(getattr(exc, "message", None) or str(exc))
            return
        self._error("")
        self.query_one("#stores", Label).update("Other stores: asking the cloud…")
        self.run_worker(partial(self._ask, self.sku), thread=True, group="aisle")

    def _ask(self, sku: str) -> None:
        try:
            answer: StockElsewhere | str = self.session.stock_elsewhere(sku)
        except OmnistoreError as exc:
            answer = f"Other stores: {exc.message}"
        self.app.call_from_thread(self._stores, answer)

    def _stores(self, answer: StockElsewhere | str) -> None:
        if not self.is_attached:
            return
        if isinstance(answer, str):
            self.query_one("#stores", Label).update(answer)
            return
        self.names = {item.store: item.name for item in answer.items}
        self.query_one("#stores", Label).update("\n".join(elsewhere_lines(answer, 4)))
        store = self.query_one("#store", Input)
        wanted = _int(self.query_one("#qty", Input).value) or 1
        nearest = next((i.store for i in answer.items if i.available >= wanted), None)
        if nearest and not store.value:
            store.value = nearest

    def action_place(self) -> None:
        if self.placing or self.order is not None:
            return
        try:
            body = self._body()
        except (OmnistoreError, ValidationError, ValueError) as exc:
            self._error(_message(exc))
            return
        self.placing = True
        self._error("")
        self.query_one("#result", Label).update("Placing the order…")
        self.run_worker(partial(self._send, body), thread=True, group="aisle")

    def _body(self) -> AisleOrderIn:
        if self.sku is None:
            raise ValueError("scan or type the item first")
        value = {field: self.query_one(f"#{field}", Input).value.strip() for field in FIELDS}
        return AisleOrderIn.model_validate(
            {
                "id": self.order_id,
                "store": value["store"].upper(),
                "customer": {"name": value["name"], "phone": value["phone"]},
                "lines": [{"sku": self.sku, "qty": _int(value["qty"])}],
            }
        )

    def _send(self, body: AisleOrderIn) -> None:
        try:
            order = self.session.place_aisle_order(body)
        except OmnistoreError as exc:
            self.app.call_from_thread(self._refused, exc.message)
            return
        self.app.call_from_thread(self._placed, order)

    def _refused(self, message: str) -> None:
        self.placing = False
        self.query_one("#result", Label).update("")
        self._error(message)

    def _placed(self, order: Order) -> None:
        self.placing, self.order = False, order
        store = self.names.get(order.store, order.store)
        self.query_one("#result", Label).update(
            f"ORDER PLACED at {store}\nPickup code {order.pickup_code}\n"
            "The slip with the code and QR is printing. Enter or Esc closes."
        )
        self.till.print_in_background(
            f"pickup slip {order.id[:8]}", self.session.print_pickup_slip, order, store
        )
        for field in FIELDS:
            self.query_one(f"#{field}", Input).disabled = True

    def action_close(self) -> None:
        if not self.placing:
            self.dismiss(self.order)

    def _error(self, message: str) -> None:
        self.query_one("#error", Label).update(message)


def _int(text: str) -> int:
    return int(text) if text.strip().isdigit() else 0


def _message(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"] if part != "lines")
        return f"{where}: {first['msg']}" if where else str(first["msg"])
    return getattr(exc, "message", None) or str(exc)
