"""`GET /stores`: every store with its enrolment state and last sync (readonly may read)."""

from __future__ import annotations

from flask import Blueprint

from cloud.api.db import reading
from cloud.api.registry import READ, route
from cloud.services import reporting
from httpshell.paging import whole
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
def list_stores() -> dict[str, object]:
    with reading() as conn:
        return whole(reporting.stores_info(conn))
