"""The lane API's routes for remote tills (SPEC §11): the node's identity before sign-in,
till enrolment (a manager) and the store's table of tills, a manager's approval checked as
typed, parked baskets kept by the node, and what a return needs to check each line as it is
scanned. Declared on the same registry as `edge.web.lane`."""

from __future__ import annotations

from flask import Blueprint, current_app, request

from edge import returns, staff, tills
from edge.sync.lookup import cloud_sale_lookup
from edge.web.context import actor, config, db
from edge.web.registry import SELL, STAFF, route
from httpshell.paging import whole
from httpshell.routes import Link, Query, created
from shared.errors import NotFound
from shared.models import UUID_PATTERN
from shared.tills import (
    Approval,
    ApprovalIn,
    NodeInfo,
    ParkedBasket,
    ParkedIn,
    QuoteIn,
    QuoteOut,
    ReturnableOut,
    Till,
    TillIn,
)

bp = Blueprint("tills", __name__)
MANAGER = ("manager",)


@route(
    bp,
    "GET",
    "/node",
    "Which store this node is, for a till before sign-in",
    roles=None,
    response=NodeInfo,
)
def node_info() -> NodeInfo:
    node = config()
    return NodeInfo(store=node.store, name=node.name, currency=node.currency)


# --- the store's tills -------------------------------------------------------------------


@route(
    bp,
    "POST",
    "/tills",
    "Enrol a till for a register (a manager's session approves it)",
    roles=MANAGER,
    body=TillIn,
    response=Till,
    status=201,
    writes=True,
    description="Enrolling a register again renames its till and answers 200.",
)
def enrol_till(body: TillIn) -> tuple[Till, int]:
    return created(*tills.enrol(db(), actor(), body))


@route(
    bp,
    "GET",
    "/tills",
    "The tills enrolled at this store",
    roles=STAFF,
    response=Till,
    is_list=True,
)
def list_tills() -> dict[str, object]:
    return whole(tills.all_tills(db()))


@route(
    bp,
    "POST",
    "/tills/<register>/seen",
    "A till is alive: its last_seen becomes now",
    roles=STAFF,
    response=Till,
    errors=(404,),
    writes=True,
)
def till_seen(register: str) -> Till:
    return tills.seen(db(), register)


@route(
    bp,
    "POST",
    "/approvals",
    "Check a manager's PIN as it is typed (nothing else happens)",
    roles=SELL,
    body=ApprovalIn,
    response=Approval,
    errors=(403, 429),
    description="403 `bad_manager_pin`; five wrong PINs in 15 minutes lock approvals for the "
    "session (429 with `Retry-After`).",
)
def approve(body: ApprovalIn) -> Approval:
    return Approval(manager=staff.require_manager(db(), actor(), body.manager_pin))


# --- parked baskets ------------------------------------------------------------------------


@route(
    bp,
    "GET",
    "/parked",
    "Baskets parked on the open shift of the session's register, oldest first",
    roles=SELL,
    response=ParkedBasket,
    is_list=True,
)
def list_parked() -> dict[str, object]:
    return whole(tills.parked(db(), actor().register))


@route(
    bp,
    "POST",
    "/parked",
    "Park a basket on the register's open shift (its sale id stays its own)",
    roles=SELL,
    body=ParkedIn,
    response=ParkedBasket,
    status=201,
    errors=(409,),
    writes=True,
    links=(
        Link("ResumeParked", "DELETE /parked/{sale_id}", {"sale_id": "$response.body#/sale_id"}),
    ),
    description="409 `no_open_shift` when the register has no open shift; parking the same "
    "`sale_id` again replaces its lines.",
)
def park(body: ParkedIn) -> tuple[ParkedBasket, int]:
    return tills.park(db(), actor(), body), 201


@route(
    bp,
    "DELETE",
    "/parked/<sale_id>",
    "Resume: take a parked basket out (once)",
    roles=SELL,
    response=ParkedBasket,
    errors=(404,),
    writes=True,
)
def resume(sale_id: str) -> ParkedBasket:
    return tills.resume(db(), actor().register, sale_id)


# --- returns, line by line ---------------------------------------------------------------


@route(
    bp,
    "GET",
    "/returnable",
    "A sale to return against, what was returned of it and what may still come back",
    roles=SELL,
    response=ReturnableOut,
    query=(
        Query("sale_id", {"type": "string", "pattern": UUID_PATTERN}),
        Query("receipt_no", {"type": "string", "minLength": 3, "maxLength": 80}),
    ),
    errors=(404,),
    description="Give `sale_id` or `receipt_no` (neither: 404 `unknown_sale`). A sale of "
    "another store is asked of the cloud (404 `unknown_sale` when it is away or does not "
    "know it).",
)
def returnable() -> ReturnableOut:
    known = _known(request.args.get("sale_id"), request.args.get("receipt_no"))
    return ReturnableOut(
        sale=known.sale, returned=known.returned, left=returns.left_to_return(db(), known)
    )


@route(
    bp,
    "POST",
    "/returns/quote",
    "Check and price return lines as `POST /returns` will (nothing is recorded)",
    roles=SELL,
    body=QuoteIn,
    response=QuoteOut,
    errors=(404, 422),
    description="422 for a line not on the receipt, more than is left to return, a voided "
    "sale or (without `sale_id`) an unknown product.",
)
def quote(body: QuoteIn) -> QuoteOut:
    known = _known(body.sale_id, None) if body.sale_id else None
    wanted: dict[str, int] = {}
    for line in body.lines:
        wanted[line.sku] = wanted.get(line.sku, 0) + line.qty
    return QuoteOut(lines=returns.quote(db(), known, wanted))


def _known(sale_id: str | None, receipt_no: str | None) -> returns.KnownSale:
    if not sale_id and not receipt_no:  # no sale named is no sale found
        raise NotFound("unknown_sale", "give ?sale_id= or ?receipt_no=")
    lookup = cloud_sale_lookup(current_app.config["DATA_DIR"], db())
    return returns.find_sale(db(), sale_id or None, receipt_no or None, lookup)
