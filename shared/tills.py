"""Wire models of remote tills (SPEC §11): the node's identity for a till, till enrolment,
manager approvals, parked baskets kept by the node, and what a return needs to check lines
as they are scanned."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from shared.models import (
    MAX_QTY,
    Id,
    Input,
    Instant,
    Money,
    Name,
    Output,
    Pin,
    RegisterCode,
    ReturnLine,
    ReturnLineIn,
    Sale,
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


class ParkedIn(Input):
    sale_id: Id
    lines: Annotated[list[ParkedLine], Field(min_length=1, max_length=500)]


class ParkedBasket(Output):
    """A basket put aside on a register's open shift; its sale id stays its own."""

    sale_id: str
    register: str = Field()
    shift_id: str
    cashier: str
    parked_at: Instant
    lines: list[ParkedLine]


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
