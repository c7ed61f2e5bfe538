"""Customers and loyalty (SPEC §9): wire models and the pure rules both sides share —
normalising phones (E.164, via phonenumbers) and emails, the earn formula, and how much a
return gives back."""

from __future__ import annotations

import re
from typing import Annotated, Literal

import phonenumbers
from pydantic import ConfigDict, Field, StringConstraints

from shared.barcodes import is_valid_gtin
from shared.errors import Unprocessable
from shared.models import Id, Input, Instant, Money, Name, Output, StoreCode
from shared.money import round_half_up

MAX_POINTS = 10**9
Points = Annotated[int, Field(ge=1, le=MAX_POINTS)]
SignedPoints = Annotated[int, Field(ge=-MAX_POINTS, le=MAX_POINTS)]
PhoneText = Annotated[str, StringConstraints(min_length=1, max_length=40)]
EmailText = Annotated[str, StringConstraints(min_length=3, max_length=200)]
CardText = Annotated[str, StringConstraints(pattern=r"^[0-9]{13}$")]
PointsReason = Literal["earn", "redeem", "reverse", "adjust", "expire"]
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$")


def normalize_phone(text: str, region: str) -> str:
    """E.164 (`+4915112345678`) of a phone as typed; a national number is read in `region`
    (ISO 3166 alpha-2). 422 `bad_phone` for anything its country's plan does not allow."""
    try:
        number = phonenumbers.parse(text, region.upper())
    except phonenumbers.NumberParseException as exc:
        raise Unprocessable("bad_phone", f"not a phone number: {text!r}") from exc
    if not phonenumbers.is_valid_number(number):
        raise Unprocessable("bad_phone", f"not a valid phone number: {text!r}")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalize_email(text: str) -> str:
    """Lower case, trimmed; 422 `bad_email` unless it looks like `local@domain.tld`."""
    email = text.strip().lower()
    if _EMAIL.fullmatch(email) is None:
        raise Unprocessable("bad_email", f"not an email address: {text!r}")
    return email


def check_card(card: str) -> str:
    """A loyalty card is an EAN-13 with a valid check digit (422 `bad_card`)."""
    if len(card) != 13 or not is_valid_gtin(card):
        raise Unprocessable("bad_card", f"not an EAN-13 card number: {card!r}")
    return card


def query_kind(text: str) -> str:
    """What a till's search text is: `card` (13 digits), `email` (has @) or `phone`."""
    text = text.strip()
    if "@" in text:
        return "email"
    return "card" if re.fullmatch(r"[0-9]{13}", text) else "phone"


def earned_points(earn_per_unit: int, money_paid: int, exponent: int) -> int:
    """`earn_per_unit × ⌊money paid / 10^e⌋`: per sale, rounded down."""
    return earn_per_unit * (max(money_paid, 0) // 10**exponent)


def share_back(amount: int, part: int, whole: int, already: int) -> int:
    """What a return of `part` of a sale worth `whole` gives back of `amount` (points earned
    or redeemed): in proportion, half up, never more than is left of it."""
    if whole <= 0 or amount <= 0:
        return 0
    return max(0, min(round_half_up(amount * part, whole), amount - already))


class Consent(Input):
    marketing: bool = False


class CustomerIn(Input):
    """HQ's view of a customer: `PUT /customers/{id}` creates or replaces it."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"name": "Kim Lee", "phone": "+49 151 12345678", "email": "kim@x.org"}]
        }
    )
    name: Name
    phone: PhoneText | None = None
    email: EmailText | None = None
    card: CardText | None = None
    consent: Consent = Consent()


class SignupIn(Input):
    """A sign-up at a till: the till chooses the id, so it works offline."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "0192f0c4-8e1a-7c3b-9d2e-0000000000c1",
                    "name": "Kim",
                    "phone": "+4915112345678",
                }
            ]
        }
    )
    id: Id
    name: Name
    phone: PhoneText | None = None
    email: EmailText | None = None
    card: CardText | None = None


