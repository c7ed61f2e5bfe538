"""The one interface the till's UI depends on: every till action is one method here. Two
implementations: `pos_tui.session.PosSession` (on the node's own machine, calling the edge
services on its SQLite database) and `pos_tui.remote.RemoteSession` (another machine of the
store LAN, through the node's lane API). A new till action is a method here and in both."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from edge.printing import Printing
from edge.returns import KnownSale
from edge.staff import Actor
from edge.stock import Level
from pos_tui.basket import Basket, BasketLine
from pos_tui.customer_desk import Customers
from pos_tui.pickup import PickupDesk
from shared.aisle import AisleOrderIn
from shared.customers import TimelineItem
from shared.models import (
    Order,
    Payment,
    PaymentIn,
    Product,
    RefundIn,
    Return,
    ReturnLine,
    Sale,
    ZReport,
)
from shared.stores import StockElsewhere
from shared.tills import BasketQuoteIn, BasketQuoteOut

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class StockWarning:
    """Shown, never blocking: the sale goes through regardless."""

    sku: str
    message: str


def stock_warnings(level: Level, wanted: int, sku: str) -> list[StockWarning]:
    """Below zero, or into units held for click-and-collect, after this basket."""
    if level.on_hand - wanted < 0:
        return [StockWarning(sku, f"{sku}: stock goes below zero ({level.on_hand - wanted})")]
    if level.available - wanted < 0:
        return [
            StockWarning(
                sku,
                f"{sku}: takes units reserved for click-and-collect ({level.reserved} reserved)",
            )
        ]
    return []


class OwnPrinter:
    """The printing a till does on its own printer, the same for both backends (a sale's
    receipt differs: only the backend knows the customer's first name)."""

    printing: Printing

    def print_return(self, ret: Return) -> bool:
        return self.printing.refund(ret)

    def print_z_report(self, report: ZReport) -> bool:
        return self.printing.z_report(report)

    def print_copy(self, sale: Sale) -> bool:
        """A copy of any receipt: never opens the drawer."""
        return self.printing.copy(sale)

    def retry_printing(self) -> bool:
        return self.printing.queue.retry()


class ParkedStore(Protocol):
    """Baskets put aside, each belonging to the shift it was parked in."""

    def all(self, shift_id: str | None = None) -> list[Basket]: ...

    def park(self, basket: Basket, shift_id: str | None = None) -> None: ...

    def resume(self, index: int = -1, shift_id: str | None = None) -> Basket: ...


class TillBackend(Protocol):
    """What a till may do for the cashier signed in on its register."""

    register: str
    clock: Clock
    actor: Actor | None
    last_sale: Sale | None
    printing: Printing
    parked: ParkedStore
    pickups: PickupDesk | None

    @property
    def customers(self) -> Customers: ...

    @property
    def currency(self) -> str: ...

    @property
    def store_name(self) -> str: ...

    @property
    def who(self) -> Actor: ...

    # enrolment (a till on the node's own machine never needs it)
    def needs_enrolment(self) -> bool: ...

    def enrol(self, manager: str, pin: str) -> str: ...

    # staff and shifts
    def sign_in(self, name: str, pin: str) -> Actor: ...

    def sign_out(self) -> None: ...

    def current_shift(self) -> ZReport | None: ...

    def open_shift(self, float_amount: int) -> ZReport: ...

    def close_shift(self, counted: int) -> ZReport: ...

    def check_manager(self, pin: str | None) -> str: ...

    # ringing up
    def resolve(self, entry: str) -> BasketLine: ...

    def product_name(self, sku: str) -> str: ...

    def price_check(self, entry: str) -> tuple[BasketLine, Level]: ...

    def search(self, text: str) -> list[Product]: ...

    def search_with_stock(self, text: str) -> list[tuple[Product, Level]]: ...

    def warnings(self, basket: Basket, sku: str) -> list[StockWarning]: ...

    def pay(self, basket: Basket, payments: list[PaymentIn]) -> Sale: ...

    def quote(self, basket: BasketQuoteIn) -> BasketQuoteOut: ...

    def print_labels(self) -> int: ...

    def recent_purchases(self, customer_id: str) -> list[TimelineItem]: ...

    # other stores (need the cloud; the last copy of stock elsewhere when it is away)
    def stock_elsewhere(self, sku: str) -> StockElsewhere: ...

    def place_aisle_order(self, body: AisleOrderIn) -> Order: ...

    def print_pickup_slip(self, order: Order, pickup_store: str) -> bool: ...

    # printing on this till's own printer (worker threads)
    def print_sale(self, sale: Sale) -> bool: ...

    def print_return(self, ret: Return) -> bool: ...

    def print_z_report(self, report: ZReport) -> bool: ...

    def print_copy(self, sale: Sale) -> bool: ...

    def retry_printing(self) -> bool: ...

    # corrections and returns
    def local_sale(self, reference: str) -> Sale: ...

    def void_sale(self, reference: str, manager_pin: str | None, reason: str) -> Sale: ...

    def find_sale(self, reference: str) -> KnownSale: ...

    def refund(
        self,
        sale: Sale | None,
        lines: dict[str, int],
        refunds: list[RefundIn] | None,
        manager_pin: str | None = None,
        return_id: str | None = None,
    ) -> Return: ...

    def quote_return(self, sale: KnownSale | None, lines: dict[str, int]) -> list[ReturnLine]: ...

    def left_to_return(self, sale: KnownSale) -> dict[str, int]: ...

    def hand_back(self, sale: Sale) -> list[Payment]: ...

    # status bar
    def status(self) -> dict[str, Any]: ...
