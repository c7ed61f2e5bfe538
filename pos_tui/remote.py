"""The till on another machine of the store LAN: every action through the node's lane API
(`pos_tui.lane_client`), printing and the cash drawer on this till's own printer. The remote
implementation of `pos_tui.backend.TillBackend`.

Losing the node: every call that gets no answer raises `NodeLost` and marks the node lost
(the status bar and the sale screen's banner say so at once); the basket stays in the till,
and paying again later sends the same sale id, which the node answers with the first sale."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from edge import slips
from edge.node import NodeConfig
from edge.printing import Printing
from edge.returns import KnownSale
from edge.staff import Actor
from edge.stock import Level
from edge.voids import hand_back
from hardware.receipt import parse_receipt_qr
from pos_tui.backend import Clock, OwnPrinter, ParkedStore, StockWarning, stock_warnings
from pos_tui.basket import Basket, BasketLine, parse_entry
from pos_tui.customer_desk import RemoteCustomers
from pos_tui.lane_client import LaneClient, NodeLost, segment
from pos_tui.pickup import PickupDesk
from shared.aisle import AisleOrderIn
from shared.barcodes import BarcodeError, normalize, parse_variable_measure
from shared.clock import utc_now
from shared.customers import TimelineItem, given_name
from shared.errors import BadRequest, Conflict, Forbidden, NotFound, OmnistoreError
from shared.ids import new_id
from shared.models import (
    CollectIn,
    Order,
    Payment,
    PaymentIn,
    PricedProduct,
    Product,
    RefundIn,
    Return,
    ReturnIn,
    ReturnLine,
    ReturnLineIn,
    Sale,
    SessionOut,
    ShiftCloseIn,
    ShiftOpenIn,
    VoidIn,
    ZReport,
)
from shared.pricing.models import LabelsPrintedIn, ShelfLabel
from shared.stores import StockElsewhere
from shared.tills import (
    BasketQuoteIn,
    BasketQuoteOut,
    NodeInfo,
    ParkedBasket,
    ParkedIn,
    QuoteOut,
    ReturnableOut,
)

SEEN_EVERY_S = 30.0
POLL_EVERY_S = 1.0


class RemoteSession(OwnPrinter):
    """One remote till: the node's URL, this till's register, its own printer."""

    def __init__(
        self,
        node_url: str,
        *,
        register: str = "1",
        till_name: str = "",
        enrolled: bool = True,
        on_enrolled: Callable[[], None] | None = None,
        info: NodeInfo | None = None,
        printer: Any | None = None,
        printer_spec: str = "dummy",
        paper_mm: int = 80,
        clock: Clock = utc_now,
    ) -> None:
        self.lane = LaneClient(node_url)
        self.info = info or NodeInfo.model_validate(self.lane.call("GET", "/node"))
        self.register = register
        self.till_name = till_name or f"till {register}"
        self.enrolled = enrolled
        self.on_enrolled = on_enrolled
        self.clock = clock
        self.actor: Actor | None = None
        self.last_sale: Sale | None = None
        own = NodeConfig(
            store=self.info.store,
            name=self.info.name,
            cloud_url="",
            keyid="",
            currency=self.info.currency,
            printer=printer_spec,
        )
        self.printing = Printing(own, paper_mm=paper_mm, printer=printer)
        self.parked: ParkedStore = RemoteParked(self.lane)
        self.pickups: PickupDesk | None = RemotePickupDesk(self.lane)
        self.customers = RemoteCustomers(self.lane)
        self._shift: ZReport | None = None
        self._shift_known = False
        self._left: dict[str, dict[str, int]] = {}
        self._status: dict[str, Any] = {"store": self.info.store, "online": False}
        self._seen_at = 0.0
        self._poller: threading.Thread | None = None
        self._stop = threading.Event()

    @property
    def currency(self) -> str:
        return self.info.currency

    @property
    def store_name(self) -> str:
        return self.info.name

    @property
    def who(self) -> Actor:
        if self.actor is None:
            raise OmnistoreError("not_signed_in", "sign in first")
        return self.actor

    # --- enrolment -----------------------------------------------------------------------

    def needs_enrolment(self) -> bool:
        return not self.enrolled

    def enrol(self, manager: str, pin: str) -> str:
        """A manager signs in at this till once to enrol its register with the node."""
        answer = self._sign_in(manager, pin)
        try:
            self.lane.call(
                "POST",
                "/tills",
                body={"register": self.register, "name": self.till_name},
                token=answer.token,
            )
        finally:
            self._quietly("DELETE", "/sessions/current", token=answer.token)
        self.enrolled = True
        if self.on_enrolled is not None:
            self.on_enrolled()
        return answer.name

    # --- staff and shifts ----------------------------------------------------------------

    def sign_in(self, name: str, pin: str) -> Actor:
        answer = self._sign_in(name, pin)
        self.lane.token = answer.token
        self.actor = Actor(answer.name, answer.role, answer.register)
        self._shift, self._shift_known = None, False
        self._seen(force=True)
        return self.actor

    def _sign_in(self, name: str, pin: str) -> SessionOut:
        body = {"name": name, "pin": pin, "register": self.register}
        return SessionOut.model_validate(self.lane.call("POST", "/sessions", body=body))

    def sign_out(self) -> None:
        if self.lane.token:
            self._quietly("DELETE", "/sessions/current")
        self.lane.token = None
        self.actor = None
        self.last_sale = None
        self._shift, self._shift_known = None, False

    def current_shift(self) -> ZReport | None:
        """The register's open shift as the node last said (asked at sign-in, then kept
        fresh by the status thread, so the status bar never waits for the node); with the
        node lost, the one last seen (nothing can be sold meanwhile anyway)."""
        if self.actor is None:
            return None
        if not self._shift_known:
            self._fetch_shift()
        return self._shift

    def _fetch_shift(self) -> None:
        try:
            self._shift = ZReport.model_validate(self.lane.call("GET", "/shifts/current"))
        except NotFound:
            self._shift = None
        except NodeLost:
            return
        self._shift_known = True

    def open_shift(self, float_amount: int) -> ZReport:
        body = ShiftOpenIn(id=new_id(), float_amount=float_amount).model_dump(mode="json")
        self._shift = ZReport.model_validate(self.lane.call("POST", "/shifts", body=body))
        self._shift_known = True
        return self._shift

    def close_shift(self, counted: int) -> ZReport:
        self._fetch_shift()
        shift = self.current_shift()
        if shift is None:
            raise NotFound("no_open_shift", "there is no open shift on this register")
        body = ShiftCloseIn(counted=counted).model_dump(mode="json")
        path = f"/shifts/{segment(shift.shift_id)}/close"
        report = ZReport.model_validate(self.lane.call("POST", path, body=body))
        self._shift, self._shift_known = None, True
        return report

    def check_manager(self, pin: str | None) -> str:
        if self.who.role == "manager":
            return self.who.name
        if pin is None:
            raise Forbidden("manager_pin_required", "this needs a manager's approval")
        return str(self.lane.call("POST", "/approvals", body={"manager_pin": pin})["manager"])

    # --- ringing up ----------------------------------------------------------------------

    def resolve(self, entry: str) -> BasketLine:
        """A typed or scanned entry (`3*code`, a barcode or a SKU) as a basket line."""
        qty, code = parse_entry(entry)
        if code.isdigit() and len(code) in (8, 12, 13, 14):
            found = self._by_barcode(code)
            barcode = normalize(code)
            measure = parse_variable_measure(barcode)
            weighed = measure is not None and measure.kind == "weight"
            own_code = barcode in found.barcodes
            grams = measure.value if measure and weighed and not own_code else None
            product: Product = found
            price = found.unit_price
        else:
            product = self._by_sku(code)
            price, barcode, grams = product.price, None, None
        return BasketLine(
            product.sku,
            product.name,
            qty,
            price,
            product.vat_rate_bp,
            barcode,
            grams,
            product.price if grams is not None else None,
        )

    def _by_barcode(self, code: str) -> PricedProduct:
        try:
            normalize(code)
        except BarcodeError as exc:
            raise BadRequest("bad_barcode", str(exc)) from exc
        found = self.lane.call("GET", "/products/lookup", params={"barcode": code})
        return PricedProduct.model_validate(found)

    def _by_sku(self, sku: str) -> Product:
        """Exact SKU first, then the same SKU in any case (as the local till does)."""
        try:
            return Product.model_validate(self.lane.call("GET", f"/products/{segment(sku)}"))
        except (NotFound, BadRequest):
            pass
        folded = sku.casefold()
        for candidate in self._search(sku, 50):
            if candidate.sku.casefold() == folded:
                return candidate
        raise NotFound("unknown_product", f"no product with SKU {sku}")

    def product_name(self, sku: str) -> str:
        try:
            return str(self.lane.call("GET", f"/products/{segment(sku)}")["name"])
        except OmnistoreError:
            return sku

    def level(self, sku: str) -> Level:
        found = self.lane.call("GET", f"/stock/{segment(sku)}")
        return Level(found["on_hand"], found["reserved"], found["available"])

    def price_check(self, entry: str) -> tuple[BasketLine, Level]:
        line = self.resolve(entry)
        return line, self.level(line.sku)

    def search(self, text: str) -> list[Product]:
        return self._search(text, 30)

    def _search(self, text: str, limit: int) -> list[Product]:
        found = self.lane.call("GET", "/products", params={"q": text, "limit": limit})
        return [Product.model_validate(item) for item in found["items"]]

    def search_with_stock(self, text: str) -> list[tuple[Product, Level]]:
        return [(p, self.level(p.sku)) for p in self.search(text)]

    def warnings(self, basket: Basket, sku: str) -> list[StockWarning]:
        """Warnings never block: a node that does not answer just gives none."""
        try:
            level = self.level(sku)
        except OmnistoreError:
            return []
        return stock_warnings(level, basket.qty_of(sku), sku)

    def pay(self, basket: Basket, payments: list[PaymentIn]) -> Sale:
        """Send the sale with the basket's own id. Sent again (the node was lost, or the
        answer was), the node answers the sale it recorded the first time."""
        request = basket.to_sale(payments).model_dump(mode="json")
        try:
            sale = Sale.model_validate(self.lane.call("POST", "/sales", body=request))
        except OmnistoreError as exc:
            if exc.code != "idempotency_conflict":
                raise
            raise Conflict(
                "basket_already_sold",
                "this basket was recorded before the node went away, with other lines or "
                "tenders: F8 voids that sale (its receipt is under F9), then ring up again",
            ) from exc
        self.last_sale = sale
        return sale

    def quote(self, basket: BasketQuoteIn) -> BasketQuoteOut:
        body = basket.model_dump(mode="json", exclude_none=True)
        return BasketQuoteOut.model_validate(self.lane.call("POST", "/baskets/quote", body=body))

    def print_labels(self) -> int:
        """The node's waiting shelf labels, printed here, then marked printed there."""
        waiting = [
            ShelfLabel.model_validate(item) for item in self.lane.call("GET", "/labels")["items"]
        ]
        for label in waiting:
            self.printing.shelf_label(label)
        if waiting:
            body = LabelsPrintedIn(ids=[label.id for label in waiting]).model_dump(mode="json")
            self.lane.call("POST", "/labels/printed", body=body)
        return len(waiting)

    def recent_purchases(self, customer_id: str) -> list[TimelineItem]:
        found = self.lane.call("GET", f"/customers/{segment(customer_id)}/recent")["items"]
        return [TimelineItem.model_validate(item) for item in found]

    # --- other stores (the node forwards to the cloud) -----------------------------------

    def stock_elsewhere(self, sku: str) -> StockElsewhere:
        found = self.lane.call("GET", f"/stock/{segment(sku)}/elsewhere")
        return StockElsewhere.model_validate(found)

    def place_aisle_order(self, body: AisleOrderIn) -> Order:
        placed = self.lane.call("POST", "/orders", body=body.model_dump(mode="json"))
        return Order.model_validate(placed)

    def print_pickup_slip(self, order: Order, pickup_store: str) -> bool:
        names = {line.sku: self.product_name(line.sku) for line in order.lines}
        return slips.pickup_slip(self.printing, order, names, pickup_store)

    # --- printing on this till's printer -------------------------------------------------

    def print_sale(self, sale: Sale) -> bool:
        """The receipt (with the customer's first name), the drawer when cash was taken."""
        return self.printing.sale(sale, self._first_name(sale.customer_id))

    def _first_name(self, customer_id: str | None) -> str | None:
        if customer_id is None:
            return None
        try:
            found = self.customers.find_by_id(customer_id)
        except OmnistoreError:  # erased, or the node went away: the receipt goes without
            return None
        return given_name(found.name)

    # --- corrections and returns ---------------------------------------------------------

    def local_sale(self, reference: str) -> Sale:
        """A sale of this node by receipt number or receipt QR."""
        reference = reference.strip()
        if not reference:
            raise NotFound("unknown_sale", "scan the receipt's QR or type its number")
        sale_id = parse_receipt_qr(reference)
        if sale_id is not None:
            return Sale.model_validate(self.lane.call("GET", f"/sales/{segment(sale_id)}"))
        found = self.lane.call("GET", "/sales", params={"receipt_no": reference})["items"]
        if not found:
            raise NotFound("unknown_sale", f"no sale {reference} at this node")
        return Sale.model_validate(found[0])

    def void_sale(self, reference: str, manager_pin: str | None, reason: str) -> Sale:
        sale = self.local_sale(reference)
        body = VoidIn(id=new_id(), manager_pin=manager_pin, reason=reason)
        self.lane.call("POST", f"/sales/{segment(sale.id)}/void", body=body.model_dump())
        voided = Sale.model_validate(self.lane.call("GET", f"/sales/{segment(sale.id)}"))
        if self.last_sale is not None and self.last_sale.id == voided.id:
            self.last_sale = voided
        return voided

    def find_sale(self, reference: str) -> KnownSale:
        """A receipt number or QR; the node asks the cloud for another store's sale."""
        reference = reference.strip()
        if not reference:
            raise NotFound("unknown_sale", "scan the receipt's QR or type its number")
        sale_id = parse_receipt_qr(reference)
        params = {"sale_id": sale_id} if sale_id else {"receipt_no": reference}
        found = ReturnableOut.model_validate(self.lane.call("GET", "/returnable", params=params))
        self._left[found.sale.id] = found.left
        return KnownSale(found.sale, found.returned)

    def refund(
        self,
        sale: Sale | None,
        lines: dict[str, int],
        refunds: list[RefundIn] | None,
        manager_pin: str | None = None,
        return_id: str | None = None,
    ) -> Return:
        request = ReturnIn(
            id=return_id or new_id(),
            sale_id=sale.id if sale else None,
            lines=[ReturnLineIn(sku=sku, qty=qty) for sku, qty in lines.items() if qty],
            refunds=refunds,
            manager_pin=manager_pin,
        )
        body = request.model_dump(mode="json", exclude_none=True)
        ret = Return.model_validate(self.lane.call("POST", "/returns", body=body))
        if sale is not None:
            self._left.pop(sale.id, None)
        return ret

    def quote_return(self, sale: KnownSale | None, lines: dict[str, int]) -> list[ReturnLine]:
        wanted = [{"sku": sku, "qty": qty} for sku, qty in lines.items() if qty > 0]
        if not wanted:
            return []
        body: dict[str, Any] = {"lines": wanted}
        if sale is not None:
            body["sale_id"] = sale.sale.id
        return QuoteOut.model_validate(self.lane.call("POST", "/returns/quote", body=body)).lines

    def left_to_return(self, sale: KnownSale) -> dict[str, int]:
        """As the node said when the sale was found (it checks again when recording)."""
        if sale.sale.id not in self._left:
            self.find_sale(f"OMNISTORE:SALE:{sale.sale.id}")
        return dict(self._left[sale.sale.id])

    def hand_back(self, sale: Sale) -> list[Payment]:
        return hand_back(sale)

    # --- status --------------------------------------------------------------------------

    def status(self) -> dict[str, Any]:
        """The node's sync status as last polled (a thread polls it, so a node that hangs
        never freezes the till), `node_lost` as of the last call, and this till's printer."""
        if self._poller is None:
            self._poller = threading.Thread(target=self._poll, name="node-status", daemon=True)
            self._poller.start()
        report = dict(self._status)
        report["node_lost"] = not self.lane.online
        if report["node_lost"]:
            report["online"] = False
        report["node_url"] = self.lane.url
        report["printer"] = self.printing.queue.state
        report["print_pending"] = len(self.printing.queue.pending())
        return report

    def _poll(self) -> None:
        while not self._stop.wait(POLL_EVERY_S):
            self.poll_once()

    def poll_once(self) -> None:
        """Ask the node how it is (and say this till is alive, now and then)."""
        try:
            if self.lane.token:
                self._status = dict(self.lane.call("GET", "/sync/status"))
                self._fetch_shift()
                self._seen()
            else:
                self._status = {**dict(self.lane.call("GET", "/node")), "online": False}
        except OmnistoreError:
            pass

    def _seen(self, force: bool = False) -> None:
        if not self.enrolled or not (force or time.monotonic() - self._seen_at > SEEN_EVERY_S):
            return
        self._seen_at = time.monotonic()
        self._quietly("POST", f"/tills/{segment(self.register)}/seen")

    def _quietly(self, method: str, path: str, token: str | None = None) -> None:
        with contextlib.suppress(OmnistoreError):
            self.lane.call(method, path, token=token)

    def close(self) -> None:
        self._stop.set()
        self.lane.close()


