"""Lane API for customers (SPEC §9): lookup by card, phone or email and sign-up, from the
node's own index, so both work while the cloud is away."""

from __future__ import annotations

from flask import Blueprint, current_app, request

from edge import customers
from edge.sync import forward
from edge.web.context import config, db
from edge.web.registry import SELL, route
from httpshell.paging import whole
from httpshell.routes import Link, Query, created
from shared.customers import IndexEntry, LoyaltyProgram, SignupIn, TimelineItem

bp = Blueprint("customers", __name__)
CUSTOMER = {"customer_id": "$response.body#/id"}


@route(
    bp,
    "GET",
    "/customers/lookup",
    "Find a customer by card scan, phone (any way it is written) or email",
    roles=SELL,
    response=IndexEntry,
    query=(Query("q", {"type": "string", "minLength": 1, "maxLength": 200}, required=True),),
    errors=(404,),
    links=(Link("GetCustomer", "GET /customers/{customer_id}", CUSTOMER),),
)
def lookup_customer() -> IndexEntry:
    return customers.lookup(db(), request.args.get("q", ""))


@route(
    bp,
    "POST",
    "/customers",
    "Sign a customer up at the till (works offline; the cloud merges duplicates)",
    roles=SELL,
    body=SignupIn,
    response=IndexEntry,
    status=201,
    errors=(409, 422),
    writes=True,
    links=(Link("GetCustomer", "GET /customers/{customer_id}", CUSTOMER),),
    description="409 `duplicate_customer` when this node knows a customer with that phone, "
    "email or card (its id is in the error's detail); 422 `bad_phone`, `bad_email`, "
    "`bad_card`, `idempotency_conflict`.",
)
def signup_customer(body: SignupIn) -> tuple[IndexEntry, int]:
    return created(*customers.signup(db(), config(), body))


@route(
    bp,
    "GET",
    "/customers/<customer_id>",
    "A customer (a merged id answers its survivor) with the points as this node knows them",
    roles=SELL,
    response=IndexEntry,
    errors=(404,),
)
def get_customer(customer_id: str) -> IndexEntry:
    return customers.get(db(), customer_id)


@route(
    bp,
    "GET",
    "/loyalty/program",
    "The loyalty program as this node last synced it (a till's points tender needs it)",
    roles=SELL,
    response=LoyaltyProgram,
)
def loyalty_program() -> LoyaltyProgram:
    return customers.program(db())


@route(
    bp,
    "GET",
    "/customers/<customer_id>/recent",
    "The customer's latest purchases in every store and online (asked of the cloud)",
    roles=SELL,
    response=TimelineItem,
    is_list=True,
    errors=(404, 503),
)
def recent_purchases(customer_id: str) -> object:
    known = customers.resolve(db(), customer_id)  # 404 for a customer this node does not know
    return whole(forward.recent_purchases(current_app.config["DATA_DIR"], db(), known.id))
