"""HQ stock routes: movements made at HQ (goods in, adjustments, transfers) and levels."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify

from cloud.api.db import engine, write
from cloud.api.registry import CATALOGUE_READ, HQ, route
from cloud.services import stock
from httpshell.routes import Link
from shared.models import StockLevel, StockMovement, StockMovementIn

bp = Blueprint("stock", __name__)


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
