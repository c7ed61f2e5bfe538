"""Signed routes a node uses after a restore from an older backup: its own facts since a
moment, paged, so it learns back what it had pushed (SPEC §13: never reuse a receipt number
or an id)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from flask import Blueprint, Response

from cloud.api.db import engine
from cloud.api.registry import STORE, route
from cloud.services import recovery
from httpshell.paging import PAGED, page_args, paged, since_arg
from httpshell.routes import Query, caller
from shared.errors import BadRequest
from shared.models import Return, Sale, StockMovement, Void

bp = Blueprint("recovery", __name__)
QUERY = (Query("since", {"type": "string", "format": "date-time"}, required=True), *PAGED)
Lister = Callable[[Any, str, str, tuple[str, str] | None, int], Sequence[Any]]


def _page(lister: Lister) -> Response:
    start = since_arg()
    if start is None:
        raise BadRequest("missing_since", "give ?since= (an RFC 3339 instant)")
    limit, after = page_args()
    with engine().connect() as conn:
        items = lister(conn, caller().name, start, after, limit + 1)
    return paged(items, limit, lambda item: (item.occurred_at, item.id))


@route(
    bp,
    "GET",
    "/sync/recovery/sales",
    "This store's own sales since an instant",
    roles=STORE,
    response=Sale,
    is_list=True,
    query=QUERY,
)
def recovery_sales() -> Response:
    return _page(recovery.own_sales)


@route(
    bp,
    "GET",
    "/sync/recovery/returns",
    "This store's own returns since an instant",
    roles=STORE,
    response=Return,
    is_list=True,
    query=QUERY,
)
def recovery_returns() -> Response:
    return _page(recovery.own_returns)


@route(
    bp,
    "GET",
    "/sync/recovery/voids",
    "This store's own voids since an instant",
    roles=STORE,
    response=Void,
    is_list=True,
    query=QUERY,
)
def recovery_voids() -> Response:
    return _page(recovery.own_voids)


@route(
    bp,
    "GET",
    "/sync/recovery/movements",
    "Stock movements this store made itself since an instant",
    roles=STORE,
    response=StockMovement,
    is_list=True,
    query=QUERY,
)
def recovery_movements() -> Response:
    return _page(recovery.own_movements)
