"""`GET /exceptions`: what HQ must look at, filtered by store, kind and time."""

from __future__ import annotations

from flask import Blueprint, Response, request

from cloud.api.db import reading
from cloud.api.registry import READ, route
from cloud.services import reporting
from httpshell.paging import CURSOR, LIMIT, page_args, paged, since, since_arg
from httpshell.routes import Query
from shared.models import STORE_PATTERN, ExceptionKind, ExceptionRecord

bp = Blueprint("exceptions", __name__)
KINDS: list[str] = list(ExceptionKind.__args__)  # type: ignore[attr-defined]
QUERY = (
    Query("store", {"type": "string", "pattern": STORE_PATTERN}, description="one store"),
    Query("kind", {"type": "string", "enum": KINDS}, description="one kind"),
    since("since", "recorded"),
    LIMIT,
    CURSOR,
)


@route(
    bp,
    "GET",
    "/exceptions",
    "Oversells, short orders, cancels lost to a collect, rejected events, clock skew",
    roles=READ,
    response=ExceptionRecord,
    is_list=True,
    query=QUERY,
)
def list_exceptions() -> Response:
    limit, after = page_args()
    store, kind = request.args.get("store") or None, request.args.get("kind") or None
    with reading() as conn:
        items = reporting.exceptions_of(conn, store, kind, since_arg(), after, limit + 1)
    return paged(items, limit, lambda e: (e.created_at, e.id))
