"""Small builders for pricing tests: promotions and basket lines with sensible defaults."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from shared.pricing.engine import BasketLine, Manual
from shared.pricing.models import Promotion

T0 = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
CATALOGUE = {  # sku: (price, vat_rate_bp, category)
    "JUICE": (250, 700, "drinks/juice"),
    "WINE": (1000, 2000, "drinks/wine"),
    "BREAD": (300, 700, "bakery"),
    "SOAP": (199, 2000, "home"),
    "SANDWICH": (350, 700, "food/deli"),
    "CRISPS": (120, 2000, "food/snacks"),
    "A": (100, 0, "misc"),
    "B": (100, 0, "misc"),
    "C": (100, 0, "misc"),
}


def promo(pid: str, kind: str, params: dict[str, Any], **extra: Any) -> Promotion:
    """A promotion in force since before T0, chain-wide, unless told otherwise."""
    return Promotion(
        id=pid,
        name=extra.pop("name", pid),
        kind=kind,  # type: ignore[arg-type]
        params=params,
        starts_at=extra.pop("starts_at", datetime(2026, 1, 1, tzinfo=UTC)),
        **extra,
    )


def line(
    key: int,
    sku: str,
    qty: int = 1,
    *,
    override: int | None = None,
    manual: Manual | None = None,
) -> BasketLine:
    price, rate, category = CATALOGUE[sku]
    return BasketLine(
        key=key,
        sku=sku,
        qty=qty,
        unit_price=price if override is None else override,
        vat_rate_bp=rate,
        category=category,
        overridden=override is not None,
        manual=manual,
    )
