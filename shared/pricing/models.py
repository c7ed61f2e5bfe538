"""Wire models of the price book: price versions, promotions, pricing settings, and the manual
discounts and price overrides a sale line or basket may carry."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from shared.models import (
    BasisPoints,
    Category,
    CouponCode,
    Id,
    Input,
    Instant,
    Money,
    Name,
    Output,
    PositiveMoney,
    Sku,
    StoreCode,
)

PromotionKind = Literal[
    "percent_off", "amount_off", "multibuy", "bundle", "member_price", "basket_percent_off"
]
LINE_KINDS = ("percent_off", "amount_off", "multibuy", "bundle", "member_price")
Stores = Annotated[list[StoreCode], Field(min_length=1, max_length=500)]
DEFAULT_CAP_BP = 1000


class _Params(BaseModel):
    """Parameters of one promotion kind: unknown keys refused, numbers must be integers."""

    model_config = ConfigDict(extra="forbid", strict=True)


class PercentParams(_Params):
    percent_bp: BasisPoints


class AmountParams(_Params):
    amount: PositiveMoney


class MultibuyParams(_Params):
    buy: Annotated[int, Field(ge=2, le=100)]
    pay: Annotated[int, Field(ge=1, le=99)]

    @model_validator(mode="after")
    def _pay_less(self) -> MultibuyParams:
        if self.pay >= self.buy:
            raise ValueError("pay must be less than buy")
        return self


class BundleParams(_Params):
    skus: Annotated[list[Sku], Field(min_length=2, max_length=20)]
    price: Money

    @model_validator(mode="after")
    def _distinct(self) -> BundleParams:
        if len(set(self.skus)) != len(self.skus):
            raise ValueError("each SKU of a bundle may be listed once")
        return self


class MemberParams(_Params):
    price: Money


class BasketParams(_Params):
    min_total: Money
    percent_bp: BasisPoints


PARAMS: dict[str, type[_Params]] = {
    "percent_off": PercentParams,
    "amount_off": AmountParams,
    "multibuy": MultibuyParams,
    "bundle": BundleParams,
    "member_price": MemberParams,
    "basket_percent_off": BasketParams,
}


def _check_span(starts_at: Any, ends_at: Any) -> None:
    if ends_at is not None and ends_at <= starts_at:
        raise ValueError("ends_at must be after starts_at")


class PriceVersionIn(Input):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "0192f0c4-8e1a-7c3b-9d2e-5f6a7b8c9d0e",
                    "sku": "MILK",
                    "price": 119,
                    "starts_at": "2026-12-02T06:00:00Z",
                }
            ]
        }
    )
    id: Id
    sku: Sku
    price: Money
    starts_at: Instant
    ends_at: Instant | None = None
    stores: Stores | None = None

    @model_validator(mode="after")
    def _span(self) -> PriceVersionIn:
        _check_span(self.starts_at, self.ends_at)
        return self


class PriceVersion(Output):
    id: str
    sku: str
    price: int
    starts_at: Instant
    ends_at: Instant | None = None
    stores: list[str] | None = None
    created_at: Instant | None = None


class PromotionIn(Input):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "name": "3 for 2 on juice",
                    "kind": "multibuy",
                    "categories": ["drinks/juice"],
                    "params": {"buy": 3, "pay": 2},
                    "starts_at": "2026-12-02T06:00:00Z",
                }
            ]
        }
    )
    name: Name
    kind: PromotionKind
    skus: Annotated[list[Sku], Field(min_length=1, max_length=1000)] | None = None
    categories: Annotated[list[Category], Field(min_length=1, max_length=100)] | None = None
    params: dict[str, Any]
    starts_at: Instant
    ends_at: Instant | None = None
    stores: Stores | None = None
    coupon: CouponCode | None = None
    members_only: bool = False
    priority: Annotated[int, Field(ge=0, le=1000)] = 0
    stackable: bool = False

    @model_validator(mode="after")
    def _valid(self) -> PromotionIn:
        _check_span(self.starts_at, self.ends_at)
        PARAMS[self.kind].model_validate(self.params)
        return self


class Promotion(Output):
    id: str
    name: str
    kind: PromotionKind
    skus: list[str] | None = None
    categories: list[str] | None = None
    params: dict[str, Any]
    starts_at: Instant
    ends_at: Instant | None = None
    stores: list[str] | None = None
    coupon: str | None = None
    members_only: bool = False
    priority: int = 0
    stackable: bool = False
    updated_at: Instant | None = None


class PromotionEndIn(Input):
    """Ending a promotion: now, or at a given instant (never later than it already ends)."""

    ends_at: Instant | None = None


class PricingSettings(Input):
    manual_discount_cap_bp: Annotated[int, Field(ge=0, le=10_000)] = DEFAULT_CAP_BP


class PricingSettingsOut(Output):
    manual_discount_cap_bp: int = DEFAULT_CAP_BP


class ShelfLabel(Output):
    """A shelf label waiting to be printed: what the shelf shows from `effective_at`."""

    id: str
    sku: str
    name: str
    price: int
    effective_at: Instant
    reason: str
    barcode: str | None = None
    promotions: list[str] = []
    per: str | None = None  # "kg" for goods sold by weight: the price is per kilogram


class LabelsPrintedIn(Input):
    ids: Annotated[list[Id], Field(min_length=1, max_length=500)]


class LabelsPrinted(Output):
    printed: int
