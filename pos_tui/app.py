"""The cashier terminal: a Textual app over the edge services (`omnistore pos`), and its
main screen, where the cashier rings up sales. Dialogs live in `pos_tui.screens`, widgets in
`pos_tui.widgets`, the UI-free rules in `pos_tui.basket` and `pos_tui.session`."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from functools import partial, wraps
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Input, Static

from hardware.receipt import parse_receipt_qr
from hardware.scanner import Scanner, WedgeDetector
from pos_tui.backend import Clock, TillBackend
from pos_tui.basket import Basket, BasketLine, parse_entry
from pos_tui.messages import PrintDone, Scanned
from pos_tui.pricing import requote
from pos_tui.screens.aisle import AisleScreen
from pos_tui.screens.customer import CustomerScreen
from pos_tui.screens.discounts import open_discounts
from pos_tui.screens.elsewhere import PriceCheckScreen
from pos_tui.screens.handover import HandoverScreen
from pos_tui.screens.help import HelpScreen, key_name
from pos_tui.screens.login import EnrolScreen, LoginScreen
from pos_tui.screens.parked import ParkedScreen
from pos_tui.screens.payment import PaymentScreen, tender_text
from pos_tui.screens.prompt import ConfirmScreen, MessageScreen, PromptScreen
from pos_tui.screens.returns import ReturnScreen
from pos_tui.screens.search import SearchScreen
from pos_tui.screens.zreport import z_text
from pos_tui.session import PosSession
from pos_tui.widgets.basket_view import BasketView, line_qty
from pos_tui.widgets.customer_badge import CustomerBadge
from pos_tui.widgets.key_footer import KeyFooter
from pos_tui.widgets.last_sale import LastSalePanel
from pos_tui.widgets.status_bar import StatusBar
from pos_tui.widgets.totals_panel import TotalsPanel
from shared.clock import utc_now
from shared.customers import IndexEntry, TimelineItem
from shared.errors import NotFound, OmnistoreError
from shared.models import Order, PaymentIn, Return, Sale, ZReport
from shared.money import format_money, parse_money
from shared.pickup import parse_pickup_qr

ERRORS = (OmnistoreError, ValueError)
NODE_LOST = (
    "NODE LOST: nothing can be sold or looked up until the store node answers again; "
    "the basket is kept and goes through with its own sale id when it is back"
)


def problem(exc: Exception) -> str:
    """What the cashier reads: the service's message, or the validation's."""
    return getattr(exc, "message", None) or str(exc)


def guarded(action: Callable[..., None]) -> Callable[..., None]:
    """A key whose action asks the node: a refusal or a lost node is a message, never a
    crash (the basket and the screen stay as they were)."""

    @wraps(action)
    def run(self: Screen[Any], *args: Any) -> None:
        try:
            action(self, *args)
        except ERRORS as exc:
            self.app.notify(problem(exc), severity="error")

    return run


def parked_text(baskets: list[Basket], money: Callable[[int], str]) -> str:
    """Parked baskets named for the cashier: lines, total and the first items."""
    rows = [
        f"  {n}. {money(b.total)} · " + ", ".join(line.name for line in b.lines)[:44]
        for n, b in enumerate(baskets, 1)
    ]
    return f"{len(baskets)} parked basket{'s' if len(baskets) > 1 else ''}:\n" + "\n".join(rows)


class FloatPrompt(PromptScreen):
    """The opening float: Esc does not skip it; F11 signs out instead."""

    BINDINGS = [
        Binding("f11", "sign_out", "Logout"),
        Binding("escape", "cancel", "Cancel", show=False),
    ]

    def action_sign_out(self) -> None:
        self.dismiss(None)


class SaleScreen(Screen[None]):
    """Ring up: scan or type into the entry (always focused), keys for everything else."""

    BINDINGS = [
        Binding("f1", "help", "Help", tooltip="all keys"),
        Binding("f2", "price_check", "Price", tooltip="price check, not sold"),
        Binding("f3", "search", "Find", tooltip="search by name (live)"),
        Binding("f4", "quantity", "Qty", tooltip="quantity: chosen line / n*"),
        Binding("f5", "park", "Park", tooltip="park / resume a basket"),
        Binding("f6", "return_items", "Return", tooltip="return by receipt or QR"),
        Binding("f7", "handover", "Pickup", tooltip="click-and-collect handover"),
        Binding("f8", "void", "Void", tooltip="void basket or sale (PIN)"),
        Binding("f9", "reprint", "Reprint", tooltip="print waiting / reprint"),
        Binding("f10", "pay", "Pay", tooltip="take payment"),
        Binding("f11", "sign_out", "Logout", tooltip="sign out, shift stays open"),
        Binding("f12", "close_shift", "Close", tooltip="close shift: count, Z"),
        Binding("delete", "remove_line", "Remove", tooltip="remove the chosen line", priority=True),
        Binding(
            "ctrl+d", "discounts", "Discount", show=False, priority=True, tooltip="coupon, discount"
        ),
        Binding("ctrl+l", "shelf_labels", "Labels", show=False, priority=True),
        Binding("plus", "more(1)", "+1", show=False, priority=True),
        Binding("minus", "more(-1)", "-1", show=False, priority=True),
        Binding("up", "line(-1)", "Line up", show=False),
        Binding("down", "line(1)", "Line down", show=False),
        Binding("ctrl+k,f13", "customer", "Customer", show=False, priority=True),  # f13: Shift+F1
        Binding("ctrl+o", "aisle_order", "Order elsewhere", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.basket = Basket()
        self.last_line: BasketLine | None = None
        self.tenders: list[PaymentIn] = []  # taken for this basket, kept until it is sold
        self.show_last_sale = False
        self._say_timer: Timer | None = None

    @property
    def till(self) -> PosApp:
        assert isinstance(self.app, PosApp)
        return self.app

    @property
    def session(self) -> TillBackend:
        return self.till.session

    def compose(self) -> ComposeResult:
        yield StatusBar()
        with Horizontal(id="main"):
            yield BasketView(self.session.currency)
            yield LastSalePanel(self.session.currency)
            yield TotalsPanel(self.session.currency)
        yield CustomerBadge(id="customer")
        yield Static(NODE_LOST, id="node-lost")
        yield Static("", id="say")
        yield Input(id="entry", placeholder="scan or type a barcode / SKU  (3*code = 3 units)")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#lines", DataTable).can_focus = False
        self.query_one("#say", Static).display = False
        self.query_one("#node-lost", Static).display = False
        self._show()

    def show_node(self, lost: bool) -> None:
        """The banner of a remote till that lost its node: the basket stays, nothing sells."""
        for banner in self.query("#node-lost"):  # none while the screen is being built
            banner.display = lost

    def say(self, message: str, title: str, severity: str, timeout: float) -> None:
        """The one message line, between the basket and the scan field (never over them);
        a new message replaces the last."""
        line = self.query_one("#say", Static)
        line.set_classes(f"-{severity}")
        line.update(Text(f"{title}: {message}" if title else message))
        line.display = True
        if self._say_timer is not None:
            self._say_timer.stop()
        self._say_timer = self.set_timer(timeout, self._unsay)

    def _unsay(self) -> None:
        self.query_one("#say", Static).display = False

    def on_screen_resume(self) -> None:
        self.query_one("#entry", Input).focus()

    # --- ringing up ----------------------------------------------------------------------

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Typing always goes to the scan field: nothing else on this screen keeps focus."""
        entry = self.query_one("#entry", Input)
        if event.widget is not entry:
            entry.focus()

    @on(Input.Submitted, "#entry")
    def _entry(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            return
        if self.add(text):
            event.input.value = ""
        else:  # kept for correcting (a hand-keyed code); the next scan replaces it
            event.input.select_all()

    def add(self, entry: str) -> bool:
        """Add a scanned or typed entry; unknown codes are a message, stock only warns.
        A receipt QR starts a return and a pickup QR a handover; a word offers the search.
        Answers whether the entry was taken."""
        if parse_receipt_qr(entry) is not None:
            self.app.push_screen(ReturnScreen(reference=entry), self._returned)
            return True
        if parse_pickup_qr(entry) is not None:
            self.app.push_screen(HandoverScreen(scanned=entry), self._handed_over)
            return True
        try:
            line = self.basket.add(self.session.resolve(entry))
        except NotFound as exc:
            return self._offer_search(entry, problem(exc))
        except ERRORS as exc:
            self.notify(problem(exc), severity="error", timeout=4)
            return False
        self.last_line = line
        self.show_last_sale = False
        for warning in self.session.warnings(self.basket, line.sku):
            self.notify(warning.message, title="stock", severity="warning", timeout=6)
        self._show(select=self.basket.lines.index(line))
        return True

    def _offer_search(self, entry: str, message: str) -> bool:
        """A word that is no SKU: the search opens with it (the quantity typed carries)."""
        qty, word = parse_entry(entry)
        if word.isdigit() or not self.session.search(word):
            hint = "" if word.isdigit() else " (F3 searches by name)"
            self.notify(f"{message}{hint}", severity="error", timeout=4)
            return False
        self.query_one("#entry", Input).value = ""
        self.app.push_screen(SearchScreen(word), partial(self._picked, qty))
        return True

    def _picked(self, qty: int, sku: str | None) -> None:
        if sku:
            self.add(f"{qty}*{sku}")

    def selected(self) -> int | None:
        index = self.query_one(BasketView).selected_index()
        return index if index is not None and index < len(self.basket.lines) else None

    def action_line(self, step: int) -> None:
        table = self.query_one("#lines", DataTable)
        if table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + step)))

    def action_more(self, step: int) -> None:
        """+ / - change the chosen line's quantity by one (typing keeps them as text)."""
        entry = self.query_one("#entry", Input)
        index = self.selected()
        if entry.value or index is None:
            entry.insert_text_at_cursor("+" if step > 0 else "-")
            return
        line = self.basket.lines[index]
        if step < 0 and line.qty == 1:
            self._ask_remove(index)
            return
        self._set_qty(index, line.qty + step)

    def _set_qty(self, index: int, qty: int) -> bool:
        try:
            line = self.basket.set_qty(index, qty)
        except ValueError as exc:
            self.notify(str(exc), severity="error")
            return False
        self.last_line = line
        for warning in self.session.warnings(self.basket, line.sku):
            self.notify(warning.message, title="stock", severity="warning", timeout=6)
        self._show(select=index)
        return True

    def action_quantity(self) -> None:
        """F4: a number typed first becomes `n*` for the next item; otherwise the chosen
        line's quantity is asked (or, with an empty basket, the next item's)."""
        entry = self.query_one("#entry", Input)
        text = entry.value.strip()
        if text.isdigit():
            entry.value = f"{int(text)}*"
            entry.cursor_position = len(entry.value)
            return
        index = self.selected()
        if index is not None and not text:
            line = self.basket.lines[index]

            def check(answer: str) -> int:
                if not answer.strip().isdigit():
                    raise ValueError("the quantity is a whole number")
                self.basket.set_qty(index, int(answer))
                return index

            self.app.push_screen(
                PromptScreen(f"Quantity of {line.name}", value=str(line.qty), check=check),
                lambda done: self._show(select=done) if done is not None else None,
            )
            return
        self.app.push_screen(PromptScreen("Quantity for the next item"), self._quantity)

    def _quantity(self, qty: str | None) -> None:
        entry = self.query_one("#entry", Input)
        if qty and qty.strip().isdigit():
            entry.value = f"{int(qty)}*"
            entry.cursor_position = len(entry.value)
        elif qty:
            self.notify("the quantity is a whole number", severity="error")

    def action_remove_line(self) -> None:
        """Delete removes the chosen basket line after a yes, unless there is typing."""
        entry = self.query_one("#entry", Input)
        if entry.value:
            entry.action_delete_right()
            return
        index = self.selected()
        if index is not None:
            self._ask_remove(index)

    def _ask_remove(self, index: int) -> None:
        line = self.basket.lines[index]

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            for n, candidate in enumerate(self.basket.lines):
                if candidate is line:
                    self.basket.remove(n)
                    self.notify(f"removed {line.qty} × {line.name}")
                    self.last_line = None
                    self._show(select=min(n, len(self.basket.lines) - 1))
                    return

        self.app.push_screen(
            ConfirmScreen(
                f"Remove {line.name}?",
                f"{line_qty(line)} × {self.till.money(line.unit_price)} = "
                f"{self.till.money(line.total)}",
            ),
            answered,
        )

    def action_price_check(self) -> None:
        self.app.push_screen(PromptScreen("Price check: scan or type a code"), self._price)

    def _price(self, code: str | None) -> None:
        if not code:
            return
        try:
            line, level = self.session.price_check(code)
        except ERRORS as exc:
            self.notify(problem(exc), severity="error")
            return
        self.app.push_screen(
            PriceCheckScreen(
                "Price check (not sold)",
                f"{line.name}\n{line.sku}  VAT {line.vat_rate_bp / 100:g}%\n\n"
                f"{self.till.money(line.unit_price)}\n\n"
                f"on hand {level.on_hand} · reserved {level.reserved} · "
                f"available {level.available}",
                line.sku,
            ),
            self.action_aisle_order,
        )

    def action_aisle_order(self, item: str | None = "") -> None:
        """Ctrl+O, or F7 in the price check: order at another store (endless aisle)."""
        if item is not None:
            self.app.push_screen(AisleScreen(item))

    def action_search(self) -> None:
        """F3; `n*` typed first is the quantity of the product picked."""
        entry = self.query_one("#entry", Input)
        text = entry.value.strip()
        qty_text, star, rest = text.partition("*")
        if star and qty_text.strip().isdigit() and not rest.strip():
            entry.value = ""
            self.app.push_screen(SearchScreen(), partial(self._picked, int(qty_text)))
            return
        self.app.push_screen(SearchScreen(text if text and not star else ""), self._searched)

    def _searched(self, sku: str | None) -> None:
        if sku:
            self.query_one("#entry", Input).value = ""
            self.add(sku)

    def action_discounts(self) -> None:
        """Ctrl+D: a coupon, a manual discount, or a price override (pos_tui/screens/discounts)."""
        open_discounts(self)

    def action_shelf_labels(self) -> None:
        """Ctrl+L: print the shelf labels waiting on the node, on this till's printer."""
        count = self.session.print_labels()
        self.notify(f"{count} shelf label{'s' if count != 1 else ''} sent to the printer")

    def action_help(self) -> None:
        self.app.push_screen(
            HelpScreen(b for b in self.BINDINGS if isinstance(b, Binding) and b.show)
        )

    # --- paying, voiding, parking ---------------------------------------------------------

    def action_pay(self) -> None:
        if not self.basket.lines:
            self.notify("the basket is empty", severity="warning")
            return
        self.app.push_screen(PaymentScreen(self.basket, self.tenders), self._paid)

    def tenders_held(self) -> bool:
        """Tenders taken for this basket block anything that would drop it."""
        if not self.tenders:
            return False
        named = ", ".join(tender_text(p, self.till.money) for p in self.tenders)
        self.notify(
            f"tenders taken: {named}. Finish the payment (F10) or discard them there (F9).",
            severity="warning",
        )
        return True

    def _paid(self, sale: Sale | None) -> None:
        if sale is None:
            self._show()
            return
        self.till.print_in_background(f"receipt {sale.receipt_no}", self.session.print_sale, sale)
        self.basket = Basket()
        self.tenders = []
        self.last_line = None
        self.show_last_sale = True
        self._show()

    def action_void(self) -> None:
        """With a basket: clear it (manager PIN). Without: void a committed sale, by
        default the last one (manager PIN), shown with its amount and what to give back.
        A wrong PIN asks again in the same dialog."""
        if self.tenders_held():
            return
        if self.basket.lines:
            self.app.push_screen(
                PromptScreen(
                    "Manager PIN to void this basket",
                    password=True,
                    hint=f"{len(self.basket.lines)} lines · {self.till.money(self.basket.total)}",
                    check=self.session.check_manager,
                ),
                self._void_basket,
            )
            return
        last = self.session.last_sale
        self.app.push_screen(
            PromptScreen(
                "Void which sale? Receipt number or QR",
                value=last.receipt_no if last and not last.voided else "",
                check=self.session.local_sale,
            ),
            self._void_which,
        )

    def _void_basket(self, manager: str | None) -> None:
        if manager is None:
            return
        self.basket = Basket()
        self.last_line = None
        self.notify(f"basket voided (approved by {manager})")
        self._show()

    def _void_which(self, sale: Sale | None) -> None:
        if sale is None:
            return
        if sale.voided:
            self.notify(f"sale {sale.receipt_no} is already voided", severity="warning")
            return
        back = self._hand_back(sale)
        self.app.push_screen(
            PromptScreen(
                f"Void sale {sale.receipt_no} of {self.till.money(sale.total)}?",
                password=True,
                placeholder="manager PIN",
                hint=f"{len(sale.lines)} lines · paid {self._tenders_of(sale)}\n"
                f"Give back: {back}. Manager PIN, then Enter.",
                check=lambda pin: self.session.void_sale(
                    sale.receipt_no, pin, "voided at the till"
                ),
            ),
            self._voided,
        )

    def _hand_back(self, sale: Sale) -> str:
        money = self.till.money
        return ", ".join(f"{p.method} {money(p.amount)}" for p in self.session.hand_back(sale))

    def _tenders_of(self, sale: Sale) -> str:
        money = self.till.money
        return ", ".join(
            f"{p.method} {money(p.amount)}" + (f" (ref {p.ref})" if p.ref else "")
            for p in sale.payments
        )

    def _voided(self, sale: Sale | None) -> None:
        if sale is None:
            return
        self._show()
        self.app.push_screen(
            MessageScreen(
                f"Sale {sale.receipt_no} voided",
                f"Total {self.till.money(sale.total)}\n"
                f"Paid {self._tenders_of(sale)}\n\n"
                f"GIVE BACK: {self._hand_back(sale)}",
            )
        )

    @guarded
    def action_park(self) -> None:
        parked = self.till.parked
        shift_id = self.till.shift_id()
        if self.tenders_held():
            return
        if self.basket.lines:
            parked.park(self.basket, shift_id)
            self.basket = Basket()
            self.last_line = None
            self.notify("basket parked (F5 on an empty basket resumes it)")
            self._show()
            return
        waiting = parked.all(shift_id)
        if not waiting:
            self.notify("nothing parked")
        elif len(waiting) == 1:
            self._resume(0)
        else:
            self.app.push_screen(ParkedScreen(waiting), self._resume)

    @guarded
    def _resume(self, index: int | None) -> None:
        if index is None:
            return
        self.basket = self.till.parked.resume(index, self.till.shift_id())
        self.last_line = None
        self.notify("parked basket resumed")
        self._show()

    @guarded
    def action_reprint(self) -> None:
        """Print what waits for the printer; with nothing waiting, a copy of a receipt (by
        default the last one; never opens the drawer)."""
        waiting = self.session.printing.queue.pending()
        if waiting:
            self.till.print_in_background(
                ", ".join(waiting), self.session.retry_printing, announce=True
            )
            return
        last = self.session.last_sale
        self.app.push_screen(
            PromptScreen(
                "Reprint which receipt? Number or QR", value=last.receipt_no if last else ""
            ),
            self._reprint,
        )

    def _reprint(self, reference: str | None) -> None:
        if not reference:
            return
        try:
            sale = self.session.local_sale(reference)
        except ERRORS as exc:
            self.notify(problem(exc), severity="error")
            return
        self.till.print_in_background(
            f"copy {sale.receipt_no}", self.session.print_copy, sale, announce=True
        )

    # --- returns, pickups, shift ----------------------------------------------------------

    def action_return_items(self) -> None:
        self.app.push_screen(ReturnScreen(), self._returned)

    def _returned(self, ret: Return | None) -> None:
        if ret is None:
            return
        self.till.print_in_background(f"return {ret.id[:8]}", self.session.print_return, ret)
        refunds = ", ".join(f"{r.method} {self.till.money(r.amount)}" for r in ret.refunds)
        self.notify(f"give back {refunds}", title=f"REFUND {self.till.money(ret.total)}")
        self._show()

    def action_handover(self) -> None:
        self.app.push_screen(HandoverScreen(), self._handed_over)

    def _handed_over(self, order: Order | None) -> None:
        if order is not None:
            who = order.customer.get("name", "")
            self.notify(f"order {order.id[:8]} handed over to {who}")

    def basket_open(self) -> bool:
        """A basket being rung up (or tenders taken) blocks sign-out, close and quit."""
        if self.tenders_held():
            return True
        if self.basket.lines:
            self.notify(
                f"a basket of {len(self.basket.lines)} lines is open: pay (F10), park (F5) "
                "or void it (F8) first",
                severity="warning",
            )
            return True
        return False

    @guarded
    def action_sign_out(self) -> None:
        if self.basket_open():
            return
        waiting = self.till.parked.all(self.till.shift_id())
        if not waiting:
            self.till.sign_out()
            return
        self.app.push_screen(
            ConfirmScreen(
                "Sign out? The shift stays open.",
                f"{parked_text(waiting, self.till.money)}\n"
                "They stay parked with this shift for the next cashier.",
            ),
            lambda yes: self.till.sign_out() if yes else None,
        )

    @guarded
    def action_close_shift(self) -> None:
        if self.basket_open():
            return
        waiting = self.till.parked.all(self.till.shift_id())
        if waiting:
            self.app.push_screen(
                MessageScreen(
                    "The shift cannot close: baskets are parked",
                    f"{parked_text(waiting, self.till.money)}\n\n"
                    "Resume each (F5), then sell it or void it (F8).",
                )
            )
            return
        self.app.push_screen(
            PromptScreen(
                "Close the shift: counted cash in the drawer",
                placeholder="0.00",
                hint="Count the drawer, type the cash, Enter. Esc: the shift stays open.",
                check=self._close,
            ),
            self._counted,
        )

    def _close(self, counted: str) -> ZReport:
        if not counted.strip():
            raise ValueError("type the cash counted in the drawer (0.00 if it is empty)")
        return self.session.close_shift(parse_money(counted, self.session.currency))

    def _counted(self, report: ZReport | None) -> None:
        if report is None:
            return
        self.till.print_in_background("Z report", self.session.print_z_report, report)
        self.till.show_z_report(report)

    def _show(self, select: int | None = None) -> None:
        requote(self.session, self.basket)
        last_sale = self.session.last_sale
        panel = self.query_one(LastSalePanel)
        view = self.query_one(BasketView)
        showing = self.show_last_sale and last_sale is not None and not self.basket.lines
        panel.display = showing
        view.display = not showing
        if showing and last_sale is not None:
            panel.show(last_sale)
        view.show(self.basket, last_sale, self.tenders, select)
        self.query_one(TotalsPanel).show(self.basket, self.last_line, last_sale)
        self.query_one(CustomerBadge).show(self.basket.customer)
        self.till.refresh_status()

    def action_customer(self) -> None:
        """Attach a customer (card, phone, email; or sign them up) to this basket."""
        self.app.push_screen(CustomerScreen(), self._attached)

    def _attached(self, customer: IndexEntry | None) -> None:
        if customer is not None:
            self.basket.customer = customer
            self.notify(f"{customer.name}: {customer.points} points", title="customer")
            self.run_worker(
                lambda: self._recent(customer), thread=True, group="recent", exclusive=True
            )
        self._show()

    def _recent(self, customer: IndexEntry) -> None:
        """The customer's latest purchases in every store, when the cloud answers (a worker
        thread: the cashier goes on scanning meanwhile)."""
        try:
            items = self.session.recent_purchases(customer.id)
        except OmnistoreError:
            return  # the cloud is away: nothing to add to what the till shows
        text = recent_text(items, self.session.currency)
        self.app.call_from_thread(self.notify, text, title=f"{customer.name}: recent purchases")


