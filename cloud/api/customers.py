"""Customers and loyalty for HQ (SPEC §9), and the signed points holds tills ask for."""

from __future__ import annotations

import re

from flask import Blueprint, current_app, request

from cloud.api.db import engine, write
from cloud.api.registry import HQ, READ, STORE, route
from cloud.services import customers, loyalty
from httpshell.paging import LIMIT, PAGED, limit_arg, page_args, paged, whole
from httpshell.routes import Link, Query, caller, created
from shared.customers import (
    Customer,
    CustomerIn,
    Export,
    Hold,
    HoldIn,
    LoyaltyProgram,
    MergeIn,
    PointsAdjustIn,
    TimelineItem,
)
from shared.errors import BadRequest
from shared.models import UUID_PATTERN

bp = Blueprint("customers", __name__)
CUSTOMER = {"customer_id": "$request.path.customer_id"}


def _id(customer_id: str) -> str:
    """A customer id in a path is a UUID (400 `bad_customer_id`), compared in lower case."""
    if re.fullmatch(UUID_PATTERN, customer_id) is None:
        raise BadRequest("bad_customer_id", "a customer id is a UUID")
    return customer_id.lower()


def _region() -> str:
    return str(current_app.config["DEFAULT_REGION"])


@route(
    bp,
    "PUT",
    "/customers/<customer_id>",
    "Create or replace a customer (phone to E.164, email lower case)",
    roles=HQ,
    body=CustomerIn,
    response=Customer,
    status=201,
    errors=(403, 409, 422),
    links=(Link("GetCustomer", "GET /customers/{customer_id}", CUSTOMER),),
    description="A new customer whose phone, email or card another customer has is merged "
    "into that customer at once (the answer names `merged_into`). 409 `duplicate_customer` "
    "when an existing customer is changed to another's phone, email or card, "
    "`customer_closed` for a merged or erased one; 422 `bad_phone`, `bad_email`, `bad_card`.",
)
def put_customer(customer_id: str, body: CustomerIn) -> tuple[Customer, int]:
    customer_id = _id(customer_id)
    return created(*write(lambda conn: customers.put(conn, customer_id, body, _region())))


@route(
    bp,
    "GET",
    "/customers/<customer_id>",
    "A customer with their points balance (a merged id: that record, with `merged_into`)",
    roles=READ,
    response=Customer,
    errors=(404,),
)
def get_customer(customer_id: str) -> Customer:
    customer_id = _id(customer_id)
    with engine().connect() as conn:
        return customers.get(conn, customer_id)


@route(
    bp,
    "GET",
    "/customers",
    "Customers not merged: exact phone, email or card, or part of the name",
    roles=READ,
    response=Customer,
    is_list=True,
    query=(
        Query("q", {"type": "string", "minLength": 1, "maxLength": 200}, required=True),
        *PAGED,
    ),
)
def search_customers() -> object:
    limit, after = page_args()
    q = request.args.get("q", "")
    with engine().connect() as conn:
        found = customers.search(conn, q, _region(), after, limit + 1)
    return paged(found, limit, lambda c: (c.created_at, c.id))


@route(
    bp,
    "GET",
    "/customers/<customer_id>/timeline",
    "Sales, returns, orders and points of a customer in every channel, newest first",
    roles=READ,
    response=TimelineItem,
    is_list=True,
    query=(LIMIT,),
    errors=(404,),
)
def customer_timeline(customer_id: str) -> object:
    customer_id = _id(customer_id)
    with engine().connect() as conn:
        return whole(customers.timeline(conn, customer_id, limit_arg(1000)))


@route(
    bp,
    "POST",
    "/customers/<customer_id>/merge",
    "Merge a customer into another: both ids answer for the survivor, points move",
    roles=HQ,
    body=MergeIn,
    response=Customer,
    errors=(403, 404, 409, 422),
    description="409 `merge_into_self`, and `customer_closed` when it is already merged "
    "elsewhere; 404 `customer_erased` for an erased customer.",
)
def merge_customer(customer_id: str, body: MergeIn) -> Customer:
    customer_id = _id(customer_id)
    return write(lambda conn: customers.merge_request(conn, customer_id, body.into))


@route(
    bp,
    "GET",
    "/customers/<customer_id>/export",
    "Everything held about a customer (privacy export)",
    roles=READ,
    response=Export,
    errors=(404,),
)
def export_customer(customer_id: str) -> Export:
    customer_id = _id(customer_id)
    with engine().connect() as conn:
        return customers.export(conn, customer_id)


@route(
    bp,
    "DELETE",
    "/customers/<customer_id>",
    "Erase a customer's personal fields here and at every node; sales keep the id",
    roles=HQ,
    response=Customer,
    errors=(403, 404),
)
def erase_customer(customer_id: str) -> Customer:
    customer_id = _id(customer_id)
    return write(lambda conn: customers.erase(conn, customer_id))


@route(
    bp,
    "POST",
    "/customers/<customer_id>/points",
    "An HQ adjustment of a customer's points (`id` is the idempotency key)",
    roles=HQ,
    body=PointsAdjustIn,
    response=Customer,
    status=201,
    errors=(403, 404, 422),
)
def adjust_points(customer_id: str, body: PointsAdjustIn) -> tuple[Customer, int]:
    customer_id = _id(customer_id)
    return created(*write(lambda conn: loyalty.adjust(conn, customer_id, body)))


@route(
    bp,
    "PUT",
    "/loyalty/program",
    "Set the loyalty program (earn rate, point value, least redemption, offline cap)",
    roles=HQ,
    body=LoyaltyProgram,
    response=LoyaltyProgram,
    errors=(403, 422),
)
def put_program(body: LoyaltyProgram) -> LoyaltyProgram:
    return write(lambda conn: loyalty.set_program(conn, body, _region()))


@route(bp, "GET", "/loyalty/program", "The loyalty program", roles=READ, response=LoyaltyProgram)
def get_program() -> LoyaltyProgram:
    with engine().begin() as conn:
        return loyalty.program(conn)


@route(
    bp,
    "POST",
    "/sync/points/holds",
    "Hold points for a redemption at a till (expires on its own)",
    roles=STORE,
    body=HoldIn,
    response=Hold,
    status=201,
    errors=(404, 409, 422),
    description="409 `insufficient_points` over the balance minus the other live holds; "
    "the same hold id again answers the same hold.",
)
def hold_points(body: HoldIn) -> tuple[Hold, int]:
    hold_s = int(current_app.config["POINTS_HOLD_S"])
    return write(lambda conn: loyalty.hold(conn, caller().name, body, hold_s)), 201


@route(
    bp,
    "GET",
    "/sync/customers/<customer_id>/recent",
    "A customer's latest purchases in every store and online, for a store's till",
    roles=STORE,
    response=TimelineItem,
    is_list=True,
    errors=(404,),
)
def recent_for_store(customer_id: str) -> object:
    with engine().connect() as conn:
        return whole(customers.recent_purchases(conn, customer_id))
