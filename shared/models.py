"""Pydantic wire models: the one definition of every payload, used to validate requests on
both sides and to generate the OpenAPI document."""

from __future__ import annotations

import warnings
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
    model_validator,
)

from shared.barcodes import BarcodeError, normalize
from shared.clock import format_ts, parse_ts
from shared.money import MAX_MONEY

# SPEC's field name `register` shadows ABCMeta.register on BaseModel. Harmless, provided every
# `register` field says `= Field()` or a default: else pydantic takes the method as its default.
warnings.filterwarnings("ignore", message='Field name "register"', category=UserWarning)

UUID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
MAX_QTY = 100_000
MAX_DELTA = 10**9


def _lower(value: str) -> str:
    return value.lower()


def _barcode(value: str) -> str:
    try:
        return normalize(value)
    except BarcodeError as exc:
        raise ValueError(str(exc)) from exc


def _utc(value: datetime | str) -> datetime:
    return parse_ts(value) if isinstance(value, str) else parse_ts(value.isoformat())


Id = Annotated[str, StringConstraints(pattern=UUID_PATTERN), AfterValidator(_lower)]
SKU_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
Sku = Annotated[str, StringConstraints(pattern=SKU_PATTERN)]
STORE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$"
StoreCode = Annotated[str, StringConstraints(pattern=STORE_PATTERN)]
RegisterCode = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9]{1,8}$")]
# GTIN-8/12/13/14 digits; the check digit is checked too (422), which no JSON Schema states.
Barcode = Annotated[
    str, StringConstraints(pattern=r"^(?:[0-9]{8}|[0-9]{12,14})$"), AfterValidator(_barcode)
]
Qty = Annotated[int, Field(ge=1, le=MAX_QTY)]
Money = Annotated[int, Field(ge=0, le=MAX_MONEY)]
PositiveMoney = Annotated[int, Field(ge=1, le=MAX_MONEY)]
Delta = Annotated[int, Field(ge=-MAX_DELTA, le=MAX_DELTA)]
VatRate = Annotated[int, Field(ge=0, le=10_000)]
# Bounds of what a store pushes (SPEC §3): a pushed number outside them is rejected per event,
# never stored, so no sum over stored values can overflow a 64-bit column.
SignedMoney = Annotated[int, Field(ge=-MAX_MONEY, le=MAX_MONEY)]
# Sums over many facts (a shift's totals): wider than one amount, still far inside 64 bits.
MAX_TOTAL = 10**18
Total = Annotated[int, Field(ge=-MAX_TOTAL, le=MAX_TOTAL)]
Count = Annotated[int, Field(ge=0, le=MAX_DELTA)]
Units = Annotated[int, Field(ge=0, le=MAX_QTY)]
Text = Annotated[str, StringConstraints(max_length=500)]
# Some character that is not white space (the value is stripped, then must not be empty).
NOT_BLANK = r"[^\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
Name = Annotated[
    str,
    StringConstraints(min_length=1, max_length=200, strip_whitespace=True, pattern=NOT_BLANK),
]
Pin = Annotated[str, StringConstraints(pattern=r"^[0-9]{4,12}$")]
Instant = Annotated[
    datetime,
    AfterValidator(_utc),
    PlainSerializer(format_ts, return_type=str, when_used="json"),
]
TenderMethod = Literal["cash", "card", "voucher"]
# A sale may also be paid with loyalty points (SPEC §9); they are no money, so never a refund.
PayMethod = Literal["cash", "card", "voucher", "points"]
MovementReason = Literal[
    "sale", "return", "receipt", "adjustment", "count", "transfer_out", "transfer_in", "collect"
]
HqMovementReason = Literal["receipt", "adjustment", "count", "transfer_out", "transfer_in"]
Role = Literal["cashier", "picker", "manager"]
CATEGORY_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,39}(?:/[a-z0-9][a-z0-9_-]{0,39}){0,5}$"
Category = Annotated[str, StringConstraints(pattern=CATEGORY_PATTERN)]
CouponCode = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,40}$")]
BasisPoints = Annotated[int, Field(ge=1, le=10_000)]
Reason = Annotated[str, StringConstraints(min_length=1, max_length=200)]


