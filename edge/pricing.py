"""The price book at the node: rules pulled from the cloud ahead of time, the price of a
product at any moment, the pricing of every sale by the shared engine at the node's
offset-corrected clock (no restart: each sale reads the rules as they are), and shelf labels
queued when a rule will change what a shelf shows."""

from __future__ import annotations

import gc
import threading
import uuid
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from edge import catalog, clock
from edge.storage import catalog as catalog_rows
from edge.storage import pricing as rows
from edge.storage import state
from shared.clock import format_ts
from shared.models import PricedProduct, Product
from shared.pricing.book import effective_price, list_unit_price
from shared.pricing.engine import BasketLine, Manual, PricedBasket, price_basket
from shared.pricing.index import PromotionIndex
from shared.pricing.models import DEFAULT_CAP_BP, PriceVersion, PricingSettingsOut, Promotion

CAP_KEY = "manual_discount_cap_bp"
SETTLE_AT = 1000  # promotions: from this size an index is kept out of the collector
RULES_KEY = "promotions_rev"


def apply_version(db: Database, store: str, version: PriceVersion) -> None:
    """Hold a version from the feed; a label is queued for the moment it starts (and ends)
    when it reaches this store."""
    rows.upsert_version(db, version)
    if version.stores is None or store in version.stores:
        for moment in (version.starts_at, version.ends_at):
            if moment is not None:
                rows.queue_label(db, version.sku, format_ts(moment), "price")


def apply_promotion(db: Database, store: str, promo: Promotion) -> None:
    """Hold a promotion from the feed (replacing the cloud's earlier version of it); labels are
    queued for its products when it starts and ends here."""
    rows.upsert_promotion(db, promo)
    state.put(db, RULES_KEY, str(uuid.uuid4()))
    if promo.stores is not None and store not in promo.stores:
        return
    if promo.coupon is not None or promo.kind == "basket_percent_off":
        return  # nothing a shelf shows
    skus = set(promo.params.get("skus", [])) if promo.kind == "bundle" else set(promo.skus or [])
    for category in promo.categories or ():
        skus.update(catalog_rows.skus_in_category(db, category))
    for sku in sorted(skus):
        for moment in (promo.starts_at, promo.ends_at):
            if moment is not None:
                rows.queue_label(db, sku, format_ts(moment), f"promotion {promo.name}"[:200])


def apply_settings(db: Database, settings: PricingSettingsOut) -> None:
    state.put(db, CAP_KEY, str(settings.manual_discount_cap_bp))


def cap_bp(db: Database) -> int:
    """The manual discount cap HQ set (10 % until the feed says otherwise)."""
    return int(state.get(db, CAP_KEY) or DEFAULT_CAP_BP)


def price_of(db: Database, store: str, product: Product, at: datetime) -> int:
    """A product's price at a moment: the version in force, else its own price."""
    price, _ = effective_price(product.price, rows.versions_of(db, product.sku), store, at)
    return price


def product_at(db: Database, store: str, sku: str, at: datetime | None) -> Product:
    """A product with the price in force `at` (now by the node's corrected clock)."""
    product = catalog.get(db, sku)
    moment = at if at is not None else clock.now(db)[0]
    return product.model_copy(update={"price": price_of(db, store, product, moment)})


def now_price(db: Database, store: str, product: Product, barcode: str | None) -> tuple[int, int]:
    """(list unit price of a scan, the product's price) in force now: what a till shows
    before promotions (a weighed code: its grams at the price per kg in force)."""
    price = price_of(db, store, product, clock.now(db)[0])
    return list_unit_price(price, barcode, product.barcodes), price


def priced(db: Database, store: str, barcode: str) -> PricedProduct:
    """A product by barcode with the price this code means now (price check, lookups)."""
    found = catalog.lookup_barcode(db, barcode)
    price = price_of(db, store, found.product, clock.now(db)[0])
    unit = list_unit_price(price, found.barcode, found.product.barcodes)
    return PricedProduct(**found.product.model_dump() | {"price": price}, unit_price=unit)


@dataclass(frozen=True)
class LineToPrice:
    """A resolved sale line: its product, the code scanned, and what the cashier did."""

    product: Product
    qty: int
    barcode: str | None
    override: int | None = None
    manual: Manual | None = None


def price_sale(
    db: Database,
    store: str,
    lines: list[LineToPrice],
    at: datetime,
    *,
    member: bool = False,
    coupons: list[str] | None = None,
    basket_manual: Manual | None = None,
) -> PricedBasket:
    """Every sale's pricing: list prices from the book at `at`, then the engine with the
    promotions this node holds. `member` is whether a customer with membership is attached
    (the customers feature sets it)."""
    versions = rows.versions_for(db, {line.product.sku for line in lines})
    basket = [
        BasketLine(
            key=n,
            sku=line.product.sku,
            qty=line.qty,
            unit_price=_list_price(store, line, versions[line.product.sku], at),
            vat_rate_bp=line.product.vat_rate_bp,
            category=line.product.category,
            overridden=line.override is not None,
            manual=line.manual,
        )
        for n, line in enumerate(lines)
    ]
    return price_basket(
        basket,
        _index(db),
        store=store,
        at=at,
        member=member,
        coupons=coupons or [],
        basket_manual=basket_manual,
    )


def _list_price(store: str, line: LineToPrice, versions: list[PriceVersion], at: datetime) -> int:
    if line.override is not None:
        return line.override
    price, _ = effective_price(line.product.price, versions, store, at)
    return list_unit_price(price, line.barcode, line.product.barcodes)


_CACHE: OrderedDict[str, PromotionIndex] = OrderedDict()
_CACHE_LOCK = threading.Lock()


def _settle() -> None:
    """Move what lives now (the new index above all) out of the cyclic collector's sight: a
    full collection would otherwise walk ten thousand promotions in the middle of a scan (the
    benchmark's worst scans were those). Unfrozen and collected first, so cyclic garbage of
    an earlier freeze is not kept; paid once per change of the rules, and only for a large
    index (a full collection costs more than a small one ever would)."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def _index(db: Database) -> PromotionIndex:
    """The promotions indexed once per change of the rules (a scan must stay instant with
    thousands of them), shared by the node's threads."""
    rev = state.get(db, RULES_KEY) or ""
    with _CACHE_LOCK:
        found = _CACHE.get(rev) if rev else None
        if found is not None:
            return found
    index = PromotionIndex(rows.all_promotions(db))
    if rev:
        if index.size >= SETTLE_AT:
            _settle()
        with _CACHE_LOCK:
            _CACHE[rev] = index
            while len(_CACHE) > 8:
                _CACHE.popitem(last=False)
    return index
