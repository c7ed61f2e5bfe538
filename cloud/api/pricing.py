"""HQ price book routes: scheduled price versions, promotions, and the manual discount cap."""

from __future__ import annotations

import re

from flask import Blueprint, Response, request

from cloud.api.db import reading, write
from cloud.api.registry import HQ, READ, route
from cloud.services import pricing
from httpshell.paging import CURSOR, LIMIT, page_args, paged
from httpshell.routes import Link, Query, created
from shared.errors import BadRequest
from shared.models import SKU_PATTERN, UUID_PATTERN
from shared.pricing.models import (
    PriceVersion,
    PriceVersionIn,
    PricingSettings,
    PricingSettingsOut,
    Promotion,
    PromotionEndIn,
    PromotionIn,
)

bp = Blueprint("pricing", __name__)


def _promo_id(text: str) -> str:
    """A promotion id is a UUID (400 `bad_promo_id` else), kept in lower case."""
    if not re.fullmatch(UUID_PATTERN, text):
        raise BadRequest("bad_promo_id", "a promotion id is a UUID")
    return text.lower()


SKU_QUERY = Query("sku", {"type": "string", "pattern": SKU_PATTERN}, description="one SKU")


@route(
    bp,
    "POST",
    "/prices",
    "Schedule a price version of a SKU, chain-wide or for `stores`; `id` is the idempotency key",
    roles=HQ,
    body=PriceVersionIn,
    response=PriceVersion,
    status=201,
    errors=(403, 404, 422),
    links=(Link("ProductAt", "GET /products/{sku}", {"sku": "$response.body#/sku"}),),
    description="404 `unknown_product` for a SKU the catalogue lacks; 422 `unknown_store` "
    "for a store that does not exist; the same id with another body is 422 "
    "`idempotency_conflict`, with the same body 200 and the stored version.",
)
def post_price(body: PriceVersionIn) -> tuple[PriceVersion, int]:
    return created(*write(lambda conn: pricing.post_price(conn, body)))


@route(
    bp,
    "GET",
    "/prices",
    "Price versions in (starts_at, id) order, optionally of one SKU",
    roles=READ,
    response=PriceVersion,
    is_list=True,
    query=(SKU_QUERY, LIMIT, CURSOR),
)
def list_prices() -> Response:
    limit, after = page_args()
    with reading() as conn:
        items = pricing.list_prices(conn, request.args.get("sku") or None, after, limit + 1)
    return paged(items, limit, lambda v: (v.starts_at, v.id))


@route(
    bp,
    "PUT",
    "/promotions/<promo_id>",
    "Create or replace a promotion (201 new, 200 replaced)",
    roles=HQ,
    body=PromotionIn,
    response=Promotion,
    status=201,
    errors=(403, 422),
    links=(
        Link("GetPromotion", "GET /promotions/{promo_id}", {"promo_id": "$request.path.promo_id"}),
    ),
    description="`params` depends on `kind`: percent_off `{percent_bp}`, amount_off "
    "`{amount}`, multibuy `{buy, pay}`, bundle `{skus, price}`, member_price `{price}`, "
    "basket_percent_off `{min_total, percent_bp}`; anything else is 422.",
)
def put_promotion(promo_id: str, body: PromotionIn) -> tuple[Promotion, int]:
    return created(*write(lambda conn: pricing.put_promotion(conn, _promo_id(promo_id), body)))


@route(
    bp,
    "GET",
    "/promotions/<promo_id>",
    "One promotion",
    roles=READ,
    response=Promotion,
    errors=(400, 404),
)
def get_promotion(promo_id: str) -> Promotion:
    with reading() as conn:
        return pricing.get_promotion(conn, _promo_id(promo_id))


@route(
    bp,
    "POST",
    "/promotions/<promo_id>/end",
    "End a promotion now, or at `ends_at` (never later than it already ends)",
    roles=HQ,
    body=PromotionEndIn,
    response=Promotion,
    errors=(400, 403, 404),
)
def end_promotion(promo_id: str, body: PromotionEndIn) -> Promotion:
    return write(lambda conn: pricing.end_promotion(conn, _promo_id(promo_id), body))


@route(
    bp,
    "GET",
    "/promotions",
    "Promotions in change order (updated_at, id)",
    roles=READ,
    response=Promotion,
    is_list=True,
    query=(LIMIT, CURSOR),
)
def list_promotions() -> Response:
    limit, after = page_args()
    with reading() as conn:
        items = pricing.list_promotions(conn, after, limit + 1)
    return paged(items, limit, lambda p: (p.updated_at or "", p.id))


@route(
    bp,
    "GET",
    "/pricing/settings",
    "Pricing settings: the manual discount cap a cashier may give without a manager",
    roles=READ,
    response=PricingSettingsOut,
)
def get_settings() -> PricingSettingsOut:
    with reading() as conn:
        return pricing.get_settings(conn)


@route(
    bp,
    "PUT",
    "/pricing/settings",
    "Set the manual discount cap (basis points; default 1000 = 10 %)",
    roles=HQ,
    body=PricingSettings,
    response=PricingSettingsOut,
    errors=(403, 422),
)
def put_settings(body: PricingSettings) -> PricingSettingsOut:
    return write(lambda conn: pricing.put_settings(conn, body))
