"""`GET /stores`: every store with its enrolment state and last sync (readonly may read)."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify

from cloud.api.db import reading
from cloud.api.registry import READ, route
from cloud.services import reporting
from httpshell.routes import Link
from shared.models import StoreInfo

bp = Blueprint("stores", __name__)


@route(
    bp,
    "GET",
    "/stores",
    "Stores with enrolment state and last sync",
    roles=READ,
    response=StoreInfo,
    is_list=True,
    links=tuple(
        Link(name, f"GET /stores/{{store}}/{what}", {"store": "$response.body#/items/0/code"})
        for name, what in (("StoreSales", "sales"), ("StoreReturns", "returns"))
    ),
)
def list_stores() -> Response:
    with reading() as conn:
        items = [s.model_dump(mode="json") for s in reporting.stores_info(conn)]
    return jsonify({"items": items, "next": None})
