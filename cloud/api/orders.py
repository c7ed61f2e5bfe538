"""HQ / web shop orders API and webhook subscriptions (SPEC §6)."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify

from cloud.api.auth import require_hq
from cloud.api.db import engine
from cloud.api.registry import RouteDoc, route
from cloud.services import orders, webhooks
from shared.models import Order, OrderIn, Webhook, WebhookIn

bp = Blueprint("orders", __name__)
P = "/api/v1"


@route(
    bp,
    "POST",
    f"{P}/orders",
    RouteDoc(
        "POST",
        "/orders",
        "Place a click-and-collect order at a store",
        "hq",
        OrderIn,
        Order,
        status=201,
        errors=(401, 403, 404, 409, 422),
    ),
)
def place_order(body: OrderIn) -> tuple[Response, int]:
    require_hq(write=True)
    with engine().begin() as conn:
        order, created = orders.place(conn, body, current_app.config["ORDER_HOLD_S"])
    return jsonify(orders.public(order)), 201 if created else 200


@route(
    bp,
    "GET",
    f"{P}/orders/<order_id>",
    RouteDoc(
        "GET",
        "/orders/{order_id}",
        "An order with status and picked quantities",
        "read",
        response=Order,
        errors=(401, 404),
    ),
)
def get_order(order_id: str) -> Response:
    require_hq(write=False)
    with engine().connect() as conn:
        return jsonify(orders.public(orders.get(conn, order_id)))


@route(
    bp,
    "POST",
    f"{P}/orders/<order_id>/cancel",
    RouteDoc(
        "POST",
        "/orders/{order_id}/cancel",
        "Cancel (idempotent); 409 once collected",
        "hq",
        response=Order,
        errors=(401, 403, 404, 409),
    ),
)
def cancel_order(order_id: str) -> Response:
    require_hq(write=True)
    with engine().begin() as conn:
        return jsonify(orders.public(orders.cancel(conn, order_id)))


@route(
    bp,
    "POST",
    f"{P}/webhooks",
    RouteDoc(
        "POST",
        "/webhooks",
        "Subscribe a URL to order events (HMAC-SHA256 signed)",
        "hq",
        WebhookIn,
        Webhook,
        status=201,
        errors=(401, 403, 422),
    ),
)
def add_webhook(body: WebhookIn) -> tuple[Response, int]:
    require_hq(write=True)
    with engine().begin() as conn:
        hook = webhooks.register(conn, body)
    return jsonify(hook.model_dump(mode="json")), 201


@route(
    bp,
    "GET",
    f"{P}/webhooks",
    RouteDoc(
        "GET",
        "/webhooks",
        "Webhook subscriptions (secrets not shown)",
        "read",
        response=Webhook,
        is_list=True,
    ),
)
def list_webhooks() -> Response:
    require_hq(write=False)
    with engine().connect() as conn:
        items = [h.model_dump(mode="json") for h in webhooks.list_hooks(conn)]
    return jsonify({"items": items, "next": None})


@route(
    bp,
    "DELETE",
    f"{P}/webhooks/<hook_id>",
    RouteDoc("DELETE", "/webhooks/{hook_id}", "Unsubscribe", "hq", errors=(401, 403, 404)),
)
def delete_webhook(hook_id: str) -> tuple[Response, int]:
    require_hq(write=True)
    with engine().begin() as conn:
        webhooks.delete(conn, hook_id)
    return jsonify({"deleted": hook_id}), 200
