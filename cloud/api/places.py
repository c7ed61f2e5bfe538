"""Stores together (SPEC §11): HQ names and places stores; stock elsewhere answers one
SKU's level in every store, nearest first, to HQ and (signed) to store nodes; a node
forwards its till's endless-aisle orders."""

from __future__ import annotations

import re

from flask import Blueprint, Response, current_app, jsonify, request

from cloud.api.db import reading, write
from cloud.api.registry import CATALOGUE_READ, HQ, STORE, route
from cloud.services import aisle, orders, places
from httpshell.routes import Query, caller
from shared.aisle import AisleOrderIn
from shared.errors import BadRequest
from shared.models import STORE_PATTERN, Order
from shared.stores import StockElsewhere, StorePlace, StorePlaceIn

bp = Blueprint("places", __name__)


@route(
    bp,
    "PUT",
    "/stores/<store>",
    "Name a store and give its coordinates and IANA time zone (default UTC)",
    roles=HQ,
    body=StorePlaceIn,
    response=StorePlace,
    status=201,
    errors=(403, 422),
    description="201 for a new store (its node still enrols with `omnistore cloud add-store`'s "
    "token), 200 for an update. 422 when only one of `lat`/`lon` is given or `tz` is not a "
    "time zone name the zone database knows.",
)
def put_store(store: str, body: StorePlaceIn) -> tuple[StorePlace, int]:
    if not re.fullmatch(STORE_PATTERN, store):
        raise BadRequest("bad_store", "a store code is 1–32 letters, digits, '_' or '-'")
    place, is_new = write(lambda conn: places.put_store(conn, store, body))
    return place, 201 if is_new else 200


NEAR = Query(
    "near",
    {"type": "string", "pattern": STORE_PATTERN},
    description="a store code: nearest stores first, with `distance_km` from it",
)


@route(
    bp,
    "GET",
    "/stock/<sku>",
    "A SKU's stock in every store, nearest first",
    roles=CATALOGUE_READ,
    response=StockElsewhere,
    query=(NEAR,),
    errors=(404,),
    description="404 `unknown_product` for a SKU not in the catalogue, `unknown_store` for an "
    "unknown `near`.",
)
def stock_everywhere(sku: str) -> Response:
    near = request.args.get("near") or None
    with reading() as conn:
        return jsonify(places.stock_elsewhere(conn, sku, near).model_dump(mode="json"))


@route(
    bp,
    "GET",
    "/sync/stock/<sku>",
    "A SKU's stock in every store, nearest to the signing store first",
    roles=STORE,
    response=StockElsewhere,
    errors=(404,),
)
def stock_for_store(sku: str) -> Response:
    with reading() as conn:
        answer = places.stock_elsewhere(conn, sku, caller().name)
    return jsonify(answer.model_dump(mode="json"))


@route(
    bp,
    "POST",
    "/sync/orders",
    "An endless-aisle order a store's till places at another store",
    roles=STORE,
    body=AisleOrderIn,
    response=Order,
    status=201,
    errors=(404, 409, 422),
    description="As `POST /orders`: 404 unknown store or SKU, 409 `insufficient_stock`, 422 "
    "`idempotency_conflict`; 422 `own_store` for an order at the signing store itself.",
)
def place_aisle_order(body: AisleOrderIn) -> tuple[Response, int]:
    store, hold_s = caller().name, current_app.config["ORDER_HOLD_S"]
    order, is_new = write(lambda conn: aisle.place_for_store(conn, store, body, hold_s))
    return jsonify(orders.public(order)), 201 if is_new else 200