class RemoteParked:
    """Parked baskets kept by the node, on the open shift of the session's register."""

    def __init__(self, lane: LaneClient) -> None:
        self.lane = lane

    def all(self, shift_id: str | None = None) -> list[Basket]:
        return [_basket(b) for b in self._parked()]

    def park(self, basket: Basket, shift_id: str | None = None) -> None:
        body = ParkedIn.model_validate(
            {
                "sale_id": basket.sale_id,
                "lines": [asdict(line) for line in basket.lines],
                "coupons": basket.coupons,
                "discount": basket.discount,
                "customer_id": None if basket.customer is None else basket.customer.id,
            }
        )
        self.lane.call("POST", "/parked", body=body.model_dump(mode="json", exclude_none=True))

    def resume(self, index: int = -1, shift_id: str | None = None) -> Basket:
        chosen = self._parked()[index]
        taken = ParkedBasket.model_validate(
            self.lane.call("DELETE", f"/parked/{segment(chosen.sale_id)}")
        )
        basket = _basket(taken)
        if taken.customer_id is not None:
            with contextlib.suppress(OmnistoreError):  # erased since, or the node went away
                basket.customer = RemoteCustomers(self.lane).find_by_id(taken.customer_id)
        return basket

    def _parked(self) -> list[ParkedBasket]:
        found = self.lane.call("GET", "/parked")["items"]
        return [ParkedBasket.model_validate(item) for item in found]


def _basket(parked: ParkedBasket) -> Basket:
    lines = [BasketLine(**line.model_dump(mode="json", exclude_none=True)) for line in parked.lines]
    discount = None if parked.discount is None else parked.discount.model_dump(exclude_none=True)
    return Basket(parked.sale_id, lines, coupons=list(parked.coupons), discount=discount)


class RemotePickupDesk:
    """Click-and-collect handover through the lane API."""

    def __init__(self, lane: LaneClient) -> None:
        self.lane = lane

    def ready(self) -> list[Order]:
        found = self.lane.call("GET", "/orders", params={"status": "ready"})["items"]
        return [Order.model_validate(item) for item in found]

    def get(self, order_id: str) -> Order:
        return Order.model_validate(self.lane.call("GET", f"/orders/{segment(order_id)}"))

    def hand_over(self, order_id: str, pickup_code: str) -> Order:
        body = CollectIn(pickup_code=pickup_code).model_dump()
        return Order.model_validate(
            self.lane.call("POST", f"/orders/{segment(order_id)}/collect", body=body)
        )
