"""A basket priced by the shared engine with the rules HQ holds, for a merchandiser to see
what a till will charge (the HQ console's basket preview): the same engine, price book and
promotions the nodes and the cloud's re-pricing use."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from cloud.services.promotion_cache import promotions_index
from cloud.storage import catalog
from cloud.storage import pricing as rows
from shared.clock import format_ts
from shared.errors import NotFound
from shared.pricing.book import effective_price
from shared.pricing.engine import BasketLine, PricedBasket, price_basket


def preview(
    conn: sa.Connection,
    store: str,
    wanted: list[tuple[str, int]],
    *,
    at: datetime,
    member: bool = False,
    coupons: list[str] | None = None,
) -> PricedBasket:
    """The lines (SKU, quantity) priced at `store` at `at`; 404 `unknown_product` for a SKU
    the catalogue lacks."""
    products = catalog.products_by_sku(conn, {sku for sku, _ in wanted})
    missing = [sku for sku, _ in wanted if sku not in products]
    if missing:
        raise NotFound("unknown_product", f"no product with SKU {missing[0]}")
    versions = rows.versions_for(conn, set(products))
    lines = []
    for key, (sku, qty) in enumerate(wanted):
        product = products[sku]
        price, _ = effective_price(product.price, versions.get(sku, []), store, at)
        lines.append(
            BasketLine(
                key=key,
                sku=sku,
                qty=qty,
                unit_price=price,
                vat_rate_bp=product.vat_rate_bp,
                category=product.category,
            )
        )
    moment = format_ts(at)
    promotions = promotions_index(conn, moment, moment)
    return price_basket(lines, promotions, store=store, at=at, member=member, coupons=coupons or [])