class Customer(Output):
    id: str
    name: str | None = None
    phone: str | None = None
    email: str | None = None
    card: str | None = None
    consent: dict[str, bool] = {"marketing": False}
    created_at: Instant
    updated_at: Instant
    merged_into: str | None = None
    erased: bool = False
    points: int = 0


class IndexEntry(Output):
    """What a node keeps of a customer (the feed's `customer` change): what the till needs
    to find them and show their balance, nothing more."""

    id: str
    name: str | None = None
    phone: str | None = None
    email: str | None = None
    card: str | None = None
    points: int = 0
    merged_into: str | None = None
    erased: bool = False


class MergeIn(Input):
    into: Id


class LoyaltyProgram(Input):
    """Earn `earn_per_unit` points per whole currency unit paid with money; one point is
    worth `point_value` minor units; at least `min_redeem` at once; at most
    `offline_redeem_cap` per customer at a node that cannot reach the cloud. With
    `expire_after_days`, the points of a customer whose points have not moved for that long
    expire (none: points never expire)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"earn_per_unit": 1, "point_value": 1, "min_redeem": 100, "offline_redeem_cap": 500}
            ]
        }
    )
    earn_per_unit: Annotated[int, Field(ge=0, le=10_000)]
    point_value: Annotated[int, Field(ge=1, le=1_000_000)]
    min_redeem: Annotated[int, Field(ge=1, le=MAX_POINTS)]
    offline_redeem_cap: Annotated[int, Field(ge=0, le=MAX_POINTS)]
    expire_after_days: Annotated[int, Field(ge=1, le=3660)] | None = None


DEFAULT_PROGRAM = LoyaltyProgram(earn_per_unit=1, point_value=1, min_redeem=1, offline_redeem_cap=0)


class PointsEntry(Output):
    """One line of the points ledger; `id` is its idempotency key."""

    id: str
    customer_id: str
    delta: SignedPoints
    reason: PointsReason
    ref: str | None = None
    store: str | None = None
    occurred_at: Instant
    hold_id: str | None = None


class PointsAdjustIn(Input):
    id: Id
    delta: Annotated[
        int, Field(ge=-MAX_POINTS, le=MAX_POINTS, json_schema_extra={"not": {"const": 0}})
    ]
    note: Annotated[str, StringConstraints(max_length=64)] | None = None


class HoldIn(Input):
    id: Id
    customer_id: Id
    points: Points
    ref: Id | None = None


class Hold(Output):
    id: str
    customer_id: str
    points: int
    expires_at: Instant
    balance: int


class TimelineItem(Output):
    kind: Literal["sale", "return", "order", "points"]
    id: str
    receipt_no: str | None = None
    store: str | None = None
    channel: Literal["store", "web"]
    at: Instant
    amount: int


class Activity(Output):
    """A sale or return with a customer, as the node tells the cloud (for the timeline)."""

    kind: Literal["sale", "return", "void"]
    id: str
    receipt_no: str | None = None
    store: StoreCode
    at: Instant
    amount: Money


class CustomerEvent(Input):
    """A sign-up at a till, pushed through the outbox."""

    customer: SignupIn
    store: StoreCode
    at: Instant


class LoyaltyEvent(Input):
    """The loyalty side of a sale, return or void: its activity and its points entries."""

    customer_id: Id
    activity: Activity | None = None
    points: Annotated[list[PointsEntry], Field(max_length=10)] = []


class LoyaltyAnswer(Output):
    """What a sale answer says of points: earned, redeemed and the balance now."""

    earned: int
    redeemed: int
    balance: int


class Export(Output):
    customer: Customer
    merged: list[Customer]
    points: list[PointsEntry]
    timeline: list[TimelineItem]


def given_name(name: str | None) -> str | None:
    """What a receipt prints of a customer: the first name only (SPEC privacy: no more than
    the till needs)."""
    return name.split()[0] if name and name.split() else None
