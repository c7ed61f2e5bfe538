"""HQ API: catalogue, stock, sales, returns, stores and exceptions (SPEC §6)."""

from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, Response, jsonify, request

from cloud.api.auth import require_hq
from cloud.api.db import engine
from cloud.api.paging import page_args, since_arg
from cloud.api.registry import RouteDoc, route
from cloud.services import catalog as catalog_service
from cloud.services import stock as stock_service
from cloud.services.tokens import require_store
from cloud.storage import catalog, sales, stores, sync_log
from shared.api import page
from shared.clock import format_ts
from shared.errors import BadRequest
from shared.models import (
    SKU_PATTERN,
    ExceptionKind,
    ExceptionRecord,
    Product,
    ProductIn,
    Return,
    Sale,
    StockLevel,
    StockMovement,
    StockMovementIn,
    StoreInfo,
)

bp = Blueprint("hq", __name__)
P = "/api/v1"
EXCEPTION_KINDS = set(ExceptionKind.__args__)  # type: ignore[attr-defined]


def _json(model: Any, status: int = 200) -> tuple[Response, int]:
    return jsonify(model.model_dump(mode="json")), status


@route(
    bp,
    "PUT",
    f"{P}/products/<sku>",
    RouteDoc(
        "PUT",
        "/products/{sku}",
        "Create or replace a product",
        "hq",
        ProductIn,
        Product,
        status=201,
        errors=(401, 403, 409, 422),
    ),
)
def put_product(sku: str, body: ProductIn) -> tuple[Response, int]:
    require_hq(write=True)
    _check_sku(sku)
    with engine().begin() as conn:
        product, created = catalog_service.put_product(conn, sku, body)
    return _json(product, 201 if created else 200)


@route(
    bp,
    "GET",
    f"{P}/products/<sku>",
    RouteDoc("GET", "/products/{sku}", "One product", "read", response=Product, errors=(401, 404)),
)
def get_product(sku: str) -> tuple[Response, int]:
    require_hq(write=False)
    with engine().connect() as conn:
        return _json(catalog_service.get_product(conn, sku))


@route(
    bp,
    "GET",
    f"{P}/products",
    RouteDoc(
        "GET",
        "/products",
        "Products, optionally changed since an instant",
        "read",
        response=Product,
        is_list=True,
        query=("updated_since", "limit", "cursor"),
    ),
)
def list_products() -> Response:
    require_hq(write=False)
    limit, after = page_args()
    with engine().connect() as conn:
        items = catalog.list_products(conn, since_arg("updated_since"), after, limit + 1)
    return jsonify(
        page(
            items,
            limit,
            lambda p: (format_ts(p.updated_at), p.sku),
            lambda p: p.model_dump(mode="json"),
        )
    )


@route(
    bp,
    "POST",
    f"{P}/stores/<store>/stock-movements",
    RouteDoc(
        "POST",
        "/stores/{store}/stock-movements",
        "Record a stock movement made at HQ",
        "hq",
        StockMovementIn,
        StockMovement,
        status=201,
        errors=(401, 403, 404, 422),
    ),
)
def post_movement(store: str, body: StockMovementIn) -> tuple[Response, int]:
    require_hq(write=True)
    with engine().begin() as conn:
        movement, created = stock_service.post_movement(conn, store, body)
    return _json(movement, 201 if created else 200)


@route(
    bp,
    "GET",
    f"{P}/stores/<store>/stock/<sku>",
    RouteDoc(
        "GET",
        "/stores/{store}/stock/{sku}",
        "Stock of one SKU at one store",
        "read",
        response=StockLevel,
        errors=(401, 404),
    ),
)
def get_stock(store: str, sku: str) -> tuple[Response, int]:
    require_hq(write=False)
    with engine().connect() as conn:
        return _json(stock_service.level(conn, store, sku))


@route(
    bp,
    "GET",
    f"{P}/stores/<store>/sales",
    RouteDoc(
        "GET",
        "/stores/{store}/sales",
        "Sales of a store",
        "read",
        response=Sale,
        is_list=True,
        query=("since", "limit", "cursor"),
    ),
)
def list_sales(store: str) -> Response:
    require_hq(write=False)
    limit, after = page_args()
    with engine().connect() as conn:
        require_store(conn, store)
        items = sales.list_sales(conn, store, since_arg(), after, limit + 1)
    return jsonify(
        page(
            items,
            limit,
            lambda s: (format_ts(s.occurred_at), s.id),
            lambda s: s.model_dump(mode="json"),
        )
    )


@route(
    bp,
    "GET",
    f"{P}/stores/<store>/returns",
    RouteDoc(
        "GET",
        "/stores/{store}/returns",
        "Returns of a store",
        "read",
        response=Return,
        is_list=True,
        query=("since", "limit", "cursor"),
    ),
)
def list_returns(store: str) -> Response:
    require_hq(write=False)
    limit, after = page_args()
    with engine().connect() as conn:
        require_store(conn, store)
        items = sales.list_returns(conn, store, since_arg(), after, limit + 1)
    return jsonify(
        page(
            items,
            limit,
            lambda r: (format_ts(r.occurred_at), r.id),
            lambda r: r.model_dump(mode="json"),
        )
    )


@route(
    bp,
    "GET",
    f"{P}/stores",
    RouteDoc(
        "GET",
        "/stores",
        "Stores with enrolment state and last sync",
        "read",
        response=StoreInfo,
        is_list=True,
    ),
)
def list_stores() -> Response:
    require_hq(write=False)
    with engine().connect() as conn:
        rows = stores.list_stores(conn)
    items = [
        StoreInfo(
            code=r["code"],
            name=r["name"],
            enrolled=r["keyid"] is not None,
            last_sync_at=r["last_sync_at"],
        ).model_dump(mode="json")
        for r in rows
    ]
    return jsonify({"items": items, "next": None})


@route(
    bp,
    "GET",
    f"{P}/exceptions",
    RouteDoc(
        "GET",
        "/exceptions",
        "What HQ must look at",
        "read",
        response=ExceptionRecord,
        is_list=True,
        query=("store", "kind", "since", "limit", "cursor"),
    ),
)
def list_exceptions() -> Response:
    require_hq(write=False)
    limit, after = page_args()
    kind = request.args.get("kind") or None
    if kind is not None and kind not in EXCEPTION_KINDS:
        raise BadRequest("bad_kind", f"kind must be one of {', '.join(sorted(EXCEPTION_KINDS))}")
    with engine().connect() as conn:
        rows = sync_log.list_exceptions(
            conn, request.args.get("store") or None, kind, since_arg(), after, limit + 1
        )
    return jsonify(
        page(
            rows,
            limit,
            lambda r: (r["created_at"], r["id"]),
            lambda r: ExceptionRecord.model_validate(r).model_dump(mode="json"),
        )
    )


def _check_sku(sku: str) -> None:
    if not re.fullmatch(SKU_PATTERN, sku):
        raise BadRequest("bad_sku", "a SKU is 1–64 letters, digits, '.', '_' or '-'")
