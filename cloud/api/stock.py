"""HQ stock routes: movements made at HQ (goods in, adjustments, transfers) and levels."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request

from cloud.api.db import engine, write
from cloud.api.registry import CATALOGUE_READ, HQ, route
from cloud.services import stock
from httpshell.paging import LIMIT, limit_arg, since, since_arg
from httpshell.routes import Link, Query
from shared.models import StockAvailabilityPage, StockLevel, StockMovement, StockMovementIn

bp = Blueprint("stock", __name__)
FEED_CURSOR = Query(
    "cursor",
    {"type": "string", "pattern": "^[0-9]{1,18}$"},
    description="`next` (or `cursor`) of an earlier answer: the changes after it; empty "
    "or absent: from the start",
)


@route(
    bp,
    "GET",
    "/stores/<store>/stock",
    "Availability feed: the store's SKUs in the order their stock last changed",
    roles=CATALOGUE_READ,
    response=StockAvailabilityPage,
    query=(since("updated_since", "changed"), FEED_CURSOR, LIMIT),
    errors=(404,),
    links=(
        Link(
            "GetStock",
            "GET /stores/{store}/stock/{sku}",
            {"store": "$request.path.store", "sku": "$response.body#/items/0/sku"},
        ),
        Link(
            "NextPage",
            "GET /stores/{store}/stock",
            {"store": "$request.path.store", "cursor": "$response.body#/cursor"},
        ),
    ),
    description="Each SKU whose on_hand or reserved changed (a sale, return, void, count, "
    "HQ movement, or an order reserving or releasing units) appears once, at its latest "
    "change, with its level now. Keep `cursor` and ask again with it to get only what "
    "changed since: changes commit in feed order, so none is ever skipped.",
)
def stock_feed(store: str) -> Response:
    after = int(request.args.get("cursor") or 0)
    with engine().connect() as conn:
        page = stock.availability(conn, store, since_arg("updated_since"), after, limit_arg())
    return jsonify(page.model_dump(mode="json"))


@route(
    bp,
    "POST",
    "/stores/<store>/stock-movements",
    "Record a stock movement made at HQ; `id` is the idempotency key",
    roles=HQ,
    body=StockMovementIn,
    response=StockMovement,
    status=201,
    errors=(403, 404, 422),
    links=(
        Link(
            "GetStock",
            "GET /stores/{store}/stock/{sku}",
            {"store": "$request.path.store", "sku": "$response.body#/sku"},
        ),
    ),
    description="404 for an unknown store or SKU; 422 `idempotency_conflict` when the `id` "
    "was used before with another body.",
)
def post_movement(store: str, body: StockMovementIn) -> tuple[Response, int]:
    movement, created = write(lambda conn: stock.post_movement(conn, store, body))
    return jsonify(movement.model_dump(mode="json")), 201 if created else 200


@route(
    bp,
    "GET",
    "/stores/<store>/stock/<sku>",
    "Stock of one SKU at one store: on_hand, reserved, available",
    roles=CATALOGUE_READ,
    response=StockLevel,
    errors=(404,),
)
def get_stock(store: str, sku: str) -> Response:
    with engine().connect() as conn:
        return jsonify(stock.level(conn, store, sku).model_dump(mode="json"))
