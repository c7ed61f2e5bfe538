"""HQ reads of what the stores pushed: sales (with voided flag) and returns, by time."""

from __future__ import annotations

from flask import Blueprint, Response

from cloud.api.db import reading
from cloud.api.registry import READ, route
from cloud.services import reporting
from httpshell.paging import CURSOR, LIMIT, page_args, paged, since, since_arg
from shared.models import Return, Sale

bp = Blueprint("sales", __name__)
QUERY = (since("since", "that occurred"), LIMIT, CURSOR)


@route(
    bp,
    "GET",
    "/stores/<store>/sales",
    "Sales of a store in (occurred_at, id) order; `since` filters by occurred_at",
    roles=READ,
    response=Sale,
    is_list=True,
    query=QUERY,
    errors=(404,),
)
def list_sales(store: str) -> Response:
    limit, after = page_args()
    with reading() as conn:
        items = reporting.sales_of(conn, store, since_arg(), after, limit + 1)
    return paged(items, limit, lambda s: (s.occurred_at, s.id))


@route(
    bp,
    "GET",
    "/stores/<store>/returns",
    "Returns of a store, each with the sale it refers to (sale_id, sale_receipt_no)",
    roles=READ,
    response=Return,
    is_list=True,
    query=QUERY,
    errors=(404,),
)
def list_returns(store: str) -> Response:
    limit, after = page_args()
    with reading() as conn:
        items = reporting.returns_of(conn, store, since_arg(), after, limit + 1)
    return paged(items, limit, lambda r: (r.occurred_at, r.id))
