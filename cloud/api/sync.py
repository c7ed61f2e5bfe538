"""Sync API for store nodes: enrol with a one-time token, then signed push, pull and sale
lookups. The verified key names the store; a node never names the store it acts for."""

from __future__ import annotations

import gzip
from email.utils import formatdate

from flask import Blueprint, Response, current_app, jsonify, request

from cloud.api.db import engine, write
from cloud.api.registry import STORE, route
from cloud.services import fleet, sync
from cloud.services.enrolment import enrol
from cloud.services.sync import SaleLookup
from httpshell.paging import limit_arg
from httpshell.routes import Query, caller
from shared.api import MAX_LIMIT
from shared.errors import BadRequest
from shared.models import EnrollIn, EnrollOut, PullOut, PushIn, PushOut

bp = Blueprint("sync", __name__)
PULL_DEFAULT = 500
GZIP_OVER = 1024


@bp.after_request
def _date_and_compress(response: Response) -> Response:
    """Nodes learn their clock offset from `Date`; big JSON answers travel gzipped."""
    response.headers["Date"] = formatdate(usegmt=True)
    accepts = "gzip" in request.headers.get("Accept-Encoding", "").lower()
    if accepts and not response.direct_passthrough and len(response.get_data()) > GZIP_OVER:
        response.set_data(gzip.compress(response.get_data(), 5))
        response.headers["Content-Encoding"] = "gzip"
        response.headers["Vary"] = "Accept-Encoding"
    return response


@route(
    bp,
    "POST",
    "/sync/enroll",
    "Enrol a store node with its one-time token; its public key replaces any older one",
    roles=None,
    body=EnrollIn,
    response=EnrollOut,
    status=201,
    errors=(401, 409, 422),
)
def enroll(body: EnrollIn) -> tuple[Response, int]:
    currency = current_app.config["CURRENCY"]
    answer = write(lambda conn: enrol(conn, body, currency))
    return jsonify(answer.model_dump(mode="json")), 201


@route(
    bp,
    "POST",
    "/sync/push",
    "Push outbox events; one result (accepted, duplicate, rejected) per event, in order",
    roles=STORE,
    body=PushIn,
    response=PushOut,
    errors=(413, 422),
)
def push(body: PushIn) -> Response:
    answer = sync.push(engine(), caller().name, body.events, body.clock_offset_s)
    fleet.reported(engine(), caller().name, request.headers, push_offset=body.clock_offset_s)
    current_app.extensions["omnistore_metrics"].pushed(answer.results)
    return jsonify(answer.model_dump(mode="json"))


@route(
    bp,
    "GET",
    "/sync/pull",
    "The store's change feed (catalogue and HQ movements) after a cursor",
    roles=STORE,
    response=PullOut,
    query=(
        Query(
            "since",
            {"type": "string", "pattern": r"^(c[0-9]{1,18}\.s[0-9]{1,18})?$"},
            description="the `cursor` of the previous pull; empty or absent: from the start",
            code="bad_cursor",
        ),
        Query(
            "limit",
            {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": PULL_DEFAULT},
        ),
    ),
)
def pull() -> Response:
    limit = limit_arg(PULL_DEFAULT)
    with engine().connect() as conn:
        answer = sync.pull(conn, caller().name, request.args.get("since"), limit)
    fleet.reported(engine(), caller().name, request.headers, push_offset=None)
    return jsonify(answer.model_dump(mode="json"))


@route(
    bp,
    "GET",
    "/sync/sales/<sale_id>",
    "Any store's sale with the quantities already returned, for a return",
    roles=STORE,
    response=SaleLookup,
    errors=(404,),
)
def sale_by_id(sale_id: str) -> Response:
    with engine().connect() as conn:
        return jsonify(sync.find_sale(conn, sale_id=sale_id).model_dump(mode="json"))


@route(
    bp,
    "GET",
    "/sync/sales",
    "Any store's sale by receipt number with the quantities already returned",
    roles=STORE,
    response=SaleLookup,
    query=(Query("receipt_no", {"type": "string", "minLength": 1}, required=True),),
    errors=(404,),
)
def sale_by_receipt() -> Response:
    receipt_no = request.args.get("receipt_no")
    if not receipt_no:
        raise BadRequest("missing_receipt_no", "give ?receipt_no=")
    with engine().connect() as conn:
        return jsonify(sync.find_sale(conn, receipt_no=receipt_no).model_dump(mode="json"))
