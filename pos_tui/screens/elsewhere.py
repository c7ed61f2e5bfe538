"""The price check (F2) with the stock of the chain's other stores beside this store's: the
item shows at once; the other stores come from the cloud on a worker thread (the node's
last copy, dated, while the cloud is away). F7 orders the item at another store."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Label

from pos_tui.screens.base import TillModal
from shared.errors import OmnistoreError
from shared.stores import StockElsewhere

SHOWN = 6  # stores listed: the nearest ones (the dialog must fit 80×24)


def local_when(moment: datetime) -> str:
    """When the copy was made, as the store reads it."""
    return moment.astimezone().strftime("%d.%m %H:%M")


def elsewhere_lines(answer: StockElsewhere, limit: int = SHOWN) -> list[str]:
    """One line per store, nearest first: name, distance, available (and arriving)."""
    when = local_when(answer.as_of)
    head = (
        "Other stores (live)" if answer.live else f"Other stores: last copy of {when}, cloud away"
    )
    lines = [head]
    for item in answer.items[:limit]:
        far = "" if item.distance_km is None else f"{item.distance_km:g} km"
        coming = f" +{item.in_transit} coming" if item.in_transit else ""
        label = f"{item.store} {item.name}"[:28]
        lines.append(f"  {label:<28} {far:>9}  available {item.available}{coming}")
    if not answer.items:
        lines.append("  no other store")
    elif len(answer.items) > limit:
        lines.append(f"  … and {len(answer.items) - limit} more")
    return lines


class PriceCheckScreen(TillModal[str | None]):
    """Enter or Escape closes; F7 answers the SKU (the sale screen opens the order)."""

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("enter", "close", "Close"),
        Binding("f7", "order", "Order elsewhere"),
    ]
    DIALOG_CLASSES = "dialog wide"

    def __init__(self, title: str, body: str, sku: str) -> None:
        super().__init__()
        self.title_text = title
        self.body = body
        self.sku = sku

    def compose_dialog(self) -> ComposeResult:
        yield Label(self.title_text, classes="dialog-title")
        yield Label(self.body, id="message", markup=False)
        yield Label("Other stores: asking the cloud…", id="elsewhere", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        self.run_worker(self._ask, thread=True, group="elsewhere")

    def _ask(self) -> None:
        try:
            text = "\n".join(elsewhere_lines(self.session.stock_elsewhere(self.sku)))
        except OmnistoreError as exc:
            text = f"Other stores: {exc.message}"
        self.app.call_from_thread(self._show, text)

    def _show(self, text: str) -> None:
        if self.is_attached:
            self.query_one("#elsewhere", Label).update(text)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_order(self) -> None:
        self.dismiss(self.sku)