def recent_text(items: list[TimelineItem], currency: str) -> str:
    """Up to five purchases, one a line: day, where, what and how much."""
    if not items:
        return "no purchases yet"
    lines = []
    for item in items[:5]:
        where = "web" if item.channel == "web" else (item.store or "")
        amount = format_money(item.amount, currency)
        lines.append(f"{item.at:%Y-%m-%d} {where} {item.kind} {amount}")
    return "\n".join(lines)


class PosApp(App[None]):
    CSS_PATH = "pos.tcss"
    TITLE = "Omnistore POS"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]

    def __init__(
        self,
        session: TillBackend,
        *,
        scanner: Scanner | None = None,
        user: str | None = None,
        pin: str | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.customers = session.customers
        self.scanner = scanner
        self.parked = session.parked
        self.wedge = WedgeDetector()
        self.autologin = (user, pin) if user and pin else None
        self._stop = threading.Event()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """One message at a time (a new one replaces the last); on the sale screen it goes
        to the message line between the basket and the scan field, not over them."""
        self.clear_notifications()
        seconds = timeout if timeout is not None else 6.0
        super().notify(message, title=title, severity=severity, timeout=seconds, markup=markup)
        screen = self.screen_stack[-1] if self.screen_stack else None
        if isinstance(screen, SaleScreen) and screen.is_mounted:
            screen.say(message, title, severity, seconds)

    def money(self, amount: int) -> str:
        return format_money(amount, self.session.currency)

    def on_mount(self) -> None:
        self.push_screen(EnrolScreen() if self.session.needs_enrolment() else LoginScreen())
        self.set_interval(1.0, self.refresh_status)
        if self.scanner is not None:
            threading.Thread(target=self._read_scanner, name="scanner", daemon=True).start()
        if self.autologin and not self.session.needs_enrolment():
            try:
                self.session.sign_in(*self.autologin)
            except ERRORS as exc:
                self.notify(problem(exc), severity="error")
            else:
                self.signed_in()

    def on_unmount(self) -> None:
        self._stop.set()
        if self.scanner is not None:
            self.scanner.close()

    # --- flow ----------------------------------------------------------------------------

    def signed_in(self) -> None:
        """After sign-in: open a shift with a counted float if the register has none (it
        cannot be skipped: Esc does not open a shift, F11 signs out), then sell."""
        if self.session.current_shift() is None:
            self.push_screen(
                FloatPrompt(
                    "Open the shift: cash float in the drawer",
                    value="100.00",
                    hint=f"Signed in as {self.session.who.name}. Count the float, then Enter"
                    " (F11 signs out).",
                    check=self._open_shift,
                    cancel=False,
                ),
                self._float,
            )
        else:
            self.switch_screen(SaleScreen())

    def _open_shift(self, amount: str) -> ZReport:
        if not amount.strip():
            raise ValueError("type the float counted in the drawer (0.00 if it is empty)")
        return self.session.open_shift(parse_money(amount, self.session.currency))

    def _float(self, opened: ZReport | None) -> None:
        if opened is None:
            self.sign_out()
            return
        self.switch_screen(SaleScreen())

    def shift_id(self) -> str | None:
        shift = self.session.current_shift()
        return shift.shift_id if shift else None

    def sale_screen(self) -> SaleScreen | None:
        found = [s for s in self.screen_stack if isinstance(s, SaleScreen)]
        return found[0] if found else None

    async def action_quit(self) -> None:
        """Ctrl+Q: never with a basket open or tenders taken; with parked baskets, asked."""
        sale = self.sale_screen()
        if sale is not None and self.screen is not sale:
            self.notify("close the dialog first (Esc)", severity="warning")
            return
        if sale is not None and sale.basket_open():
            return
        shift_id = self.shift_id()  # signed out too: the register's open shift
        try:
            waiting = self.parked.all(shift_id) if shift_id else []
        except ERRORS as exc:  # a remote till without its node: nothing to ask about
            self.notify(problem(exc), severity="warning")
            waiting = []
        if not waiting:
            self.exit()
            return
        self.push_screen(
            ConfirmScreen(
                "Quit the till?",
                f"{parked_text(waiting, self.money)}\nThey stay parked with this shift.",
            ),
            lambda yes: self.exit() if yes else None,
        )

    def show_z_report(self, report: ZReport) -> None:
        """Show the Z report (it is printing meanwhile), then sign the cashier out."""
        self.push_screen(
            MessageScreen(
                "Z report — shift closed",
                z_text(report, self.session.currency, self.session.store_name),
            ),
            lambda _: self.sign_out(),
        )

    def sign_out(self) -> None:
        self.session.sign_out()
        self.switch_screen(LoginScreen())

    # --- printing off the UI thread ------------------------------------------------------

    def print_in_background(
        self, name: str, job: Callable[..., bool], *args: Any, announce: bool = False
    ) -> None:
        """A slow or dead printer must never freeze the till: print on a worker thread;
        the print queue keeps what fails and the status bar shows it."""

        def run() -> None:
            try:
                printed = job(*args)
            except Exception:  # the queue catches printer errors; anything else is a bug
                printed = False
            self.post_message(PrintDone(name, printed, announce))

        self.run_worker(run, thread=True, group="print", name=name)

    @on(PrintDone)
    def _printed(self, message: PrintDone) -> None:
        """What was printed is named (F9 says which receipts); a failure says why."""
        if message.printed and message.announce:
            self.notify(f"printed: {message.name}", title="printer ok")
        if not message.printed:
            queue = self.session.printing.queue
            self.notify(
                f"{message.name}: {queue.last_error or 'waiting'} — F9 prints it later",
                title=f"printer {queue.state}",
                severity="warning",
                timeout=8,
            )
        self.refresh_status()

    # --- status --------------------------------------------------------------------------

    def refresh_status(self) -> None:
        actor = self.session.actor
        try:
            shift_open = actor is not None and self.session.current_shift() is not None
        except ERRORS:
            shift_open = False
        status = self.session.status()
        for bar in self.screen.query(StatusBar):
            bar.show(status, self.session.clock(), actor.name if actor else "", shift_open)
        sale = self.sale_screen()
        if sale is not None:
            sale.show_node(bool(status.get("node_lost")))

    # --- scanners ------------------------------------------------------------------------

    def _read_scanner(self) -> None:
        assert self.scanner is not None
        while not self._stop.is_set():
            code = self.scanner.read(0.2)
            if code:
                self.post_message(Scanned(code))

    def on_key(self, event: events.Key) -> None:
        """A keyboard-wedge scan typed while no entry field has the focus still counts."""
        char = "\r" if event.key == "enter" else (event.character or "")
        code = self.wedge.feed(char, time.monotonic()) if char else None
        if code is not None and not isinstance(self.focused, Input):
            self.post_message(Scanned(code))

    @on(Scanned)
    async def _scanned(self, message: Scanned) -> None:
        """The sale screen sells it; a dialog with an entry field takes it as typed."""
        screen = self.screen
        if isinstance(screen, SaleScreen):
            screen.add(message.code)
        elif isinstance(self.focused, Input):
            self.focused.value = message.code
            await self.focused.action_submit()

    # --- command palette -----------------------------------------------------------------

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Every key of the current screen, by name, beside Textual's own commands."""
        if isinstance(screen, SaleScreen):
            yield SystemCommand(
                "Customer (Ctrl+K / Shift+F1)",
                "attach a customer: card, phone or email; or sign them up",
                screen.action_customer,
            )
        for binding in screen.BINDINGS:
            if isinstance(binding, Binding) and binding.show:
                yield SystemCommand(
                    f"{binding.description} ({key_name(binding.key)})",
                    binding.tooltip or binding.description,
                    partial(screen.run_action, binding.action),
                )
        yield from super().get_system_commands(screen)


def make_app(
    data_dir: Path,
    *,
    scanner: Scanner | None = None,
    printer: Any | None = None,
    user: str | None = None,
    pin: str | None = None,
    clock: Clock = utc_now,
    register: str = "1",
) -> PosApp:
    """Build the app for the CLI and the tests."""
    session = PosSession(data_dir, printer=printer, clock=clock, register=register)
    return PosApp(session, scanner=scanner, user=user, pin=pin)


def run_pos(
    data_dir: Path,
    user: str | None = None,
    pin: str | None = None,
    scanner: Scanner | None = None,
    register: str = "1",
) -> None:
    """Run the till in this terminal (the demo signs in as its cashier)."""
    make_app(data_dir, scanner=scanner, user=user, pin=pin, register=register).run()
