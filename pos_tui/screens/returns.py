"""Returns: by receipt number or by scanning the receipt's QR, partial, with refund tenders
(split like payments); without a receipt only with a manager's PIN, checked as it is typed.
Each line is checked and priced by the edge as it is scanned (`edge.returns.quote`): a
line not on the receipt, already returned, or of a voided sale is refused at once; the till
never prices a refund itself. Lines show by name and can be removed (Up/Down, Delete).
Finding a sale of another store asks the cloud, so lookups and the commit run on a worker
thread."""

from __future__ import annotations

from collections import Counter

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Input, Label

from edge.returns import KnownSale
from pos_tui.basket import parse_entry
from pos_tui.screens.base import TillModal
from pos_tui.screens.prompt import PromptScreen
from shared.errors import OmnistoreError
from shared.ids import new_id
from shared.models import RefundIn, Return, ReturnLine, TenderMethod
from shared.money import parse_money


class ReturnScreen(TillModal[Return | None]):
    """First the receipt (number or QR), then what comes back (`2*code`, a scan, or F6 for
    everything left), then the refund: F10 to the sale's tender, or F2/F3/F4 per tender."""

    BINDINGS = [
        Binding("f5", "no_receipt", "No receipt"),
        Binding("f6", "everything", "All items"),
        Binding("f10", "refund", "To original tender"),
        Binding("f2", "tender('cash')", "Cash"),
        Binding("f3", "tender('card')", "Card"),
        Binding("f4", "tender('voucher')", "Voucher"),
        Binding("delete", "remove_line", "Remove line", priority=True),
        Binding("escape", "cancel", "Back"),
        Binding("up", "line(-1)", "Line up", show=False),
        Binding("down", "line(1)", "Line down", show=False),
    ]
    DIALOG_CLASSES = "dialog wide"

    def __init__(self, reference: str = "") -> None:
        super().__init__()
        self.reference = reference  # a receipt QR scanned on the sale screen
        self.known: KnownSale | None = None
        self.no_receipt_pin: str | None = None
        self.wanted: Counter[str] = Counter()
        self.quoted: list[ReturnLine] = []  # the edge's check and price of `wanted`
        self.row_skus: list[str] = []
        self.refunds: list[RefundIn] = []
        self.return_id = new_id()  # one per return: a retried commit cannot refund twice
        self.busy = False

    def compose_dialog(self) -> ComposeResult:
        yield Label("Return — scan the receipt QR or type its number", classes="dialog-title")
        table: DataTable[str] = DataTable(id="lines", cursor_type="row")
        table.add_columns("Item", "Sold", "Returned", "Now", "Refund")
        yield table
        yield Label("", id="sale")
        yield Input(id="entry", placeholder="receipt number or QR")
        yield Label("", id="error", classes="error")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#lines", DataTable).display = False
        self.query_one("#lines", DataTable).can_focus = False
        self.query_one("#entry", Input).focus()
        if self.reference:
            self.busy = True
            self._error("looking up the receipt…")
            self._look_up(self.reference)

    @property
    def started(self) -> bool:
        return self.known is not None or self.no_receipt_pin is not None

    # --- input ---------------------------------------------------------------------------

    @on(Input.Submitted, "#entry")
    def _entry(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        event.input.value = ""
        if not text or self.busy:
            return
        if not self.started:
            self._error("looking up the receipt…")
            self.busy = True
            self._look_up(text)
            return
        try:
            qty, code = parse_entry(text)
            sku = self.session.resolve(code).sku
        except (OmnistoreError, ValueError) as exc:
            self._error(getattr(exc, "message", str(exc)))
            return
        wanted = Counter(self.wanted)
        wanted[sku] += qty
        if self._requote(wanted):
            self._error("")
            self._show(select=sku)

    def _requote(self, wanted: Counter[str]) -> bool:
        """Ask the edge to check and price the return as it would stand; keep it if so."""
        try:
            quoted = self.session.quote_return(self.known, dict(wanted))
        except (OmnistoreError, ValueError) as exc:
            self._error(getattr(exc, "message", str(exc)))
            return False
        self.wanted = Counter({sku: qty for sku, qty in wanted.items() if qty > 0})
        self.quoted = quoted
        self.refunds = []
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No "original tender" without a receipt; no "no receipt" once there is one."""
        if action == "refund" and self.no_receipt_pin is not None:
            return False
        return not (action == "no_receipt" and self.started)

    def action_line(self, step: int) -> None:
        table = self.query_one("#lines", DataTable)
        if table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + step)))

    def action_remove_line(self) -> None:
        """Delete takes the chosen line out of the return (typing: deletes a character)."""
        entry = self.query_one("#entry", Input)
        if entry.value or self.busy:
            entry.action_delete_right()
            return
        table = self.query_one("#lines", DataTable)
        if not self.row_skus or not table.row_count:
            return
        sku = self.row_skus[min(table.cursor_row, len(self.row_skus) - 1)]
        if not self.wanted.get(sku):
            self._error("that line is not being returned")
            return
        wanted = Counter(self.wanted)
        wanted[sku] = 0
        if self._requote(wanted):
            self._error("")
            self._show(select=sku)

    @work(thread=True, exclusive=True, group="return")
    def _look_up(self, text: str) -> None:
        try:
            known = self.session.find_sale(text)
        except (OmnistoreError, ValueError) as exc:
            self.app.call_from_thread(self._not_found, getattr(exc, "message", str(exc)))
            return
        self.app.call_from_thread(self._found, known)

    def _found(self, known: KnownSale) -> None:
        self.busy = False
        if known.sale.voided:
            self._error(f"sale {known.sale.receipt_no} was voided: nothing to return")
            return
        self.known = known
        self._error("")
        self.refresh_bindings()
        self._show()

    def _not_found(self, message: str) -> None:
        self.busy = False
        self._error(message)

    def action_no_receipt(self) -> None:
        if self.known is not None:
            self._error("this return has a receipt")
            return

        def check(pin: str) -> str:
            self.session.check_manager(pin)
            return pin

        def approved(pin: str | None) -> None:
            if pin:
                self.no_receipt_pin = pin
                self._error("")
                self.refresh_bindings()
                self._show()

        self.app.push_screen(
            PromptScreen(
                "Manager PIN for a return without receipt",
                password=True,
                hint="The refund is at today's price, in the tender chosen (F2/F3/F4).",
                check=check,
            ),
            approved,
        )

    def action_everything(self) -> None:
        if self.known is None:
            self._error("everything left on a receipt: find the receipt first")
            return
        wanted = Counter(self.session.left_to_return(self.known))
        if not any(wanted.values()):
            self._error(f"everything on {self.known.sale.receipt_no} was returned already")
            return
        if self._requote(wanted):
            self._error("")
            self._show()

    # --- refund --------------------------------------------------------------------------

    def action_tender(self, method: TenderMethod) -> None:
        """Refund part (typed amount) or the rest of what is due in this tender."""
        if not self._ready():
            return
        text = self.query_one("#entry", Input).value.strip()
        rest = self.due() - sum(r.amount for r in self.refunds)
        try:
            amount = parse_money(text, self.session.currency) if text else rest
        except ValueError as exc:
            self._error(str(exc))
            return
        if not 0 < amount <= rest:
            self._error(f"a refund tender is between 0 and {self.money(rest)}")
            return
        self.query_one("#entry", Input).value = ""
        self.refunds.append(RefundIn(method=method, amount=amount))
        if amount == rest:
            self._commit(self.refunds)
        else:
            self._show()

    def action_refund(self) -> None:
        """Everything due back in the sale's own tender (with a receipt only)."""
        if self.no_receipt_pin is not None:
            self._error("without a receipt choose the tender: F2 cash, F3 card, F4 voucher")
            return
        if self._ready():
            self._commit(self.refunds or None)

    def _ready(self) -> bool:
        if self.busy:
            return False
        if not self.wanted:
            self._error("scan or type what comes back first")
            return False
        return True

    def _commit(self, refunds: list[RefundIn] | None) -> None:
        self.busy = True
        self._error("recording the return…")
        self._record(refunds)

    @work(thread=True, exclusive=True, group="return")
    def _record(self, refunds: list[RefundIn] | None) -> None:
        sale = self.known.sale if self.known else None
        try:
            ret = self.session.refund(
                sale, dict(self.wanted), refunds, self.no_receipt_pin, self.return_id
            )
        except (OmnistoreError, ValueError) as exc:
            self.app.call_from_thread(self._failed, getattr(exc, "message", str(exc)))
            return
        self.app.call_from_thread(self.dismiss, ret)

    def _failed(self, message: str) -> None:
        self.busy = False
        self.refunds = []
        self._show()
        self._error(message)

    def action_cancel(self) -> None:
        if not self.busy:
            self.dismiss(None)

    # --- figures -------------------------------------------------------------------------

    def due(self) -> int:
        """The refund due, as the edge priced it."""
        return sum(line.total for line in self.quoted)

    def _error(self, text: str) -> None:
        self.query_one("#error", Label).update(text)

    def _show(self, select: str | None = None) -> None:
        table = self.query_one("#lines", DataTable)
        table.clear()
        table.display = True
        entry = self.query_one("#entry", Input)
        entry.placeholder = "item to return: scan, SKU or 2*code; an amount before F2/F3/F4"
        quoted = {line.sku: line for line in self.quoted}
        self.row_skus = []
        if self.known is not None:
            sale = self.known.sale
            for line in sale.lines:
                now = quoted.get(line.sku)
                table.add_row(
                    line.name[:30],
                    str(line.qty),
                    str(self.known.returned.get(line.sku, 0)),
                    str(now.qty) if now else "",
                    self.money(now.total) if now else "",
                )
                self.row_skus.append(line.sku)
            heading = f"Receipt {sale.receipt_no} · {sale.store} · paid {self.money(sale.total)}"
        else:
            for back in self.quoted:
                table.add_row(back.name[:30], "-", "-", str(back.qty), self.money(back.total))
                self.row_skus.append(back.sku)
            heading = (
                "Without receipt (manager approved): today's price; F2 cash, F3 card, F4 voucher"
            )
        if select in self.row_skus:
            table.move_cursor(row=self.row_skus.index(select))
        given = "".join(f" · {r.method} {self.money(r.amount)}" for r in self.refunds)
        self.query_one("#sale", Label).update(
            f"{heading}\n[b]Refund due {self.money(self.due())}[/b]{given}"
        )
