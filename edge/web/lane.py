"""The lane API (SPEC §6): what tills and the POS call. Thin: parse, authorise, call a service."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import Blueprint, Response, current_app, g, jsonify, request
from sqlite_utils import Database

from edge import catalog, counts, orders, returns, sales, shifts, stock, voids
from edge.node import NodeConfig, db_path
from edge.staff import Actor, authenticate, sign_in
from edge.status import sync_status
from edge.storage import sales as sale_rows
from edge.storage.db import open_db
from edge.sync.lookup import cloud_sale_lookup
from shared.api import page, parse_body, parse_limit, position
from shared.clock import format_ts, from_epoch
from shared.errors import BadRequest, Unauthorized
from shared.models import (
    CollectIn,
    Order,
    OrderStatus,
    PickIn,
    Return,
    ReturnIn,
    Sale,
    SaleIn,
    SessionIn,
    ShiftCloseIn,
    ShiftOpenIn,
    ShortIn,
    StockCountIn,
    VoidIn,
)

bp = Blueprint("lane", __name__)
ORDER_STATUSES: tuple[str, ...] = OrderStatus.__args__  # type: ignore[attr-defined]
API = "/api/v1"
F = TypeVar("F", bound=Callable[..., Any])


def db() -> Database:
    """This request's connection, closed at teardown."""
    if "db" not in g:
        g.db = open_db(db_path(current_app.config["DATA_DIR"]), migrate=False)
    return g.db


def config() -> NodeConfig:
    return current_app.config["NODE"]


def committed() -> None:
    """Tell the sync runner a fact was written."""
    current_app.config["ON_COMMIT"]()


