"""Transfers between stores (SPEC §11): HQ requests, lists, reads and cancels; a store's
node forwards its manager's request signed with the store key."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request

from cloud.api.db import engine, reading, write
from cloud.api.registry import HQ, READ, STORE, route
from cloud.services import transfers
from httpshell.paging import CURSOR, LIMIT, page_args
from httpshell.routes import Link, Query, caller
from shared.models import STORE_PATTERN
from shared.transfers import TRANSFER_STATES, Transfer, TransferIn

bp = Blueprint("transfers", __name__)
TRANSFER = {"transfer_id": "$response.body#/id"}
LINKS = (
    Link("GetTransfer", "GET /transfers/{transfer_id}", TRANSFER),
    Link("CancelTransfer", "POST /transfers/{transfer_id}/cancel", TRANSFER),
)
DESCRIBE_CREATE = (
    "404 for an unknown store or SKU; 422 `validation_error` when two lines name the same SKU "
    "or `from` equals `to`, `idempotency_conflict` when the `id` was used before with another "
    "body."
)


@route(
    bp,
    "POST",
    "/transfers",
    "Request a transfer of stock from one store to another",
    roles=HQ,
    body=TransferIn,
    response=Transfer,
    status=201,
    errors=(403, 404, 422),
    links=LINKS,
    description=DESCRIBE_CREATE,
)
def create_transfer(body: TransferIn) -> tuple[Response, int]:
    transfer, is_new = write(lambda conn: transfers.create(conn, body))
    return jsonify(transfer.wire()), 201 if is_new else 200


@route(
    bp,
    "GET",
    "/transfers",
    "Transfers, oldest first; `in_transit` per line while shipped",
    roles=READ,
    response=Transfer,
    is_list=True,
    query=(
        Query("state", {"type": "string", "enum": list(TRANSFER_STATES)}, description="one state"),
        Query(
            "store",
            {"type": "string", "pattern": STORE_PATTERN},
            description="transfers from or to this store",
        ),
        LIMIT,
        CURSOR,
    ),
    links=(
        Link(
            "GetListedTransfer",
            "GET /transfers/{transfer_id}",
            {"transfer_id": "$response.body#/items/0/id"},
        ),
    ),
)
def list_transfers() -> Response:
    limit, after = page_args()
    state, store = request.args.get("state") or None, request.args.get("store") or None
    with reading() as conn:
        items = transfers.list_transfers(conn, state, store, after, limit + 1)
    shown = items[:limit]
    more = len(items) > limit
    last = shown[-1] if shown else None
    position = None if last is None else f"{last.wire()['created_at']}~{last.id}"
    return jsonify({"items": [t.wire() for t in shown], "next": position if more else None})


@route(
    bp,
    "GET",
    "/transfers/<transfer_id>",
    "One transfer with its state and per-line shipped, received and in-transit units",
    roles=READ,
    response=Transfer,
    errors=(404,),
)
def get_transfer(transfer_id: str) -> Response:
    with engine().connect() as conn:
        return jsonify(transfers.get(conn, transfer_id).wire())


@route(
    bp,
    "POST",
    "/transfers/<transfer_id>/cancel",
    "Cancel a transfer not yet shipped (again: 200); 409 once shipped",
    roles=HQ,
    response=Transfer,
    errors=(403, 404, 409),
)
def cancel_transfer(transfer_id: str) -> Response:
    return jsonify(write(lambda conn: transfers.cancel(conn, transfer_id)).wire())


@route(
    bp,
    "POST",
    "/sync/transfers",
    "A store manager's transfer request, forwarded by the store's node",
    roles=STORE,
    body=TransferIn,
    response=Transfer,
    status=201,
    errors=(403, 404, 422),
    description="403 when the signing store is neither `from` nor `to`. " + DESCRIBE_CREATE,
)
def forward_transfer(body: TransferIn) -> tuple[Response, int]:
    store = caller().name
    transfer, is_new = write(lambda conn: transfers.create_for_store(conn, store, body))
    return jsonify(transfer.wire()), 201 if is_new else 200
