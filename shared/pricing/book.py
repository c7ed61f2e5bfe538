"""The price book: a product's own price is the base; a price version in force overrides it;
a store's version beats a chain-wide one; among versions of the same reach in force, the
latest `starts_at` wins (then the greater id, so every side picks the same one)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from shared.barcodes import BarcodeError, parse_variable_measure
from shared.money import round_half_up
from shared.pricing.models import PriceVersion


def in_force(starts_at: datetime, ends_at: datetime | None, at: datetime) -> bool:
    """Half-open: in force from `starts_at` up to, not including, `ends_at`."""
    return starts_at <= at and (ends_at is None or at < ends_at)


def reaches(stores: list[str] | None, store: str) -> bool:
    """Whether a rule for `stores` (None: chain-wide) applies at `store`."""
    return stores is None or store in stores


def effective_price(
    base: int, versions: Iterable[PriceVersion], store: str, at: datetime
) -> tuple[int, PriceVersion | None]:
    """The price of one product at `store` at `at`, and the version that set it (None: base)."""
    best: PriceVersion | None = None
    for version in versions:
        if not reaches(version.stores, store) or not in_force(
            version.starts_at, version.ends_at, at
        ):
            continue
        if best is None or _rank(version) > _rank(best):
            best = version
    return (base if best is None else best.price), best


def _rank(version: PriceVersion) -> tuple[bool, datetime, str]:
    return (version.stores is not None, version.starts_at, version.id)


def list_unit_price(price: int, barcode: str | None, registered: list[str]) -> int:
    """A line's list unit price from its product's effective `price`: a GS1 price-embedded
    code carries its own price, a weight-embedded one prices its grams at `price` per kg
    (half-up); a line by SKU or by one of the product's own barcodes sells at `price`."""
    if barcode is None or barcode in registered:
        return price
    try:
        measure = parse_variable_measure(barcode)
    except BarcodeError:
        return price  # not a code a scale prints (a node recorded it; nothing to read in it)
    if measure is None:
        return price
    if measure.kind == "price":
        return measure.value
    return round_half_up(price * measure.value, 1000)