class Input(BaseModel):
    """Requests: unknown fields and wrong JSON types are refused, never coerced."""

    model_config = ConfigDict(extra="forbid", strict=True)


class Output(BaseModel):
    """Answers and replicated records."""

    model_config = ConfigDict(extra="ignore")


# --- catalogue -------------------------------------------------------------------------


class ProductIn(Input):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"name": "Milk 1L", "price": 129, "vat_rate_bp": 700}]}
    )
    name: Name
    price: Money
    vat_rate_bp: VatRate
    barcodes: Annotated[list[Barcode], Field(max_length=20)] = []
    active: bool = True
    location: Annotated[str, StringConstraints(max_length=40)] | None = None
    category: Category | None = None

    @model_validator(mode="after")
    def _distinct_barcodes(self) -> ProductIn:
        if len(set(self.barcodes)) != len(self.barcodes):
            raise ValueError("each barcode may be listed once")
        return self


class Product(Output):
    sku: Sku
    name: str
    price: int
    vat_rate_bp: int
    barcodes: list[str] = []
    active: bool = True
    location: str | None = None
    category: str | None = None
    updated_at: Instant


# --- stock -----------------------------------------------------------------------------


class StockMovementIn(Input):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "0192f0c4-8e1a-7c3b-9d2e-5f6a7b8c9d0e",
                    "sku": "MILK",
                    "delta": 24,
                    "reason": "receipt",
                }
            ]
        }
    )
    id: Id
    sku: Sku
    delta: Annotated[Delta, Field(json_schema_extra={"not": {"const": 0}})]
    reason: HqMovementReason
    note: Text | None = None

    @model_validator(mode="after")
    def _nonzero(self) -> StockMovementIn:
        if self.delta == 0:
            raise ValueError("delta must not be zero")
        return self


class StockMovement(Output):
    id: str
    store: str
    sku: str
    delta: Delta
    reason: MovementReason
    ref: str | None = None
    note: str | None = None
    occurred_at: Instant


class StockCountIn(Input):
    """A shelf count at the store: the node turns it into a correcting `count` movement
    relative to the movements its ledger holds at that moment, never to a clock."""

    id: Id
    counted: Annotated[int, Field(ge=0, le=MAX_DELTA)]
    note: Text | None = None


class StockLevel(Output):
    store: str
    sku: str
    on_hand: int
    reserved: int
    available: int


class StockAvailability(Output):
    """One SKU of a store's availability feed: its level now and when it last changed."""

    sku: str
    on_hand: int
    reserved: int
    available: int
    updated_at: Instant


class StockAvailabilityPage(Output):
    """A page of the availability feed: `next` continues it (null at its end, as in every
    list); `cursor` is where to resume later, also at the end."""

    items: list[StockAvailability]
    next: str | None
    cursor: str


# --- sales and returns -----------------------------------------------------------------


class ManualDiscountIn(Input):
    """A cashier's discount on a line or on the basket: a percentage or an amount, and why."""

    model_config = ConfigDict(
        json_schema_extra={  # exactly one of the two, given as a number (null is not given)
            "oneOf": [
                {"required": ["percent_bp"], "properties": {"percent_bp": {"type": "integer"}}},
                {"required": ["amount"], "properties": {"amount": {"type": "integer"}}},
            ]
        }
    )
    percent_bp: BasisPoints | None = None
    amount: PositiveMoney | None = None
    reason: Reason

    @model_validator(mode="after")
    def _one(self) -> ManualDiscountIn:
        if (self.percent_bp is None) == (self.amount is None):
            raise ValueError("give exactly one of percent_bp or amount")
        return self


