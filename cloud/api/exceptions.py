"""`GET /exceptions`: what HQ must look at, filtered by store, kind and time."""

from __future__ import annotations

from flask import Blueprint, Response, request

from cloud.api.db import reading
from cloud.api.registry import READ, route
from cloud.services import reporting
from httpshell.paging import page_args, paged, since_arg
from shared.models import ExceptionRecord

bp = Blueprint("exceptions", __name__)


@route(
    bp,
    "GET",
    "/exceptions",
    "Oversells, short orders, cancels lost to a collect, rejected events, clock skew",
    roles=READ,
    response=ExceptionRecord,
    is_list=True,
    query=("store", "kind", "since", "limit", "cursor"),
)
def list_exceptions() -> Response:
    limit, after = page_args()
    store, kind = request.args.get("store") or None, request.args.get("kind") or None
    with reading() as conn:
        items = reporting.exceptions_of(conn, store, kind, since_arg(), after, limit + 1)
    return paged(items, limit, lambda e: (e.created_at, e.id))
