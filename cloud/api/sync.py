"""Sync API for store nodes: enrol (one-time token), then signed push, pull and sale lookup."""

from __future__ import annotations

import gzip
from typing import Any

from flask import Blueprint, Response, current_app, g, jsonify, request

from cloud.api.auth import verify_signed_request
from cloud.api.db import engine
from cloud.api.registry import RouteDoc, route
from cloud.services import sync
from cloud.services.enrolment import enrol
from shared.api import MAX_LIMIT, parse_limit
from shared.clock import now_text
from shared.errors import BadRequest
from shared.models import EnrollIn, EnrollOut, PullOut, PushIn, PushOut

bp = Blueprint("sync", __name__)
P = "/api/v1/sync"
PULL_DEFAULT = 500
GZIP_OVER = 1024


@bp.before_request
def _authenticate() -> None:
    if request.endpoint != "sync.enroll":
        g.store = verify_signed_request()


@bp.after_request
def _compress(response: Response) -> Response:
    """Nodes learn their clock offset from `Date`; big JSON answers travel gzipped."""
    from email.utils import formatdate

    response.headers["Date"] = formatdate(usegmt=True)
    accepts = "gzip" in request.headers.get("Accept-Encoding", "")
    if accepts and not response.direct_passthrough and len(response.get_data()) > GZIP_OVER:
        response.set_data(gzip.compress(response.get_data(), 5))
        response.headers["Content-Encoding"] = "gzip"
        response.headers["Vary"] = "Accept-Encoding"
    return response


@route(
    bp,
    "POST",
    f"{P}/enroll",
    RouteDoc(
        "POST",
        "/sync/enroll",
        "Enrol a store node with a one-time token",
        "token",
        EnrollIn,
        EnrollOut,
        status=201,
        errors=(401, 422),
    ),
)
def enroll(body: EnrollIn) -> tuple[Response, int]:
    with engine().begin() as conn:
        answer = enrol(conn, body, current_app.config["CURRENCY"])
    return jsonify(answer.model_dump(mode="json")), 201


@route(
    bp,
    "POST",
    f"{P}/push",
    RouteDoc(
        "POST",
        "/sync/push",
        "Push outbox events; one result per event",
        "signed",
        PushIn,
        PushOut,
        errors=(400, 401, 413, 422),
    ),
)
def push(body: PushIn) -> Response:
    results = sync.push(engine(), g.store, body.events, body.clock_offset_s)
    answer = PushOut(results=results, server_time=now_text())  # type: ignore[arg-type]
    return jsonify(answer.model_dump(mode="json"))


@route(
    bp,
    "GET",
    f"{P}/pull",
    RouteDoc(
        "GET",
        "/sync/pull",
        "The store's change feed since a cursor",
        "signed",
        response=PullOut,
        query=("since", "limit"),
        errors=(400, 401),
    ),
)
def pull() -> Response:
    limit = parse_limit(request.args.get("limit") or str(PULL_DEFAULT))
    with engine().begin() as conn:
        answer = sync.pull(conn, g.store, request.args.get("since"), min(limit, MAX_LIMIT))
    return jsonify(answer.model_dump(mode="json"))


@route(
    bp,
    "GET",
    f"{P}/sales/<sale_id>",
    RouteDoc(
        "GET",
        "/sync/sales/{sale_id}",
        "Any store's sale, for a return",
        "signed",
        errors=(401, 404),
    ),
)
def sale_by_id(sale_id: str) -> Response:
    with engine().connect() as conn:
        return jsonify(sync.find_sale(conn, sale_id, None))


@route(
    bp,
    "GET",
    f"{P}/sales",
    RouteDoc(
        "GET",
        "/sync/sales",
        "Any store's sale by receipt number, for a return",
        "signed",
        query=("receipt_no",),
        errors=(400, 401, 404),
    ),
)
def sale_by_receipt() -> Response:
    receipt_no = request.args.get("receipt_no")
    if not receipt_no:
        raise BadRequest("missing_receipt_no", "give ?receipt_no=")
    with engine().connect() as conn:
        found: dict[str, Any] = sync.find_sale(conn, None, receipt_no)
    return jsonify(found)
