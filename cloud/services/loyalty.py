"""The loyalty program and the points ledger at the cloud (SPEC §9): HQ sets the program,
stores push points entries (facts, always accepted), tills online hold points before
redeeming, and a balance that goes below zero opens one `points_overdraft` per episode."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import sqlalchemy as sa

from cloud.services import customers
from cloud.services.reporting import Rejected, exception
from cloud.storage import customers as rows
from cloud.storage import feed
from cloud.storage.orders import setting
from cloud.storage.schema import settings
from shared.clock import format_ts, now_text, parse_ts, utc_now
from shared.customers import (
    DEFAULT_PROGRAM,
    Customer,
    Hold,
    HoldIn,
    LoyaltyEvent,
    LoyaltyProgram,
    PointsAdjustIn,
    PointsEntry,
)
from shared.errors import Conflict, Unprocessable, idempotency_conflict

PROGRAM_KEY = "loyalty_program"
EXPIRY_IDS = uuid.UUID("6f1c1b2e-5d0a-4f57-9a51-0c3e2d7a9b10")  # namespace of expiry entry ids
HQ_STORE = "*"  # the store an exception names when HQ, not a store, caused it


def program(conn: sa.Connection) -> LoyaltyProgram:
    return LoyaltyProgram.model_validate_json(
        setting(conn, PROGRAM_KEY, DEFAULT_PROGRAM.model_dump_json())
    )


def set_program(conn: sa.Connection, body: LoyaltyProgram, region: str) -> LoyaltyProgram:
    """HQ's program, sent to every node through the chain-wide feed with the region that
    reads phones written without a country code (tills normalise sign-ups the same way)."""
    program(conn)
    conn.execute(
        sa.update(settings)
        .where(settings.c.key == PROGRAM_KEY)
        .values(value=body.model_dump_json())
    )
    change = body.model_dump(mode="json") | {"default_region": region}
    feed.append(conn, feed.CATALOGUE, "loyalty", change)
    return body


def dormant(conn: sa.Connection, now: datetime) -> list[tuple[str, str]]:
    """Customers whose points are due to expire at `now` (none without `expire_after_days`)."""
    days = program(conn).expire_after_days
    if days is None:
        return []
    return rows.dormant(conn, format_ts(now - timedelta(days=days)))


def expire(conn: sa.Connection, survivor: str, last_moved: str, now: datetime) -> bool:
    """One dormant customer's whole balance expires (reason `expire`), once per quiet spell:
    the entry's id comes from the customer and the last time their points moved, so every
    cloud instance may run the job. Points held for a redemption in progress wait for the
    next pass. Nodes learn the new balance from the feed."""
    rows.lock(conn)
    ids = rows.family(conn, survivor)
    stamp = format_ts(now)
    balance = rows.balance(conn, ids)
    if balance <= 0 or rows.held(conn, ids, stamp):
        return False
    entry = {
        "id": str(uuid.uuid5(EXPIRY_IDS, f"{survivor} {last_moved}")),
        "customer_id": survivor,
        "delta": -balance,
        "reason": "expire",
        "ref": f"unmoved since {last_moved[:10]}",
        "store": None,
        "occurred_at": stamp,
        "hold_id": None,
    }
    if not rows.add_points(conn, entry):
        return False
    customers.announce(conn, survivor)
    return True


def adjust(conn: sa.Connection, customer_id: str, body: PointsAdjustIn) -> tuple[Customer, bool]:
    """HQ corrects a balance (reason `adjust`); the same id again changes nothing."""
    if body.delta == 0:
        raise Unprocessable("zero_delta", "an adjustment must change the balance")
    survivor = customers.survivor_of(conn, customer_id)
    rows.lock(conn)
    existing = rows.get_point(conn, body.id)
    if existing is not None:
        if existing["delta"] != body.delta or existing["customer_id"] != survivor:
            raise idempotency_conflict("points", body.id)
        return customers.get(conn, customer_id), False
    entry = {
        "id": body.id,
        "customer_id": survivor,
        "delta": body.delta,
        "reason": "adjust",
        "ref": body.note,
        "store": None,
        "occurred_at": now_text(),
        "hold_id": None,
    }
    rows.add_points(conn, entry)
    overdraft(conn, HQ_STORE, survivor)
    customers.announce(conn, survivor)
    return customers.get(conn, customer_id), True


def hold(conn: sa.Connection, store: str, body: HoldIn, hold_s: int) -> Hold:
    """Hold points for a redemption about to happen at a till: refused (409
    `insufficient_points`) over the balance minus the other live holds, so two tills
    cannot spend the same points. The same hold id again answers the same hold."""
    rows.lock(conn)
    survivor = customers.survivor_of(conn, body.customer_id)
    ids = rows.family(conn, survivor)
    existing = rows.get_hold(conn, body.id)
    if existing is not None:
        if existing["points"] != body.points or existing["store"] != store:
            raise idempotency_conflict("hold", body.id)
        return Hold(
            id=body.id,
            customer_id=survivor,
            points=body.points,
            expires_at=parse_ts(existing["expires_at"]),
            balance=rows.balance(conn, ids),
        )
    now = now_text()
    balance = rows.balance(conn, ids)
    free = balance - rows.held(conn, ids, now)
    if body.points > free:
        raise Conflict(
            "insufficient_points",
            f"{body.points} points wanted, {max(free, 0)} free to redeem",
            detail={"balance": balance, "free": max(free, 0)},
        )
    expires = utc_now() + timedelta(seconds=hold_s)
    rows.add_hold(
        conn,
        {
            "id": body.id,
            "customer_id": survivor,
            "store": store,
            "points": body.points,
            "expires_at": format_ts(expires),
        },
    )
    return Hold(
        id=body.id, customer_id=survivor, points=body.points, expires_at=expires, balance=balance
    )


def apply_event(conn: sa.Connection, store: str, event: LoyaltyEvent) -> None:
    """A sale, return or void of a customer at a store: its timeline entry and points."""
    if rows.get(conn, event.customer_id) is None:
        raise Rejected(f"unknown_customer: {event.customer_id}")
    activity = event.activity
    if activity is not None:
        if activity.store != store:
            raise Rejected("wrong_store: a store may only push its own facts")
        customers.record_activity(
            conn,
            event.customer_id,
            "return" if activity.kind == "void" else activity.kind,
            activity.id,
            store=store,
            channel="store",
            at=format_ts(activity.at),
            amount=activity.amount,
            receipt_no=activity.receipt_no,
        )
    if event.points:
        add_entries(conn, store, event.points)


def add_entries(conn: sa.Connection, store: str, entries: list[PointsEntry]) -> None:
    """Ledger entries, once each by id; the customers they touch are announced and
    checked for an overdraft."""
    touched = set()
    for entry in entries:
        if entry.store not in (None, store):
            raise Rejected("wrong_store: a store may only push its own facts")
        if rows.get(conn, entry.customer_id) is None:
            raise Rejected(f"unknown_customer: {entry.customer_id}")
        row = entry.model_dump(mode="json")
        row["store"] = store
        if rows.add_points(conn, row):
            touched.add(customers.survivor_of(conn, entry.customer_id))
        if entry.hold_id is not None:
            rows.use_hold(conn, entry.hold_id)
    for survivor in sorted(touched):
        overdraft(conn, store, survivor)
        customers.announce(conn, survivor)


def overdraft(conn: sa.Connection, store: str, survivor: str) -> None:
    """One `points_overdraft` per episode: it opens when the balance first goes below zero
    and closes when it is back at zero or above."""
    rows.lock_one(conn, survivor)
    row = customers.require(conn, survivor)
    balance = rows.balance(conn, rows.family(conn, survivor))
    below = balance < 0
    if below and not row["overdraft_open"]:
        exception(
            conn,
            store,
            "points_overdraft",
            f"{survivor}:{now_text()}",
            f"customer {survivor} has {balance} points",
        )
    if below != bool(row["overdraft_open"]):
        rows.update(conn, survivor, {"overdraft_open": below})