class PriceOverrideIn(Input):
    """A manager's unit price for one line instead of the price book's."""

    price: Money
    reason: Reason


class ManualDiscount(Output):
    """A manual discount as recorded: what was given, why, and the manager who approved it
    when it was above the cap (None: within the cap)."""

    percent_bp: int | None = None
    amount: int | None = None
    reason: str = ""
    approved_by: str | None = None


class PriceOverride(Output):
    price: int
    reason: str = ""
    approved_by: str | None = None


class LineDiscount(Output):
    """One part of a line's discount: a promotion (its id and name) or `manual`."""

    source: str
    name: str = ""
    amount: int


class SaleLineIn(Input):
    model_config = ConfigDict(
        json_schema_extra={  # exactly one of sku or barcode, as the validator below says
            "oneOf": [
                {"required": ["sku"], "properties": {"sku": {"type": "string"}}},
                {"required": ["barcode"], "properties": {"barcode": {"type": "string"}}},
            ]
        }
    )
    sku: Sku | None = None
    barcode: Annotated[str, StringConstraints(pattern=r"^(?:[0-9]{8}|[0-9]{12,14})$")] | None = None
    qty: Qty = 1
    discount: ManualDiscountIn | None = None
    price_override: PriceOverrideIn | None = None

    @model_validator(mode="after")
    def _one_key(self) -> SaleLineIn:
        if (self.sku is None) == (self.barcode is None):
            raise ValueError("give exactly one of sku or barcode")
        return self


class PaymentIn(Input):
    method: PayMethod
    amount: PositiveMoney
    ref: Annotated[str, StringConstraints(max_length=64)] | None = None
    points: Annotated[int, Field(ge=1, le=10**9)] | None = None  # with method `points` only

    @model_validator(mode="after")
    def _points(self) -> PaymentIn:
        if (self.method == "points") != (self.points is not None):
            raise ValueError("`points` goes with method `points`, and only with it")
        return self


class SaleIn(Input):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "0192f0c4-8e1a-7c3b-9d2e-000000000001",
                    "lines": [{"sku": "MILK", "qty": 1}],
                    "payments": [{"method": "cash", "amount": 200}],
                }
            ]
        }
    )
    id: Id
    lines: Annotated[list[SaleLineIn], Field(min_length=1, max_length=500)]
    payments: Annotated[list[PaymentIn], Field(min_length=1, max_length=10)]
    customer_id: Id | None = None
    coupons: Annotated[list[CouponCode], Field(max_length=10)] = []
    discount: ManualDiscountIn | None = None
    manager_pin: Pin | None = None


class SaleLine(Output):
    """`unit_price` is the list price (the book's, or the override); `total` what the
    customer paid for the line after every discount, `discount` the difference."""

    sku: str
    name: str = ""
    qty: Qty
    unit_price: Money
    total: Money
    vat_rate_bp: VatRate
    barcode: str | None = None
    discount: Money = 0
    promotions: list[str] = []
    discounts: list[LineDiscount] = []
    manual_discount: ManualDiscount | None = None
    price_override: PriceOverride | None = None


class Payment(Output):
    method: PayMethod
    amount: Money
    ref: str | None = None


class VatSummary(Output):
    rate_bp: VatRate
    gross: Total  # a Z report's VAT: summed over a shift, net of refunds
    vat: Total
    net: Total


class Loyalty(Output):
    """Points of a sale or return: earned (or taken back), redeemed (or given back), and the
    customer's balance as the node knew it right after."""

    earned: int = 0
    redeemed: int = 0
    balance: int = 0


class Sale(Output):
    id: str
    store: str
    register: str = Field()
    receipt_no: str
    occurred_at: Instant
    cashier: str | None = None
    lines: list[SaleLine]
    payments: list[Payment]
    total: Money
    change: Money
    vat: list[VatSummary] = []
    voided: bool = False
    customer_id: str | None = None
    loyalty: Loyalty | None = None
    coupons: list[str] = []
    discount: ManualDiscount | None = None
    member: bool = False


