"""HQ's price book: price versions, promotions and the manual discount cap, each change also
put into the change feed of every store it reaches (chain-wide ones into the catalogue feed),
so nodes hold the rules before they start."""

from __future__ import annotations

import hashlib
from datetime import datetime

import sqlalchemy as sa

from cloud.storage import catalog, feed, stores
from cloud.storage import pricing as rows
from shared.api import canonical_json
from shared.clock import now_text, utc_now
from shared.errors import NotFound, Unprocessable, idempotency_conflict
from shared.models import Product
from shared.pricing.book import effective_price
from shared.pricing.models import (
    PriceVersion,
    PriceVersionIn,
    PricingSettings,
    PricingSettingsOut,
    Promotion,
    PromotionEndIn,
    PromotionIn,
)


def post_price(conn: sa.Connection, body: PriceVersionIn) -> tuple[PriceVersion, bool]:
    """Record a price version once by id (a retry answers the stored one; the same id with
    another body is `idempotency_conflict`)."""
    digest = hashlib.sha256(canonical_json(body.model_dump(mode="json")).encode()).hexdigest()
    found = rows.get_version(conn, body.id)
    if found is not None:
        if found[1] != digest:
            raise idempotency_conflict("price version", body.id)
        return found[0], False
    if catalog.get_product(conn, body.sku) is None:
        raise NotFound("unknown_product", f"no product with SKU {body.sku}")
    _known_stores(conn, body.stores)
    version = PriceVersion(created_at=now_text(), **body.model_dump())  # type: ignore[arg-type]
    rows.insert_version(conn, version, digest)
    _announce(conn, "price_version", version.model_dump(mode="json"), [body.stores])
    return version, True


def list_prices(
    conn: sa.Connection, sku: str | None, after: tuple[str, str] | None, limit: int
) -> list[PriceVersion]:
    return rows.list_versions(conn, sku, after, limit)


def put_promotion(conn: sa.Connection, promo_id: str, body: PromotionIn) -> tuple[Promotion, bool]:
    """Create or replace a promotion; stores that it stops reaching hear of the change too."""
    _known_stores(conn, body.stores)
    before = rows.get_promotion(conn, promo_id)
    promo = Promotion(id=promo_id, updated_at=now_text(), **body.model_dump())  # type: ignore[arg-type]
    created = rows.put_promotion(conn, promo)
    reach = [body.stores] + ([] if before is None else [before.stores])
    _announce(conn, "promotion", promo.model_dump(mode="json"), reach)
    return promo, created


def get_promotion(conn: sa.Connection, promo_id: str) -> Promotion:
    found = rows.get_promotion(conn, promo_id)
    if found is None:
        raise NotFound("unknown_promotion", f"no promotion {promo_id}")
    return found


def end_promotion(conn: sa.Connection, promo_id: str, body: PromotionEndIn) -> Promotion:
    """End a promotion now (or at `ends_at`), never later than it already ends; one that has
    not started yet then never runs."""
    promo = get_promotion(conn, promo_id)
    end = body.ends_at or utc_now()
    if promo.ends_at is not None:
        end = min(end, promo.ends_at)
    ended = promo.model_copy(update={"ends_at": max(end, promo.starts_at)})
    ended.updated_at = datetime.fromisoformat(now_text().replace("Z", "+00:00"))
    rows.put_promotion(conn, ended)
    _announce(conn, "promotion", ended.model_dump(mode="json"), [ended.stores])
    return ended


def list_promotions(
    conn: sa.Connection, after: tuple[str, str] | None, limit: int
) -> list[Promotion]:
    return rows.list_promotions(conn, after, limit)


def get_settings(conn: sa.Connection) -> PricingSettingsOut:
    return PricingSettingsOut(manual_discount_cap_bp=rows.cap_bp(conn))


def put_settings(conn: sa.Connection, body: PricingSettings) -> PricingSettingsOut:
    rows.set_cap_bp(conn, body.manual_discount_cap_bp)
    out = get_settings(conn)
    feed.append(conn, feed.CATALOGUE, "pricing_settings", out.model_dump(mode="json"))
    return out


def product_at(conn: sa.Connection, sku: str, at: datetime | None, store: str | None) -> Product:
    """A product with the price in force at `at` (now by default), chain-wide or at `store`."""
    product = catalog.get_product(conn, sku)
    if product is None:
        raise NotFound("unknown_product", f"no product with SKU {sku}")
    moment = at or utc_now()
    price, _ = effective_price(product.price, rows.versions_of(conn, sku), store or "", moment)
    return product.model_copy(update={"price": price})


def _known_stores(conn: sa.Connection, codes: list[str] | None) -> None:
    for code in codes or ():
        if stores.get_store(conn, code) is None:
            raise Unprocessable("unknown_store", f"no store {code}")


def _announce(
    conn: sa.Connection, kind: str, body: dict[str, object], reaches: list[list[str] | None]
) -> None:
    """Into the catalogue feed when any reach is chain-wide, else into each store's feed."""
    if any(reach is None for reach in reaches):
        feed.append(conn, feed.CATALOGUE, kind, body)
        return
    for store in sorted({code for reach in reaches for code in reach or ()}):
        feed.append(conn, store, kind, body)
