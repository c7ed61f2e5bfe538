"""Endless aisle on the lane API: a till places a click-and-collect order at another store
(forwarded signed to the cloud); the answer carries the pickup code for the slip."""

from __future__ import annotations

from flask import Blueprint, current_app

from edge import aisle
from edge.sync.forward import order_sender
from edge.web.context import config, db
from edge.web.registry import SELL, route
from shared.aisle import AisleOrderIn
from shared.models import Order

bp = Blueprint("aisle", __name__)


@route(
    bp,
    "POST",
    "/orders",
    "Place a click-and-collect order at another store for the customer at the till",
    roles=SELL,
    body=AisleOrderIn,
    response=Order,
    status=201,
    errors=(404, 409, 422, 503),
    description="Needs the cloud: 503 `cloud_unavailable` when it is away (nothing is kept). "
    "The answer carries `pickup_code` and `pickup_qr` for the customer's slip (also on an "
    "identical retry within 10 minutes). 422 `own_store` for this store itself, "
    "`idempotency_conflict` for a used `id`; 404 unknown product or store; 409 "
    "`insufficient_stock` when that store cannot cover it.",
)
def place_order(body: AisleOrderIn) -> tuple[dict[str, object], int]:
    send = order_sender(current_app.config["DATA_DIR"], db())
    order, is_new = aisle.place(db(), config(), body, send)
    answer = order.model_dump(mode="json", exclude={"pickup_code_hash"})
    return answer, 201 if is_new else 200
