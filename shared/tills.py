"""Wire models of remote tills (SPEC §11): the node's identity for a till, till enrolment,
manager approvals, parked baskets kept by the node, and what a return needs to check lines
as they are scanned."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from shared.models import (
    MAX_QTY,
    CouponCode,
    Id,
    Input,
    Instant,
    LineDiscount,
    ManualDiscount,
    ManualDiscountIn,
    Money,
    Name,
    Output,
    Pin,
    PriceOverride,
    PriceOverrideIn,
    RegisterCode,
    ReturnLine,
    ReturnLineIn,
    Sale,
    SaleLineIn,
    Sku,
    VatRate,
)

BarcodeText = Annotated[str, StringConstraints(pattern=r"^[0-9]{8,14}$")]


class NodeInfo(Output):
    """What a till must know of its node before anyone signs in."""

    store: str
    name: str
    currency: str


class TillIn(Input):
    register: RegisterCode = Field()
    name: Name


class Till(Output):
    """A till the store knows: enrolled once with a manager's approval."""

    register: str = Field()
    name: str
    enrolled_at: Instant
    enrolled_by: str
    last_seen: Instant | None = None


class ApprovalIn(Input):
    manager_pin: Pin


class Approval(Output):
    manager: str


class ParkedLine(Input):
    """A basket line as the till rang it up (price and name as shown to the customer)."""

    sku: Sku
    name: Annotated[str, StringConstraints(max_length=200)]
    qty: Annotated[int, Field(ge=1, le=MAX_QTY)]
    unit_price: Money
    vat_rate_bp: VatRate
    barcode: BarcodeText | None = None
    weight_g: Annotated[int, Field(ge=0, le=10**7)] | None = None
    price_per_kg: Money | None = None
    discount: ManualDiscountIn | None = None  # the cashier's manual discount on the line
    override: PriceOverrideIn | None = None  # a manager's price override


class ParkedIn(Input):
    """A basket to put aside with everything the cashier did to it (a manager's PIN is
    never kept: it is asked again when the basket is paid)."""

    sale_id: Id
    lines: Annotated[list[ParkedLine], Field(min_length=1, max_length=500)]
    coupons: Annotated[list[CouponCode], Field(max_length=10)] = []
    discount: ManualDiscountIn | None = None
    customer_id: Id | None = None


class ParkedLineOut(Output):
    """A parked line as the node answers it (a discount's unused half is null here)."""

    sku: str
    name: str
    qty: int
    unit_price: int
    vat_rate_bp: int
    barcode: str | None = None
    weight_g: int | None = None
    price_per_kg: int | None = None
    discount: ManualDiscount | None = None
    override: PriceOverride | None = None


class ParkedBasket(Output):
    """A basket put aside on a register's open shift; its sale id stays its own."""

    sale_id: str
    register: str = Field()
    shift_id: str
    cashier: str
    parked_at: Instant
    lines: list[ParkedLineOut]
    coupons: list[str] = []
    discount: ManualDiscount | None = None
    customer_id: str | None = None


class ReturnableOut(Output):
    """A sale to take a return against (this store's or, through the cloud, another's) and,
    per SKU, what was returned and what may still come back."""

    sale: Sale
    returned: dict[str, int]
    left: dict[str, int]


class QuoteIn(Input):
    sale_id: Id | None = None
    lines: Annotated[list[ReturnLineIn], Field(min_length=1, max_length=500)]


class QuoteOut(Output):
    lines: list[ReturnLine]


class BasketQuoteIn(Input):
    """A basket as it stands at a till, to be priced as the sale will be (nothing is
    recorded): its lines with what the cashier did to them, coupons, the basket discount,
    and the customer attached (member prices)."""

    lines: Annotated[list[SaleLineIn], Field(min_length=1, max_length=500)]
    coupons: Annotated[list[CouponCode], Field(max_length=10)] = []
    discount: ManualDiscountIn | None = None
    customer_id: Id | None = None


class QuotedLine(Output):
    sku: str
    qty: int
    unit_price: Money
    total: Money
    discounts: list[LineDiscount] = []


class BasketQuoteOut(Output):
    """Each line's paid total and its discounts, the basket total, and whether a manager
    must approve (a manual discount over the cap, a price override)."""

    lines: list[QuotedLine]
    total: Money
    needs_manager: bool