def signed_in(view: F) -> F:
    """Require a bearer session token; the actor lands on `g.actor`."""

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        header = request.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise Unauthorized("unauthorized", "send Authorization: Bearer <session token>")
        g.actor = authenticate(db(), token.strip())
        return view(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def actor() -> Actor:
    return g.actor


def created(payload: Any, is_new: bool) -> tuple[Response, int]:
    """201 for a new record, 200 for an identical retry."""
    return jsonify(payload), 201 if is_new else 200


@bp.get("/healthz")
def healthz() -> Response:
    from edge import health  # a write probe: 200, or 503 with Retry-After

    return current_app.make_response(health.report(db(), config().store))


@bp.post(f"{API}/sessions")
def create_session() -> tuple[Response, int]:
    body = parse_body(SessionIn, request.get_data())
    token, who, expires = sign_in(db(), body.name, body.pin, body.register)
    payload = {
        "token": token,
        "role": who.role,
        "register": who.register,
        "name": who.name,
        "expires_at": format_ts(from_epoch(expires)),
    }
    return jsonify(payload), 201


@bp.post(f"{API}/sales")
@signed_in
def create_sale() -> tuple[Response, int]:
    body = parse_body(SaleIn, request.get_data())
    sale, is_new = sales.record_sale(db(), config(), actor(), body)
    if is_new:
        committed()
    return created(sale.model_dump(mode="json"), is_new)


@bp.get(f"{API}/sales")
@signed_in
def list_sales() -> Response:
    limit = parse_limit(request.args.get("limit"))
    items = sale_rows.list_sales(db(), position(request.args.get("cursor")), limit + 1)
    return jsonify(page(items, limit, _time_and_id, _json))


@bp.get(f"{API}/sales/<sale_id>")
@signed_in
def get_sale(sale_id: str) -> Response:
    return jsonify(sales.get_sale(db(), sale_id).model_dump(mode="json"))


@bp.post(f"{API}/sales/<sale_id>/void")
@signed_in
def void_sale(sale_id: str) -> tuple[Response, int]:
    body = parse_body(VoidIn, request.get_data())
    void, is_new = voids.void_sale(db(), config(), actor(), sale_id, body)
    if is_new:
        committed()
    return created(void.model_dump(mode="json"), is_new)


@bp.post(f"{API}/returns")
@signed_in
def create_return() -> tuple[Response, int]:
    body = parse_body(ReturnIn, request.get_data())
    lookup = cloud_sale_lookup(current_app.config["DATA_DIR"], db())
    ret, is_new = returns.record_return(db(), config(), actor(), body, lookup)
    if is_new:
        committed()
    return created(ret.model_dump(mode="json"), is_new)


@bp.get(f"{API}/returns")
@signed_in
def list_returns() -> Response:
    limit = parse_limit(request.args.get("limit"))
    items = sale_rows.list_returns(db(), position(request.args.get("cursor")), limit + 1)
    return jsonify(page(items, limit, _time_and_id, _json))


@bp.get(f"{API}/stock/<sku>")
@signed_in
def get_stock(sku: str) -> Response:
    catalog.get(db(), sku)
    level = stock.level(db(), sku)
    return jsonify(
        {
            "sku": sku,
            "on_hand": level.on_hand,
            "reserved": level.reserved,
            "available": level.available,
        }
    )


@bp.get(f"{API}/stock")
@signed_in
def list_stock() -> Response:
    levels = stock.on_hand_all(db())
    return jsonify({"items": [{"sku": k, "on_hand": v} for k, v in levels.items()], "next": None})


@bp.get(f"{API}/products/lookup")
@signed_in
def lookup_product() -> Response:
    barcode = request.args.get("barcode")
    if not barcode:
        raise BadRequest("missing_barcode", "give ?barcode=")
    found = catalog.lookup_barcode(db(), barcode)
    payload = found.product.model_dump(mode="json") | {"unit_price": found.unit_price}
    return jsonify(payload)


@bp.get(f"{API}/products/<sku>")
@signed_in
def get_product(sku: str) -> Response:
    return jsonify(catalog.get(db(), sku).model_dump(mode="json"))


@bp.get(f"{API}/products")
@signed_in
def search_products() -> Response:
    limit = parse_limit(request.args.get("limit"))
    found = catalog.search(db(), request.args.get("q", ""), limit)
    return jsonify({"items": [p.model_dump(mode="json") for p in found], "next": None})


@bp.get(f"{API}/sync/status")
@signed_in
def get_sync_status() -> Response:
    return jsonify(sync_status(db(), config()))


def _time_and_id(record: Sale | Return) -> tuple[str, str]:
    return format_ts(record.occurred_at), record.id


def _json(record: Sale | Return) -> dict[str, Any]:
    return record.model_dump(mode="json")


@bp.post(f"{API}/shifts")
@signed_in
def open_shift() -> tuple[Response, int]:
    body = parse_body(ShiftOpenIn, request.get_data())
    z = shifts.open_shift(db(), config(), actor(), body)
    return jsonify(z.model_dump(mode="json")), 201


@bp.get(f"{API}/shifts/current")
@signed_in
def current_shift() -> Response:
    return jsonify(shifts.current(db(), config(), actor().register).model_dump(mode="json"))


@bp.post(f"{API}/shifts/<shift_id>/close")
@signed_in
def close_shift(shift_id: str) -> Response:
    body = parse_body(ShiftCloseIn, request.get_data())
    z = shifts.close_shift(db(), config(), shift_id, body)
    committed()
    return jsonify(z.model_dump(mode="json"))


@bp.get(f"{API}/orders")
@signed_in
def list_orders() -> Response:
    status = request.args.get("status") or None
    if status is not None and status not in ORDER_STATUSES:
        raise BadRequest("bad_status", f"status must be one of {', '.join(ORDER_STATUSES)}")
    limit = parse_limit(request.args.get("limit"))
    found = orders.list_orders(db(), status, limit)
    return jsonify({"items": [_order(o) for o in found], "next": None})


@bp.get(f"{API}/orders/<order_id>")
@signed_in
def get_order(order_id: str) -> Response:
    return jsonify(_order(orders.get(db(), order_id)))


@bp.post(f"{API}/orders/<order_id>/pick")
@signed_in
def pick_order(order_id: str) -> Response:
    body = parse_body(PickIn, request.get_data())
    return _order_changed(orders.pick(db(), config(), order_id, body))


@bp.post(f"{API}/orders/<order_id>/short")
@signed_in
def short_order(order_id: str) -> Response:
    body = parse_body(ShortIn, request.get_data())
    return _order_changed(orders.short(db(), config(), order_id, body))


@bp.post(f"{API}/orders/<order_id>/ready")
@signed_in
def ready_order(order_id: str) -> Response:
    return _order_changed(orders.ready(db(), config(), order_id))


@bp.post(f"{API}/orders/<order_id>/collect")
@signed_in
def collect_order(order_id: str) -> Response:
    body = parse_body(CollectIn, request.get_data())
    return _order_changed(orders.collect(db(), config(), order_id, body))


def _order(order: Order) -> dict[str, Any]:
    return order.model_dump(mode="json", exclude={"pickup_code", "pickup_qr", "pickup_code_hash"})


def _order_changed(order: Order) -> Response:
    committed()
    return jsonify(_order(order))


@bp.post(f"{API}/stock/<sku>/count")
@signed_in
def count_stock(sku: str) -> tuple[Response, int]:
    body = parse_body(StockCountIn, request.get_data())
    movement, is_new = counts.record_count(db(), config(), sku, body)
    if is_new:
        committed()
    level = stock.level(db(), sku)
    payload = {
        "sku": sku,
        "on_hand": level.on_hand,
        "movement": movement.model_dump(mode="json") if movement else None,
    }
    return jsonify(payload), 201 if is_new else 200
