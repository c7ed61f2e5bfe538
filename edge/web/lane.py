"""The lane API: what tills call. Each route is declared once on the node's registry (roles,
body and answer models); views parse nothing themselves and call one service each."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, request

from edge import catalog, counts, health, orders, pricing, returns, sales, shifts, stock, voids
from edge.staff import sign_in, sign_out
from edge.status import sync_status
from edge.sync.holds import PointsHolds
from edge.sync.lookup import cloud_sale_lookup
from edge.web.context import actor, config, db
from edge.web.registry import ORDERS, SELL, STAFF, STOCK, route
from httpshell.paging import PAGED, instant_arg, limit_arg, page_args, paged, whole
from httpshell.routes import Link, Query, created
from shared.clock import format_ts, from_epoch
from shared.errors import BadRequest
from shared.models import (
    CollectIn,
    CountOut,
    NodeStockLevel,
    OnHand,
    Order,
    OrderStatus,
    PickIn,
    PricedProduct,
    Product,
    Return,
    ReturnIn,
    Sale,
    SaleIn,
    SessionIn,
    SessionOut,
    ShiftCloseIn,
    ShiftOpenIn,
    ShortIn,
    StockCountIn,
    SyncStatus,
    Void,
    VoidIn,
    ZReport,
)

bp = Blueprint("lane", __name__)
SALE = {"sale_id": "$response.body#/id"}
FIRST_ORDER = {"order_id": "$response.body#/items/0/id"}
FIRST_SKU = {"sku": "$response.body#/items/0/sku"}
ORDER_STATUSES: tuple[str, ...] = OrderStatus.__args__  # type: ignore[attr-defined]
PICKUP_SECRETS = {"pickup_code", "pickup_qr", "pickup_code_hash"}


@bp.get("/healthz")
def healthz() -> Response:
    """200 when the database takes a write (a probe, rolled back); 503 with Retry-After."""
    return current_app.make_response(health.report(db(), config().store))


# --- sessions --------------------------------------------------------------------------


@route(
    bp,
    "POST",
    "/sessions",
    "Sign in with name and PIN; the token's sales are numbered on its register",
    roles=None,
    body=SessionIn,
    response=SessionOut,
    status=201,
    errors=(401, 429),
)
def create_session(body: SessionIn) -> SessionOut:
    token, who, expires = sign_in(db(), body.name, body.pin, body.register)
    return SessionOut(
        token=token,
        role=who.role,  # type: ignore[arg-type]
        register=who.register,
        name=who.name,
        expires_at=from_epoch(expires),
    )


@route(
    bp, "DELETE", "/sessions/current", "Sign out: the token stops working", roles=STAFF, status=204
)
def delete_session() -> Response:
    sign_out(db(), actor())
    return Response(status=204)


# --- sales, returns, voids ---------------------------------------------------------------


@route(
    bp,
    "POST",
    "/sales",
    "Record a sale; `id` is the idempotency key",
    roles=SELL,
    body=SaleIn,
    response=Sale,
    status=201,
    errors=(404, 409, 422),
    writes=True,
    links=(
        Link("GetSale", "GET /sales/{sale_id}", SALE),
        Link("VoidSale", "POST /sales/{sale_id}/void", SALE),
    ),
    description="422 `unknown_product` for a SKU or barcode this node does not know, "
    "`payment_short` when the payments do not cover the total, `idempotency_conflict` "
    "when the `id` was used before with another body; with a points tender 422 "
    "`points_need_customer`, `bad_points_amount`, `below_min_redeem`, `overpayment`, and 409 "
    "`insufficient_points` (the cloud's hold refused, or over the offline allowance).",
)
def create_sale(body: SaleIn) -> tuple[Sale, int]:
    holds = PointsHolds(current_app.config["DATA_DIR"], db())
    return created(*sales.record_sale(db(), config(), actor(), body, holds))


@route(
    bp,
    "GET",
    "/sales",
    "Sales of this node, oldest first",
    roles=SELL,
    response=Sale,
    is_list=True,
    query=(
        *PAGED,
        Query(
            "receipt_no",
            {"type": "string", "minLength": 3, "maxLength": 80},
            description="only the sale with this receipt number (a list of none or one)",
        ),
    ),
    links=(Link("GetSale", "GET /sales/{sale_id}", {"sale_id": "$response.body#/items/0/id"}),),
)
def list_sales() -> Response | dict[str, object]:
    receipt_no = request.args.get("receipt_no")
    if receipt_no:
        return whole(sales.by_receipt(db(), receipt_no))
    limit, after = page_args()
    return paged(sales.list_sales(db(), after, limit + 1), limit, _time_and_id)


@route(bp, "GET", "/sales/<sale_id>", "One sale", roles=SELL, response=Sale, errors=(404,))
def get_sale(sale_id: str) -> Sale:
    return sales.get_sale(db(), sale_id)


@route(
    bp,
    "POST",
    "/sales/<sale_id>/void",
    "Void a whole sale (a manager, or a manager's PIN)",
    roles=SELL,
    body=VoidIn,
    response=Void,
    status=201,
    errors=(403, 404, 409, 422, 429),
    writes=True,
    description=(
        "422 `wrong_manager_pin` or `idempotency_conflict` (the `id` used before with another"
        " body); 409 when the sale is already voided; 429 while approvals are locked."
    ),
)
def void_sale(sale_id: str, body: VoidIn) -> tuple[Void, int]:
    return created(*voids.void_sale(db(), config(), actor(), sale_id, body))


@route(
    bp,
    "POST",
    "/returns",
    "Record a return, with or without the receipt (without: a manager's PIN)",
    roles=SELL,
    body=ReturnIn,
    response=Return,
    status=201,
    errors=(403, 404, 409, 422, 429),
    writes=True,
    description=(
        "422 for more than was sold on that sale, refunds that do not add up to the amount "
        "due, an unknown product, a wrong manager PIN or `idempotency_conflict`; 429 while "
        "approvals are locked."
    ),
)
def create_return(body: ReturnIn) -> tuple[Return, int]:
    lookup = cloud_sale_lookup(current_app.config["DATA_DIR"], db())
    return created(*returns.record_return(db(), config(), actor(), body, lookup))


@route(
    bp,
    "GET",
    "/returns",
    "Returns of this node, oldest first",
    roles=SELL,
    response=Return,
    is_list=True,
    query=PAGED,
)
def list_returns() -> Response:
    limit, after = page_args()
    return paged(returns.list_returns(db(), after, limit + 1), limit, _time_and_id)


def _time_and_id(record: Sale | Return) -> tuple[str, str]:
    return format_ts(record.occurred_at), record.id


# --- stock and catalogue -----------------------------------------------------------------


@route(
    bp,
    "GET",
    "/stock/<sku>",
    "On hand, reserved and available here",
    roles=STAFF,
    response=NodeStockLevel,
    errors=(404,),
)
def get_stock(sku: str) -> NodeStockLevel:
    return stock.known_level(db(), sku)


@route(
    bp,
    "GET",
    "/stock",
    "On hand of every SKU here",
    roles=STAFF,
    response=OnHand,
    is_list=True,
    links=(
        Link("GetStock", "GET /stock/{sku}", FIRST_SKU),
        Link("CountStock", "POST /stock/{sku}/count", FIRST_SKU),
    ),
)
def list_stock() -> dict[str, object]:
    return whole([OnHand(sku=k, on_hand=v) for k, v in stock.on_hand_all(db()).items()])


@route(
    bp,
    "POST",
    "/stock/<sku>/count",
    "A shelf count: the node records the correcting movement",
    roles=STOCK,
    body=StockCountIn,
    response=CountOut,
    status=201,
    errors=(404, 422),
    writes=True,
    description=(
        "404 for an unknown SKU; 422 `idempotency_conflict` when the `id` was used before "
        "with another body."
    ),
)
def count_stock(sku: str, body: StockCountIn) -> tuple[CountOut, int]:
    answer, is_new = counts.count(db(), config(), sku, body)
    return answer, 201 if is_new else 200


@route(
    bp,
    "GET",
    "/products/lookup",
    "A product by barcode, with the price it means",
    roles=STAFF,
    response=PricedProduct,
    query=(
        Query(
            "barcode",
            {"type": "string", "pattern": r"^(?:[0-9]{8}|[0-9]{12,14})$"},
            required=True,
            description="GTIN-8, UPC-A, EAN-13 or GTIN-14 digits",
        ),
    ),
    description="400 `bad_barcode` also for a wrong GTIN check digit (no JSON Schema states "
    "it); 404 `unknown_product` when no product has this barcode.",
    errors=(404,),
)
def lookup_product() -> PricedProduct:
    barcode = request.args.get("barcode")
    if not barcode:
        raise BadRequest("missing_barcode", "give ?barcode=")
    return pricing.priced(db(), config().store, barcode)


@route(
    bp,
    "GET",
    "/products/<sku>",
    "One product, with the price in force now (the node's corrected clock) or `at` an instant",
    roles=STAFF,
    response=Product,
    query=(
        Query(
            "at",
            {"type": "string", "format": "date-time"},
            description="The RFC 3339 instant whose price to answer; empty means now",
        ),
    ),
    errors=(404,),
)
def get_product(sku: str) -> Product:
    return pricing.product_at(db(), config().store, sku, instant_arg("at"))


@route(
    bp,
    "GET",
    "/products",
    "Search products by name or SKU",
    roles=STAFF,
    response=Product,
    is_list=True,
    query=(Query("q", description="part of a name or SKU"), PAGED[0]),
    links=(Link("GetProduct", "GET /products/{sku}", FIRST_SKU),),
)
def search_products() -> dict[str, object]:
    return whole(catalog.search(db(), request.args.get("q", ""), limit_arg()))


@route(
    bp,
    "GET",
    "/sync/status",
    "Outbox depth, rejected events, last push and pull",
    roles=STAFF,
    response=SyncStatus,
)
def get_sync_status() -> SyncStatus:
    return SyncStatus.model_validate(sync_status(db(), config()))


# --- shifts ------------------------------------------------------------------------------


@route(
    bp,
    "POST",
    "/shifts",
    "Open a shift on the session's register with a float",
    roles=SELL,
    body=ShiftOpenIn,
    response=ZReport,
    status=201,
    errors=(409, 422),
    links=(
        Link(
            "CloseShift", "POST /shifts/{shift_id}/close", {"shift_id": "$response.body#/shift_id"}
        ),
    ),
    description=(
        "409 when the register already has an open shift; 422 `idempotency_conflict` for a "
        "used `id`."
    ),
)
def open_shift(body: ShiftOpenIn) -> tuple[ZReport, int]:
    return shifts.open_shift(db(), config(), actor(), body), 201


@route(
    bp,
    "GET",
    "/shifts/current",
    "The open shift of the session's register so far",
    roles=SELL,
    response=ZReport,
    errors=(404,),
)
def current_shift() -> ZReport:
    return shifts.current(db(), config(), actor().register)


@route(
    bp,
    "POST",
    "/shifts/<shift_id>/close",
    "Close a shift with the counted cash (a cashier their own; a manager any)",
    roles=SELL,
    body=ShiftCloseIn,
    response=ZReport,
    errors=(404, 409, 422),
    writes=True,
)
def close_shift(shift_id: str, body: ShiftCloseIn) -> ZReport:
    return shifts.close_shift(db(), config(), actor(), shift_id, body)


# --- click-and-collect -------------------------------------------------------------------


@route(
    bp,
    "GET",
    "/orders",
    "Click-and-collect orders at this store",
    roles=ORDERS,
    response=Order,
    is_list=True,
    query=(Query("status", {"type": "string", "enum": list(ORDER_STATUSES)}), PAGED[0]),
    links=tuple(
        Link(name, f"{method} /orders/{{order_id}}{tail}", FIRST_ORDER)
        for name, method, tail in (
            ("GetOrder", "GET", ""),
            ("PickOrder", "POST", "/pick"),
            ("ShortOrder", "POST", "/short"),
            ("ReadyOrder", "POST", "/ready"),
            ("CollectOrder", "POST", "/collect"),
        )
    ),
)
def list_orders() -> dict[str, object]:
    status = request.args.get("status") or None
    if status is not None and status not in ORDER_STATUSES:
        raise BadRequest("bad_status", f"status must be one of {', '.join(ORDER_STATUSES)}")
    found = orders.list_orders(db(), status, limit_arg())
    return {"items": [_order(o) for o in found], "next": None}


@route(bp, "GET", "/orders/<order_id>", "One order", roles=ORDERS, response=Order, errors=(404,))
def get_order(order_id: str) -> dict[str, object]:
    return _order(orders.get(db(), order_id))


@route(
    bp,
    "POST",
    "/orders/<order_id>/pick",
    "Record picked quantities",
    roles=ORDERS,
    body=PickIn,
    response=Order,
    errors=(404, 409, 422),
    writes=True,
    description=(
        "422 `over_pick` for more than ordered or a SKU not on the order; 409 when the order "
        "is no longer being picked."
    ),
)
def pick_order(order_id: str, body: PickIn) -> dict[str, object]:
    return _order(orders.pick(db(), config(), order_id, body))


@route(
    bp,
    "POST",
    "/orders/<order_id>/short",
    "The store cannot pick everything",
    roles=ORDERS,
    body=ShortIn,
    response=Order,
    errors=(404, 409, 422),
    writes=True,
    description="422 for a SKU not on the order; 409 when the order is no longer open.",
)
def short_order(order_id: str, body: ShortIn) -> dict[str, object]:
    return _order(orders.short(db(), config(), order_id, body))


@route(
    bp,
    "POST",
    "/orders/<order_id>/ready",
    "Every line picked: ready for the customer",
    roles=ORDERS,
    response=Order,
    errors=(404, 409),
    writes=True,
)
def ready_order(order_id: str) -> dict[str, object]:
    return _order(orders.ready(db(), config(), order_id))


@route(
    bp,
    "POST",
    "/orders/<order_id>/collect",
    "Hand over against the pickup code",
    roles=ORDERS,
    body=CollectIn,
    response=Order,
    errors=(404, 409, 422, 429),
    writes=True,
    description=(
        "422 `wrong_pickup_code`; five wrong codes within 15 minutes lock the order (429 with"
        " `Retry-After`); 409 when already collected."
    ),
)
def collect_order(order_id: str, body: CollectIn) -> dict[str, object]:
    return _order(orders.collect(db(), config(), order_id, body))


def _order(order: Order) -> dict[str, object]:
    """Orders as the store sees them: never the pickup code or its hash."""
    return order.model_dump(mode="json", exclude=PICKUP_SECRETS)
