"""Transfers on the lane API: pickers and managers ship and receive; a manager requests
one (forwarded to the cloud, or queued in the outbox while it is away)."""

from __future__ import annotations

from flask import Blueprint, current_app, request

from edge import transfers
from edge.sync.forward import transfer_forwarder
from edge.web.context import config, db
from edge.web.registry import STOCK, route
from httpshell.paging import LIMIT, limit_arg
from httpshell.routes import Link, Query
from shared.transfers import TRANSFER_STATES, Transfer, TransferCountsIn, TransferIn

bp = Blueprint("transfers", __name__)
MANAGER = ("manager",)
TRANSFER = {"transfer_id": "$response.body#/id"}


@route(
    bp,
    "GET",
    "/transfers",
    "Transfers from or to this store (default: requested and shipped)",
    roles=STOCK,
    response=Transfer,
    is_list=True,
    query=(Query("state", {"type": "string", "enum": list(TRANSFER_STATES)}), LIMIT),
    links=tuple(
        Link(
            name,
            f"{method} /transfers/{{transfer_id}}{tail}",
            {"transfer_id": "$response.body#/items/0/id"},
        )
        for name, method, tail in (
            ("GetTransfer", "GET", ""),
            ("ShipTransfer", "POST", "/ship"),
            ("ReceiveTransfer", "POST", "/receive"),
        )
    ),
)
def list_transfers() -> dict[str, object]:
    found = transfers.list_transfers(db(), request.args.get("state") or None, limit_arg())
    return {"items": [t.wire() for t in found], "next": None}


@route(
    bp,
    "GET",
    "/transfers/<transfer_id>",
    "One transfer with its state",
    roles=STOCK,
    response=Transfer,
    errors=(404,),
)
def get_transfer(transfer_id: str) -> dict[str, object]:
    return transfers.get(db(), transfer_id).wire()


@route(
    bp,
    "POST",
    "/transfers",
    "A manager's transfer request: forwarded to the cloud, or queued while it is away",
    roles=MANAGER,
    body=TransferIn,
    response=Transfer,
    status=201,
    errors=(404, 422),
    writes=True,
    links=(Link("GetRequestedTransfer", "GET /transfers/{transfer_id}", TRANSFER),),
    description="`queued: true` when the cloud is away (the request waits in the "
    "outbox); 422 `not_this_store` when this store is neither `from` nor `to`, "
    "`idempotency_conflict` for a used `id`; the cloud's 404 (unknown store or SKU) is passed on.",
)
def request_transfer(body: TransferIn) -> tuple[dict[str, object], int]:
    forward = transfer_forwarder(current_app.config["DATA_DIR"], db())
    transfer, status = transfers.request(db(), config(), body, forward)
    return transfer.wire(), status


@route(
    bp,
    "POST",
    "/transfers/<transfer_id>/ship",
    "Ship what was counted: `transfer_out` movements, state shipped",
    roles=STOCK,
    body=TransferCountsIn,
    response=Transfer,
    errors=(403, 404, 409, 422),
    writes=True,
    description="403 `wrong_store` at the receiving store; 409 `already_shipped` or "
    "`transfer_cancelled`; 422 `over_ship`, `not_on_transfer` or `nothing_shipped`.",
)
def ship_transfer(transfer_id: str, body: TransferCountsIn) -> dict[str, object]:
    return transfers.ship(db(), config(), transfer_id, body).wire()


@route(
    bp,
    "POST",
    "/transfers/<transfer_id>/receive",
    "Receive what arrived, per SKU: `transfer_in` movements, state received",
    roles=STOCK,
    body=TransferCountsIn,
    response=Transfer,
    errors=(403, 404, 409, 422),
    writes=True,
    description="403 `wrong_store` at the sending store; 409 `already_received` or "
    "`transfer_cancelled`; 422 `not_on_transfer`. A transfer still `requested` here can be "
    "received (the goods that arrived were shipped).",
)
def receive_transfer(transfer_id: str, body: TransferCountsIn) -> dict[str, object]:
    return transfers.receive_goods(db(), config(), transfer_id, body).wire()
