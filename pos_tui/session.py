"""What the POS may do on the node's own machine, in one UI-free object: it calls edge
services (never SQL), the printer queue and the status, for the signed-in cashier on this
register. The local implementation of `pos_tui.backend.TillBackend`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from edge import (
    catalog,
    labels,
    node,
    pricing,
    returns,
    sales,
    shifts,
    slips,
    staff,
    stock,
    together,
    voids,
)
from edge.customers import first_name
from edge.printing import Printing
from edge.staff import Actor
from edge.status import sync_status
from edge.storage.db import open_db
from edge.sync import forward
from edge.sync.holds import PointsHolds
from edge.sync.lookup import cloud_sale_lookup
from hardware.receipt import parse_receipt_qr
from pos_tui.backend import Clock, OwnPrinter, ParkedStore, StockWarning, stock_warnings
from pos_tui.basket import Basket, BasketLine, ParkedBaskets, parse_entry
from pos_tui.customer_desk import CustomerDesk, Customers
from pos_tui.pickup import PickupDesk, open_desk
from shared.aisle import AisleOrderIn
from shared.clock import utc_now
from shared.customers import TimelineItem
from shared.errors import NotFound, OmnistoreError
from shared.ids import new_id
from shared.models import (
    Order,
    Payment,
    PaymentIn,
    Product,
    RefundIn,
    Return,
    ReturnIn,
    ReturnLine,
    ReturnLineIn,
    Sale,
    ShiftCloseIn,
    ShiftOpenIn,
    VoidIn,
    ZReport,
)
from shared.stores import StockElsewhere
from shared.tills import BasketQuoteIn, BasketQuoteOut

__all__ = ["Clock", "PosSession", "StockWarning"]


class PosSession(OwnPrinter):
    """One till: node identity, database, printer queue, and (after sign-in) the cashier."""

    def __init__(
        self,
        data_dir: Path,
        *,
        printer: Any | None = None,
        clock: Clock = utc_now,
        register: str = "1",
    ) -> None:
        self.data_dir = data_dir
        self.config = node.load(data_dir)
        self.db = open_db(node.db_path(data_dir))
        self.printing = Printing(self.config, printer=printer)
        self.clock = clock
        self.register = register
        self.actor: Actor | None = None
        self.last_sale: Sale | None = None
        self.pickups: PickupDesk | None = open_desk(self.db, self.config)
        self.parked: ParkedStore = ParkedBaskets(data_dir / f"parked-{register}.json")
        self.customers: Customers = CustomerDesk(self.db, self.config)

    @property
    def currency(self) -> str:
        return self.config.currency

    @property
    def store_name(self) -> str:
        return self.config.name

    def needs_enrolment(self) -> bool:
        """The till on the node's own machine is the node's: it never enrols."""
        return False

    def enrol(self, manager: str, pin: str) -> str:
        return manager

    # --- staff and shifts ----------------------------------------------------------------

    def sign_in(self, name: str, pin: str) -> Actor:
        _, self.actor, _ = staff.sign_in(self.db, name, pin, self.register)
        return self.actor

    def sign_out(self) -> None:
        self.actor = None
        self.last_sale = None

    def current_shift(self) -> ZReport | None:
        try:
            return shifts.current(self.db, self.config, self.register)
        except NotFound:
            return None

    def open_shift(self, float_amount: int) -> ZReport:
        return shifts.open_shift(
            self.db, self.config, self.who, ShiftOpenIn(id=new_id(), float_amount=float_amount)
        )

    def close_shift(self, counted: int) -> ZReport:
        """Close with the counted cash; the Z report goes to the printer queue (see
        `print_z_report`) and to the screen."""
        shift = self.current_shift()
        if shift is None:
            raise NotFound("no_open_shift", "there is no open shift on this register")
        return shifts.close_shift(
            self.db, self.config, self.who, shift.shift_id, ShiftCloseIn(counted=counted)
        )

    def check_manager(self, pin: str | None) -> str:
        return staff.require_manager(self.db, self.who, pin)

    # --- ringing up ----------------------------------------------------------------------

    def resolve(self, entry: str) -> BasketLine:
        """A typed or scanned entry (`3*code`, a barcode or a SKU) as a basket line."""
        qty, code = parse_entry(entry)
        if code.isdigit() and len(code) in (8, 12, 13, 14):
            found = catalog.lookup_barcode(self.db, code)
            product, price, barcode = found.product, found.unit_price, found.barcode
            grams = found.weight_g
        else:
            product = catalog.get_any_case(self.db, code)
            price, barcode, grams = product.price, None, None
        price, per_kg = pricing.now_price(self.db, self.config.store, product, barcode)
        return BasketLine(
            product.sku,
            product.name,
            qty,
            price,
            product.vat_rate_bp,
            barcode,
            grams,
            per_kg if grams is not None else None,
        )

    def product_name(self, sku: str) -> str:
        try:
            return catalog.get(self.db, sku).name
        except NotFound:
            return sku

    def price_check(self, entry: str) -> tuple[BasketLine, stock.Level]:
        line = self.resolve(entry)
        return line, stock.level(self.db, line.sku)

    def search(self, text: str) -> list[Product]:
        return catalog.search(self.db, text, 30)

    def search_with_stock(self, text: str) -> list[tuple[Product, stock.Level]]:
        """Search results with what is on hand and available, for the live search."""
        return [(p, stock.level(self.db, p.sku)) for p in catalog.search(self.db, text, 30)]

    def warnings(self, basket: Basket, sku: str) -> list[StockWarning]:
        """Below zero, or into units held for click-and-collect, after this basket."""
        return stock_warnings(stock.level(self.db, sku), basket.qty_of(sku), sku)

    def pay(self, basket: Basket, payments: list[PaymentIn]) -> Sale:
        """Commit once: the basket's id is the idempotency key, so a retry after an error
        answers the same sale. Printing is the caller's next step (`print_sale`)."""
        holds = PointsHolds(self.data_dir, self.db)  # points: held at the cloud when online
        sale, _ = sales.record_sale(self.db, self.config, self.who, basket.to_sale(payments), holds)
        self.last_sale = sale
        return sale

    def quote(self, basket: BasketQuoteIn) -> BasketQuoteOut:
        return sales.quote_basket(self.db, self.config, basket)

    def print_labels(self) -> int:
        return labels.print_waiting(self.db, self.config.store, self.printing)

    def recent_purchases(self, customer_id: str) -> list[TimelineItem]:
        """The customer's latest purchases in every store (needs the cloud)."""
        with self._own_db() as db:
            return forward.recent_purchases(self.data_dir, db, customer_id)

    # --- printing (slow devices: the app calls these on a worker thread) ------------------

    def print_sale(self, sale: Sale) -> bool:
        """The receipt; the drawer opens when cash was taken."""
        return self.printing.sale(sale, first_name(self.db, sale.customer_id))

    # --- corrections ---------------------------------------------------------------------

    def local_sale(self, reference: str) -> Sale:
        """A sale of this node by receipt number or receipt QR (no cloud lookup)."""
        return self._find(reference, remote=False).sale

    def void_sale(self, reference: str, manager_pin: str | None, reason: str) -> Sale:
        """Void a committed sale of this node, with a manager's PIN."""
        sale = self.local_sale(reference)
        voids.void_sale(
            self.db,
            self.config,
            self.who,
            sale.id,
            VoidIn(id=new_id(), manager_pin=manager_pin, reason=reason),
        )
        voided = sales.get_sale(self.db, sale.id)
        if self.last_sale is not None and self.last_sale.id == voided.id:
            self.last_sale = voided
        return voided

    # --- returns -------------------------------------------------------------------------

    def find_sale(self, reference: str) -> returns.KnownSale:
        """A receipt number, or the receipt's QR (`OMNISTORE:SALE:<id>`); a sale of another
        store is asked of the cloud, which may be slow or unreachable (the message says so).
        Safe on a worker thread: it uses a connection of its own."""
        with self._own_db() as db:
            return self._find(reference, remote=True, db=db)

    def refund(
        self,
        sale: Sale | None,
        lines: dict[str, int],
        refunds: list[RefundIn] | None,
        manager_pin: str | None = None,
        return_id: str | None = None,
    ) -> Return:
        """Record a return once (`return_id` makes a retry safe). A sale of another store
        may be asked of the cloud again, so this too runs on a worker thread."""
        request = ReturnIn(
            id=return_id or new_id(),
            sale_id=sale.id if sale else None,
            lines=[ReturnLineIn(sku=sku, qty=qty) for sku, qty in lines.items() if qty],
            refunds=refunds,
            manager_pin=manager_pin,
        )
        with self._own_db() as db:
            lookup = cloud_sale_lookup(self.data_dir, db)
            ret, _ = returns.record_return(db, self.config, self.who, request, lookup)
        return ret

    def quote_return(
        self, sale: returns.KnownSale | None, lines: dict[str, int]
    ) -> list[ReturnLine]:
        """The edge's check and price of a return in progress (nothing recorded)."""
        return returns.quote(self.db, sale, lines)

    def left_to_return(self, sale: returns.KnownSale) -> dict[str, int]:
        return returns.left_to_return(self.db, sale)

    def hand_back(self, sale: Sale) -> list[Payment]:
        """What voiding this sale gives back, per tender."""
        return voids.hand_back(sale)

    @contextmanager
    def _own_db(self) -> Iterator[Database]:
        db = open_db(node.db_path(self.data_dir), migrate=False)
        try:
            yield db
        finally:
            db.close()

    def _find(
        self, reference: str, *, remote: bool, db: Database | None = None
    ) -> returns.KnownSale:
        db = db or self.db
        reference = reference.strip()
        if not reference:
            raise NotFound("unknown_sale", "scan the receipt's QR or type its number")
        sale_id = parse_receipt_qr(reference)
        receipt_no = None if sale_id else reference
        lookup = cloud_sale_lookup(self.data_dir, db) if remote else None
        return returns.find_sale(db, sale_id, receipt_no, lookup)

    # --- stores together (worker threads: each call may wait for the cloud) ----------------

    def stock_elsewhere(self, sku: str) -> StockElsewhere:
        with self._own_db() as db:
            return together.stock_elsewhere(db, self.data_dir, self.config, sku)

    def place_aisle_order(self, body: AisleOrderIn) -> Order:
        with self._own_db() as db:
            return together.place_order(db, self.data_dir, self.config, self.who, body)

    def print_pickup_slip(self, order: Order, pickup_store: str) -> bool:
        names = {line.sku: self.product_name(line.sku) for line in order.lines}
        return slips.pickup_slip(self.printing, order, names, pickup_store)

    # --- status --------------------------------------------------------------------------

    def status(self) -> dict[str, Any]:
        report = sync_status(self.db, self.config)
        report["printer"] = self.printing.queue.state
        report["print_pending"] = len(self.printing.queue.pending())
        return report

    @property
    def who(self) -> Actor:
        if self.actor is None:
            raise OmnistoreError("not_signed_in", "sign in first")
        return self.actor