class ReturnableLine(Output):
    sku: str
    qty: int
    unit_price: int
    total: int
    vat_rate_bp: int


class ReturnableTender(Output):
    method: PayMethod
    amount: int


class ReturnableSale(Output):
    """Only what another store needs to take a return of a sale: no cashier, no card
    references."""

    id: str
    store: str
    receipt_no: str
    occurred_at: Instant
    lines: list[ReturnableLine]
    payments: list[ReturnableTender]
    voided: bool = False
    customer_id: str | None = None
    loyalty: Loyalty | None = None  # the points it earned and redeemed (balance left out)

    @classmethod
    def of(cls, sale: Sale) -> ReturnableSale:
        return cls.model_validate(sale.model_dump(include=_RETURNABLE))


_RETURNABLE: Any = {
    "id": True,
    "store": True,
    "receipt_no": True,
    "occurred_at": True,
    "voided": True,
    "customer_id": True,
    "loyalty": {"earned": True, "redeemed": True},
    "lines": {"__all__": set(ReturnableLine.model_fields)},
    "payments": {"__all__": set(ReturnableTender.model_fields)},
}


class SaleLookup(Output):
    """A sale of any store, reduced to what a return needs, and the units already returned
    against it in every store, per SKU."""

    sale: ReturnableSale
    returned: dict[str, int]
    points_back: dict[str, int] = {}  # what returns and voids in every store already gave
    # back of its points, per part: `earn` (taken back), `redeem` (given back)


class ReturnLineIn(Input):
    sku: Sku
    qty: Qty


class RefundIn(Input):
    method: TenderMethod
    amount: PositiveMoney


class ReturnIn(Input):
    model_config = ConfigDict(
        json_schema_extra={  # sale_id or receipt_no, not both
            "not": {
                "required": ["sale_id", "receipt_no"],
                "properties": {"sale_id": {"type": "string"}, "receipt_no": {"type": "string"}},
            }
        }
    )
    id: Id
    sale_id: Id | None = None
    receipt_no: Annotated[str, StringConstraints(min_length=3, max_length=80)] | None = None
    lines: Annotated[list[ReturnLineIn], Field(min_length=1, max_length=500)]
    refunds: Annotated[list[RefundIn], Field(min_length=1, max_length=10)] | None = None
    manager_pin: Pin | None = None
    reason: Text | None = None
    customer_id: Id | None = None

    @model_validator(mode="after")
    def _one_ref(self) -> ReturnIn:
        if self.sale_id is not None and self.receipt_no is not None:
            raise ValueError("give sale_id or receipt_no, not both")
        return self


class ReturnLine(Output):
    sku: str
    name: str = ""
    qty: Qty
    unit_price: Money
    total: Money
    vat_rate_bp: VatRate


class Return(Output):
    id: str
    store: str
    register: str = Field()
    sale_id: str | None = None
    sale_receipt_no: str | None = None
    occurred_at: Instant
    cashier: str | None = None
    lines: list[ReturnLine]
    refunds: list[Payment]
    total: Money
    reason: str | None = None
    customer_id: str | None = None
    loyalty: Loyalty | None = None


class VoidIn(Input):
    id: Id
    manager_pin: Pin | None = None
    reason: Text | None = None


class Void(Output):
    id: str
    sale_id: str
    store: str
    register: str = Field()
    occurred_at: Instant
    cashier: str | None = None
    reason: str | None = None


# --- shifts --------------------------------------------------------------------------


class ShiftOpenIn(Input):
    id: Id
    float_amount: Money


class ShiftCloseIn(Input):
    counted: Money


class TenderTotal(Output):
    method: PayMethod
    amount: Total


