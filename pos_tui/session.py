"""What the POS may do, in one UI-free object: it calls edge services (never SQL), the
printer queue and the status, for the signed-in cashier on this register."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from edge import catalog, node, orders, returns, sales, shifts, staff, stock, voids
from edge.printing import Printing
from edge.staff import Actor
from edge.status import sync_status
from edge.storage.db import open_db
from edge.sync.lookup import cloud_sale_lookup
from pos_tui.basket import Basket, BasketLine, parse_entry
from shared.clock import utc_now
from shared.errors import NotFound, OmnistoreError
from shared.ids import new_id
from shared.models import (
    CollectIn,
    Order,
    PaymentIn,
    Product,
    RefundIn,
    Return,
    ReturnIn,
    ReturnLineIn,
    Sale,
    ShiftCloseIn,
    ShiftOpenIn,
    VoidIn,
    ZReport,
)

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class StockWarning:
    """Shown, never blocking: the sale goes through regardless."""

    sku: str
    message: str


class PosSession:
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

    # --- staff and shifts ----------------------------------------------------------------

    def sign_in(self, name: str, pin: str) -> Actor:
        _, self.actor, _ = staff.sign_in(self.db, name, pin, self.register)
        return self.actor

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
        shift = self.current_shift()
        if shift is None:
            raise NotFound("no_open_shift", "there is no open shift on this register")
        report = shifts.close_shift(
            self.db, self.config, shift.shift_id, ShiftCloseIn(counted=counted)
        )
        self.printing.z_report(report)
        return report

    def check_manager(self, pin: str | None) -> str:
        return staff.require_manager(self.db, self.who, pin)

    # --- ringing up ----------------------------------------------------------------------

    def resolve(self, entry: str) -> BasketLine:
        """A typed or scanned entry (`3*code`, a barcode or a SKU) as a basket line."""
        qty, code = parse_entry(entry)
        if code.isdigit() and len(code) in (8, 12, 13, 14):
            found = catalog.lookup_barcode(self.db, code)
            product, price, barcode = found.product, found.unit_price, found.barcode
        else:
            product = catalog.get(self.db, code)
            price, barcode = product.price, None
        return BasketLine(product.sku, product.name, qty, price, product.vat_rate_bp, barcode)

    def price_check(self, entry: str) -> tuple[BasketLine, stock.Level]:
        line = self.resolve(entry)
        return line, stock.level(self.db, line.sku)

    def search(self, text: str) -> list[Product]:
        return catalog.search(self.db, text, 30)

    def warnings(self, basket: Basket, sku: str) -> list[StockWarning]:
        """Below zero, or into units held for click-and-collect, after this basket."""
        level = stock.level(self.db, sku)
        wanted = basket.qty_of(sku)
        if level.on_hand - wanted < 0:
            return [StockWarning(sku, f"{sku}: stock goes below zero ({level.on_hand - wanted})")]
        if level.available - wanted < 0:
            return [
                StockWarning(
                    sku,
                    f"{sku}: takes units reserved for click-and-collect "
                    f"({level.reserved} reserved)",
                )
            ]
        return []

    def pay(self, basket: Basket, payments: list[PaymentIn]) -> Sale:
        """Commit once (the basket's id is the idempotency key), then print."""
        sale, _ = sales.record_sale(self.db, self.config, self.who, basket.to_sale(payments))
        self.last_sale = sale
        self.printing.sale(sale)
        return sale

    def void_last_sale(self, manager_pin: str | None, reason: str) -> Sale:
        if self.last_sale is None:
            raise NotFound("no_sale", "no sale on this till yet")
        voids.void_sale(
            self.db,
            self.config,
            self.who,
            self.last_sale.id,
            VoidIn(id=new_id(), manager_pin=manager_pin, reason=reason),
        )
        self.last_sale = sales.get_sale(self.db, self.last_sale.id)
        return self.last_sale

    def reprint_last(self) -> bool:
        return self.printing.queue.reprint_last()

    # --- returns -------------------------------------------------------------------------

    def find_sale(self, reference: str) -> returns.KnownSale:
        """A receipt number, or the receipt's QR (`OMNISTORE:SALE:<id>`)."""
        from hardware.receipt import parse_receipt_qr

        sale_id = parse_receipt_qr(reference)
        receipt_no = None if sale_id else reference.strip()
        lookup = cloud_sale_lookup(self.data_dir, self.db)
        return returns.find_sale(self.db, sale_id, receipt_no, lookup)

    def refund(
        self,
        sale: Sale | None,
        lines: dict[str, int],
        refunds: list[RefundIn] | None,
        manager_pin: str | None = None,
    ) -> Return:
        request = ReturnIn(
            id=new_id(),
            sale_id=sale.id if sale else None,
            lines=[ReturnLineIn(sku=sku, qty=qty) for sku, qty in lines.items() if qty],
            refunds=refunds,
            manager_pin=manager_pin,
        )
        lookup = cloud_sale_lookup(self.data_dir, self.db)
        ret, _ = returns.record_return(self.db, self.config, self.who, request, lookup)
        self.printing.refund(ret)
        return ret

    # --- click-and-collect ---------------------------------------------------------------

    def ready_orders(self) -> list[Order]:
        return orders.list_orders(self.db, "ready")

    def hand_over(self, order_id: str, code: str) -> Order:
        return orders.collect(self.db, self.config, order_id, CollectIn(pickup_code=code))

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
