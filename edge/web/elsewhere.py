"""Stock elsewhere on the lane API: the other stores' levels of a SKU, asked of the cloud
(signed) and answered from the last copy while the cloud is away."""

from __future__ import annotations

from flask import Blueprint, current_app

from edge import elsewhere
from edge.sync.forward import stock_fetcher
from edge.web.context import config, db
from edge.web.registry import STAFF, route
from shared.stores import StockElsewhere

bp = Blueprint("elsewhere", __name__)


@route(
    bp,
    "GET",
    "/stock/<sku>/elsewhere",
    "The SKU in the chain's other stores, nearest first (`live: false`: the last copy)",
    roles=STAFF,
    response=StockElsewhere,
    errors=(404, 503),
    description="With the cloud away, the last copy this node kept, with `live: false` and "
    "its `as_of`; 503 `cloud_unavailable` when there is none. 404 `unknown_product`.",
)
def stock_elsewhere(sku: str) -> StockElsewhere:
    fetch = stock_fetcher(current_app.config["DATA_DIR"], db())
    return elsewhere.stock_elsewhere(db(), config(), sku, fetch)