class ZReport(Output):
    """The end-of-shift report: what was sold, refunded and voided, and whether the
    cash in the drawer matches what should be there."""

    shift_id: str
    store: str
    register: str = Field()
    cashier: str
    opened_at: Instant
    closed_at: Instant | None = None
    float_amount: Money
    sales_count: Count
    sales_total: Total
    returns_count: Count
    returns_total: Total
    voids_count: Count
    voids_total: Total
    net_total: Total
    tenders: list[TenderTotal]
    vat: list[VatSummary]
    expected_cash: Total
    counted_cash: Money | None = None
    difference: Total | None = None


# --- click-and-collect orders ---------------------------------------------------------

OrderStatus = Literal[
    "placed", "accepted", "picking", "ready", "collected", "cancelled", "expired", "short"
]
OPEN_ORDER_STATUSES = ("placed", "accepted", "picking", "ready", "short")
TERMINAL_ORDER_STATUSES = ("collected", "cancelled", "expired")


class CustomerIn(Input):
    name: Name
    phone: Annotated[str, StringConstraints(max_length=40)] | None = None
    email: Annotated[str, StringConstraints(max_length=200)] | None = None


class OrderLineIn(Input):
    sku: Sku
    qty: Qty


class OrderIn(Input):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "0192f0c4-8e1a-7c3b-9d2e-000000000002",
                    "store": "S1",
                    "customer": {"name": "Kim Lee", "email": "kim@example.com"},
                    "lines": [{"sku": "MILK", "qty": 1}],
                }
            ]
        }
    )
    id: Id
    store: StoreCode
    customer: CustomerIn | None = None
    customer_id: Id | None = None
    lines: Annotated[list[OrderLineIn], Field(min_length=1, max_length=100)]

    @model_validator(mode="after")
    def _distinct(self) -> OrderIn:
        if len({line.sku for line in self.lines}) != len(self.lines):
            raise ValueError("each SKU may appear on one line only")
        if self.customer is None and self.customer_id is None:
            raise ValueError("give customer or customer_id")
        return self


class OrderLine(Output):
    sku: str
    qty: Qty
    picked: Units = 0
    reserved: Units = 0
    short_reason: str | None = None


class Order(Output):
    """An order as both sides store it; `pickup_code` only in the answer that created it."""

    id: str
    store: str
    status: OrderStatus
    customer: dict[str, Any]
    customer_id: str | None = None
    lines: list[OrderLine]
    created_at: Instant
    updated_at: Instant
    expires_at: Instant
    pickup_code: str | None = None
    pickup_qr: str | None = None
    pickup_code_hash: str | None = None


class PickLineIn(Input):
    sku: Sku
    qty: Annotated[int, Field(ge=0, le=MAX_QTY)]


class PickIn(Input):
    lines: Annotated[list[PickLineIn], Field(min_length=1, max_length=100)]


class ShortLineIn(Input):
    sku: Sku
    reason: Annotated[str, StringConstraints(min_length=1, max_length=200)]


class ShortIn(Input):
    lines: Annotated[list[ShortLineIn], Field(min_length=1, max_length=100)]


class CollectIn(Input):
    pickup_code: Annotated[str, StringConstraints(pattern=r"^[0-9]{6}$")]


class OrderEvent(Input):
    """A state change made at the store: picked, short, ready, collected (with movements)."""

    order: Order
    movements: list[StockMovement] = []


# What a subscription receives: `order` (every order.<status> event) and/or `stock.changed`.
WebhookEvents = Literal["order", "stock.changed"]


class WebhookIn(Input):
    url: Annotated[
        str,
        StringConstraints(
            pattern=r"^[Hh][Tt][Tt][Pp][Ss]?://[^/?#\s\x00-\x1f\x7f]+([/?#][^\s\x00-\x1f\x7f]*)?$",
            max_length=500,
        ),
    ]
    secret: Annotated[str, StringConstraints(min_length=16, max_length=200)] | None = None

    events: Annotated[list[WebhookEvents], Field(min_length=1, max_length=2)] = ["order"]


class Webhook(Output):
    id: str
    url: str
    secret: str | None = None
    events: list[WebhookEvents] = ["order"]
    created_at: Instant


