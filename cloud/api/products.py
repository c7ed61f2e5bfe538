"""HQ catalogue routes: create or replace products, read one, list them by change time."""

from __future__ import annotations

import re

from flask import Blueprint, Response, jsonify, request

from cloud.api.db import engine, write
from cloud.api.registry import CATALOGUE_READ, HQ, route
from cloud.services import catalog, pricing
from httpshell.paging import CURSOR, LIMIT, instant_arg, page_args, paged, since, since_arg
from httpshell.routes import Link, Query
from shared.errors import BadRequest
from shared.models import SKU_PATTERN, STORE_PATTERN, Product, ProductIn

bp = Blueprint("products", __name__)
AT = Query(
    "at",
    {"type": "string", "format": "date-time"},
    description="The RFC 3339 instant whose price to answer; empty means now",
)
STORE_QUERY = Query(
    "store",
    {"type": "string", "pattern": STORE_PATTERN},
    description="The price at this store (its own versions beat chain-wide ones)",
)


@route(
    bp,
    "PUT",
    "/products/<sku>",
    "Create or replace a product (201 new, 200 replaced)",
    roles=HQ,
    body=ProductIn,
    response=Product,
    status=201,
    errors=(403, 409, 422),
    links=(Link("GetProduct", "GET /products/{sku}", {"sku": "$request.path.sku"}),),
    description="422 `validation_error` also for a barcode whose GTIN check digit is wrong "
    "or that appears twice once normalised (a 12-digit UPC-A is stored as EAN-13 with a "
    "leading 0): rules a JSON Schema cannot state.",
)
def put_product(sku: str, body: ProductIn) -> tuple[Response, int]:
    if not re.fullmatch(SKU_PATTERN, sku):
        raise BadRequest("bad_sku", "a SKU is 1–64 letters, digits, '.', '_' or '-'")
    product, created = write(lambda conn: catalog.put_product(conn, sku, body))
    return jsonify(product.model_dump(mode="json")), 201 if created else 200


@route(
    bp,
    "GET",
    "/products/<sku>",
    "One product, with the price in force now or `at` an instant (chain-wide or at `store`)",
    roles=CATALOGUE_READ,
    response=Product,
    query=(AT, STORE_QUERY),
    errors=(404,),
)
def get_product(sku: str) -> Response:
    at = instant_arg("at")
    with engine().connect() as conn:
        product = pricing.product_at(conn, sku, at, request.args.get("store") or None)
    return jsonify(product.model_dump(mode="json"))


@route(
    bp,
    "GET",
    "/products",
    "Products in change order, optionally changed since an instant",
    roles=CATALOGUE_READ,
    response=Product,
    is_list=True,
    query=(since("updated_since", "changed"), LIMIT, CURSOR),
    links=(Link("GetProduct", "GET /products/{sku}", {"sku": "$response.body#/items/0/sku"}),),
)
def list_products() -> Response:
    limit, after = page_args()
    with engine().connect() as conn:
        items = catalog.list_products(conn, since_arg("updated_since"), after, limit + 1)
    return paged(items, limit, lambda p: (p.updated_at, p.sku))
