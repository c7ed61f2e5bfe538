"""HQ / web shop orders API and webhook subscriptions (SPEC §6)."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify

from cloud.api.db import engine
from cloud.api.registry import CATALOGUE_READ, HQ, ORDERS_WRITE, READ, route
from cloud.services import orders, webhooks
from httpshell.paging import whole
from httpshell.routes import Link, caller
from shared.models import Order, OrderIn, Webhook, WebhookIn

bp = Blueprint("orders", __name__)


@route(
    bp,
    "POST",
    "/orders",
    "Place a click-and-collect order at a store",
    roles=ORDERS_WRITE,
    body=OrderIn,
    response=Order,
    status=201,
    errors=(403, 404, 409, 422),
    links=(
        Link("GetOrder", "GET /orders/{order_id}", {"order_id": "$response.body#/id"}),
        Link("CancelOrder", "POST /orders/{order_id}/cancel", {"order_id": "$response.body#/id"}),
        Link(
            "OrderStock",
            "GET /stores/{store}/stock/{sku}",
            {"store": "$response.body#/store", "sku": "$response.body#/lines/0/sku"},
        ),
    ),
    description="404 for an unknown store or SKU, 409 when the store cannot cover it; 422 "
    "`validation_error` when two lines name the same SKU and `idempotency_conflict` when the "
    "`id` was used before with another body (rules a JSON Schema cannot state).",
)
def place_order(body: OrderIn) -> tuple[Response, int]:
    with engine().begin() as conn:
        order, created = orders.place(
            conn,
            body,
            current_app.config["ORDER_HOLD_S"],
            _caller(),
            current_app.config["DEFAULT_REGION"],
        )
    return jsonify(orders.public(order)), 201 if created else 200


@route(
    bp,
    "GET",
    "/orders/<order_id>",
    "An order with status and picked quantities",
    roles=CATALOGUE_READ,
    response=Order,
    errors=(404,),
)
def get_order(order_id: str) -> Response:
    with engine().connect() as conn:
        return jsonify(orders.public(orders.get(conn, order_id, _caller())))


@route(
    bp,
    "POST",
    "/orders/<order_id>/cancel",
    "Cancel (idempotent); 409 once collected",
    roles=ORDERS_WRITE,
    response=Order,
    errors=(403, 404, 409),
)
def cancel_order(order_id: str) -> Response:
    with engine().begin() as conn:
        return jsonify(orders.public(orders.cancel(conn, order_id, _caller())))


@route(
    bp,
    "POST",
    "/orders/<order_id>/accept-part",
    "Take what the store holds of a short order; the store goes on picking",
    roles=ORDERS_WRITE,
    response=Order,
    errors=(403, 404, 409),
    description="Each line shrinks to the units the store kept for it (lines it holds none "
    "of go); the order becomes `accepted` (`picking` when some units are picked) and the "
    "store learns it from its feed. Again once accepted answers the order unchanged; 409 "
    "`not_short` for an order in another state, 409 `nothing_held` when the store holds "
    "nothing of it (cancel it instead).",
)
def accept_part(order_id: str) -> Response:
    with engine().begin() as conn:
        return jsonify(orders.public(orders.accept_part(conn, order_id, _caller())))


def _caller() -> orders.Caller:
    """The authenticated HQ token: its role and the hash that names it."""
    who = caller()
    return orders.Caller(who.role, who.name)


@route(
    bp,
    "POST",
    "/webhooks",
    "Subscribe a URL to order and/or stock.changed events (HMAC-SHA256 signed)",
    roles=HQ,
    body=WebhookIn,
    response=Webhook,
    status=201,
    errors=(403, 422),
    links=(Link("DeleteWebhook", "DELETE /webhooks/{hook_id}", {"hook_id": "$response.body#/id"}),),
    description="422 `forbidden_webhook_target` for a URL naming this machine, a private, "
    "link-local or reserved network (unless the deployment allows it), which depends on "
    "the deployment and on DNS.",
)
def add_webhook(body: WebhookIn) -> tuple[Response, int]:
    with engine().begin() as conn:
        hook = webhooks.register(conn, body)
    return jsonify(hook.model_dump(mode="json")), 201


@route(
    bp,
    "GET",
    "/webhooks",
    "Webhook subscriptions (secrets not shown)",
    roles=READ,
    response=Webhook,
    is_list=True,
)
def list_webhooks() -> dict[str, object]:
    with engine().connect() as conn:
        return whole(webhooks.list_hooks(conn))


@route(bp, "DELETE", "/webhooks/<hook_id>", "Unsubscribe", roles=HQ, errors=(403, 404))
def delete_webhook(hook_id: str) -> tuple[Response, int]:
    with engine().begin() as conn:
        webhooks.delete(conn, hook_id)
    return jsonify({"deleted": hook_id}), 200