# --- staff -----------------------------------------------------------------------------


class SessionIn(Input):
    name: Name
    pin: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    register: RegisterCode = "1"


class SessionOut(Output):
    token: str
    role: Role
    register: str = Field()
    name: str
    expires_at: Instant


# --- what the node answers -------------------------------------------------------------


class NodeStockLevel(Output):
    """One SKU as this node knows it."""

    sku: str
    on_hand: int
    reserved: int
    available: int


class OnHand(Output):
    sku: str
    on_hand: int


class CountOut(Output):
    """A stock count's result: the level now and the correcting movement (none if the count
    matched the ledger)."""

    sku: str
    on_hand: int
    movement: StockMovement | None


class PricedProduct(Product):
    """A product found by barcode, with the price that barcode means (variable-measure
    barcodes carry their own amount)."""

    unit_price: int


class RejectedEvent(Output):
    id: str
    kind: str
    reason: str | None
    occurred_at: str


class SyncStatus(Output):
    """What `omnistore edge status --json` prints."""

    store: str
    outbox_pending: int
    rejected: int
    rejected_events: list[RejectedEvent]
    last_push_at: str | None
    last_pull_at: str | None
    cursor: str | None
    clock_offset_s: float
    online: bool
    last_error: str | None


class Health(Output):
    status: str
    store: str | None = None


# --- sync protocol ---------------------------------------------------------------------

EventKind = Literal[
    "sale", "return", "void", "movement", "shift", "order", "customer", "loyalty", "transfer"
]


class Event(Input):
    """One outbox entry: `id` is the idempotency key the cloud keeps for ever."""

    id: Id
    kind: EventKind
    hlc: Annotated[str, StringConstraints(max_length=100)]
    occurred_at: Instant
    device_time: Instant
    body: dict[str, Any]


class SaleEvent(Input):
    sale: Sale
    movements: list[StockMovement]


class ReturnEvent(Input):
    ret: Return
    movements: list[StockMovement]


class VoidEvent(Input):
    void: Void
    movements: list[StockMovement]


class MovementEvent(Input):
    movement: StockMovement


class ShiftEvent(Input):
    report: ZReport


class PushIn(Input):
    clock_offset_s: float = 0.0
    events: Annotated[list[Event], Field(max_length=500)]


EventStatus = Literal["accepted", "duplicate", "rejected"]


class EventResult(Output):
    id: str
    status: EventStatus
    reason: str | None = None


class PushOut(Output):
    results: list[EventResult]
    server_time: Instant


ChangeKind = Literal[
    "product",
    "movement",
    "order",
    "customer",
    "loyalty",
    "price_version",
    "promotion",
    "pricing_settings",
    "transfer",
]


class Change(Output):
    kind: ChangeKind
    body: dict[str, Any]


class PullOut(Output):
    changes: list[Change]
    cursor: str
    more: bool


class EnrollIn(Input):
    store: StoreCode
    token: Annotated[str, StringConstraints(min_length=4, max_length=200)]
    # 32 bytes as canonical base64url without padding (the last character carries 4 bits)
    public_key: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$")]


class EnrollOut(Output):
    store: str
    name: str
    keyid: str
    currency: str


# --- HQ --------------------------------------------------------------------------------


class StoreInfo(Output):
    code: str
    name: str
    enrolled: bool
    last_sync_at: Instant | None = None


ExceptionKind = Literal[
    "oversell",
    "order_short",
    "cancel_lost_to_collect",
    "rejected_event",
    "clock_skew",
    "points_overdraft",
    "price_mismatch",
    "transfer_discrepancy",
    "cancel_lost_to_ship",
]


class ExceptionRecord(Output):
    id: str
    store: str
    kind: ExceptionKind
    ref: str
    detail: str
    created_at: Instant


class ErrorDetail(Output):
    code: str
    message: str


class ErrorBody(Output):
    error: ErrorDetail
