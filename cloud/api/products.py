"""HQ catalogue routes: create or replace products, read one, list them by change time."""

from __future__ import annotations

import re

from flask import Blueprint, Response, jsonify

from cloud.api.db import engine, write
from cloud.api.registry import CATALOGUE_READ, HQ, route
from cloud.services import catalog
from httpshell.paging import CURSOR, LIMIT, page_args, paged, since, since_arg
from httpshell.routes import Link
from shared.errors import BadRequest
from shared.models import SKU_PATTERN, Product, ProductIn

bp = Blueprint("products", __name__)


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
    "One product",
    roles=CATALOGUE_READ,
    response=Product,
    errors=(404,),
)
def get_product(sku: str) -> Response:
    with engine().connect() as conn:
        return jsonify(catalog.get_product(conn, sku).model_dump(mode="json"))


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
