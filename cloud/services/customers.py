"""One customer across every channel (SPEC §9): HQ's create/replace, sign-ups pushed by
tills, automatic merges when two records meet on phone, email or card, the timeline,
export and erasure. Every change goes to the chain-wide feed as the compact index entry
the tills keep."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from cloud.storage import customers as rows
from cloud.storage import feed
from shared.clock import now_text
from shared.customers import (
    Customer,
    CustomerIn,
    Export,
    IndexEntry,
    PointsEntry,
    SignupIn,
    TimelineItem,
    check_card,
    normalize_email,
    normalize_phone,
)
from shared.errors import Conflict, NotFound, OmnistoreError
from shared.ids import new_id

KEYS = ("phone", "email", "card")
INTERNATIONAL = "ZZ"  # no default region: only numbers written with +country code parse


def normalized(
    region: str, phone: str | None, email: str | None, card: str | None
) -> dict[str, str | None]:
    """The unique keys as stored: E.164, lower case, a checked EAN-13 (422 otherwise)."""
    return {
        "phone": None if phone is None else normalize_phone(phone, region),
        "email": None if email is None else normalize_email(email),
        "card": None if card is None else check_card(card),
    }


def lenient(region: str, key: str, value: str | None) -> str | None:
    """A phone, email or card normalised, or None when it does not parse."""
    if value is None:
        return None
    try:
        return normalized(region, **{k: None for k in KEYS} | {key: value})[key]
    except OmnistoreError:
        return None


def require(conn: sa.Connection, customer_id: str) -> dict[str, Any]:
    found = rows.get(conn, customer_id)
    if found is None:
        raise NotFound("unknown_customer", f"no customer {customer_id}")
    return found


def present(conn: sa.Connection, customer_id: str) -> dict[str, Any]:
    """A customer that was not erased: after erasure the id answers 404 `customer_erased`
    (its sales and points keep the bare id; nothing else is left to read)."""
    row = require(conn, customer_id)
    if row["erased_at"] is not None:
        raise NotFound("customer_erased", f"customer {customer_id} was erased")
    return row


def survivor_of(conn: sa.Connection, customer_id: str) -> str:
    """The id that answers for a customer today (itself unless merged)."""
    row = require(conn, customer_id)
    return str(row["merged_into"] or row["id"])


def public(conn: sa.Connection, row: dict[str, Any]) -> Customer:
    """A customer as HQ reads it, with the balance of the customer it answers for."""
    survivor = str(row["merged_into"] or row["id"])
    return Customer(
        id=row["id"],
        name=row["name"],
        phone=row["phone"],
        email=row["email"],
        card=row["card"],
        consent={"marketing": bool(row["marketing"])},
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        merged_into=row["merged_into"],
        erased=row["erased_at"] is not None,
        points=rows.balance(conn, rows.family(conn, survivor)),
    )


def get(conn: sa.Connection, customer_id: str) -> Customer:
    return public(conn, present(conn, customer_id))


def put(
    conn: sa.Connection, customer_id: str, body: CustomerIn, region: str
) -> tuple[Customer, bool]:
    """Create or replace. A new record that meets a customer by phone, email or card is
    merged into it at once (the answer then names `merged_into`); changing an existing one
    to another customer's phone, email or card is 409 `duplicate_customer` (merge them)."""
    keys = normalized(region, body.phone, body.email, body.card)
    rows.lock(conn)
    existing = rows.get(conn, customer_id)
    now = now_text()
    values = {"name": body.name, **keys, "marketing": body.consent.marketing, "updated_at": now}
    if existing is None:
        rows.insert(conn, {"id": customer_id, "created_at": now, **values})
        _meet(conn, customer_id, keys, now)
        return get(conn, customer_id), True
    if existing["merged_into"] is not None or existing["erased_at"] is not None:
        state = "erased" if existing["erased_at"] else f"merged into {existing['merged_into']}"
        raise Conflict("customer_closed", f"customer {customer_id} is {state}")
    for key, value in keys.items():
        other = None if value is None else rows.find_live(conn, key, value, customer_id)
        if other is not None:
            raise Conflict(
                "duplicate_customer",
                f"customer {other['id']} has this {key}; merge the two instead",
                detail={"customer_id": other["id"], "field": key},
            )
    rows.update(conn, customer_id, values)
    announce(conn, customer_id)
    return get(conn, customer_id), False


def signup(conn: sa.Connection, body: SignupIn, at: str) -> str:
    """A customer a till signed up (maybe offline), once by id; merged into an existing
    customer it meets. Keys the till could not normalise are dropped, not refused: the
    sign-up happened and its sales must find the customer."""
    rows.lock(conn)
    if rows.get(conn, body.id) is not None:
        return body.id
    keys = {
        key: lenient(INTERNATIONAL, key, value)
        for key, value in (("phone", body.phone), ("email", body.email), ("card", body.card))
    }
    rows.insert(
        conn, {"id": body.id, "name": body.name, **keys, "created_at": at, "updated_at": at}
    )
    _meet(conn, body.id, keys, now_text())
    return body.id


def _meet(conn: sa.Connection, customer_id: str, keys: dict[str, str | None], now: str) -> None:
    """The new record is merged into the first customer it meets (phone, then email, then
    card): the record the cloud knew first survives, so ids already printed stay whole."""
    for key in KEYS:
        value = keys.get(key)
        other = None if value is None else rows.find_live(conn, key, value, customer_id)
        if other is not None:
            merge(conn, customer_id, str(other["id"]), now)
            return
    announce(conn, customer_id)


def merge(conn: sa.Connection, source: str, into: str, now: str | None = None) -> None:
    """`source` (and what was merged into it) now answers as `into`; `into` takes the
    phone, email or card it lacks when no other customer has them. Points move with it
    (the balance is the sum over the survivor and its merged records)."""
    now = now or now_text()
    loser = require(conn, source)
    rows.update(conn, source, {"merged_into": into, "updated_at": now})
    rows.repoint(conn, source, into, now)
    winner = require(conn, into)
    fill = {
        key: loser[key]
        for key in KEYS
        if winner[key] is None
        and loser[key] is not None
        and rows.find_live(conn, key, loser[key], into) is None
    }
    if fill or winner["name"] is None:
        rows.update(
            conn, into, {**fill, "name": winner["name"] or loser["name"], "updated_at": now}
        )
    for member in rows.family(conn, into):
        announce(conn, member)


def merge_request(conn: sa.Connection, source: str, into: str) -> Customer:
    """HQ merges two customers; merging again into the same survivor answers the same."""
    if source == into:
        raise Conflict("merge_into_self", "a customer cannot be merged into itself")
    rows.lock(conn)
    loser, target = present(conn, source), survivor_of(conn, into)
    present(conn, target)
    if loser["merged_into"] == target:
        return get(conn, source)
    if loser["merged_into"] is not None or source == target:
        raise Conflict(
            "customer_closed", f"customer {source} is merged into {loser['merged_into']}"
        )
    merge(conn, source, target)
    return get(conn, source)


def erase(conn: sa.Connection, customer_id: str) -> Customer:
    """Erase the personal fields of a customer and of every record merged with it, here
    and (through the feed) at every node; sales and points keep the bare id."""
    rows.lock(conn)
    present(conn, customer_id)
    survivor = survivor_of(conn, customer_id)
    now = now_text()
    for member in rows.family(conn, survivor):
        rows.update(
            conn,
            member,
            {
                "name": None,
                "phone": None,
                "email": None,
                "card": None,
                "marketing": False,
                "erased_at": now,
                "updated_at": now,
            },
        )
        announce(conn, member)
    return public(conn, require(conn, customer_id))


def search(
    conn: sa.Connection, q: str, region: str, after: tuple[str, str] | None, limit: int
) -> list[Customer]:
    """Exact on the normalised phone, the lower-case email or the card; part of the name."""
    q = q.strip()
    exact = {key: found for key in KEYS if (found := lenient(region, key, q)) is not None}
    return [public(conn, row) for row in rows.search(conn, exact, q, after, limit)]


def timeline(conn: sa.Connection, customer_id: str, limit: int = 1000) -> list[TimelineItem]:
    """Sales, returns, orders and points movements of the customer and everything merged
    with it, newest first."""
    present(conn, customer_id)
    ids = rows.family(conn, survivor_of(conn, customer_id))
    items = [
        TimelineItem(
            kind=row["kind"],
            id=row["id"],
            receipt_no=row["receipt_no"],
            store=row["store"],
            channel=row["channel"],
            at=row["at"],
            amount=row["amount"],
        )
        for row in rows.activity(conn, ids, limit)
    ]
    items += [
        TimelineItem(
            kind="points",
            id=entry["id"],
            receipt_no=None,
            store=entry["store"],
            channel="store" if entry["store"] else "web",
            at=entry["occurred_at"],
            amount=entry["delta"],
        )
        for entry in rows.entries(conn, ids)
    ]
    items.sort(key=lambda item: (item.at, item.id), reverse=True)
    return items[:limit]


def recent_purchases(conn: sa.Connection, customer_id: str, limit: int = 10) -> list[TimelineItem]:
    """What a till shows of a customer it serves: their latest sales, returns and orders in
    every store and the web shop (no points movements, nothing else of other stores)."""
    items = [item for item in timeline(conn, customer_id, 200) if item.kind != "points"]
    return items[:limit]


def export(conn: sa.Connection, customer_id: str) -> Export:
    """Everything held about a customer: the record, the records merged into it, every
    points entry and the timeline."""
    present(conn, customer_id)
    survivor = survivor_of(conn, customer_id)
    ids = rows.family(conn, survivor)
    return Export(
        customer=get(conn, survivor),
        merged=[public(conn, row) for row in rows.merged_into(conn, survivor)],
        points=[PointsEntry.model_validate(row) for row in rows.entries(conn, ids)],
        timeline=timeline(conn, survivor),
    )


def announce(conn: sa.Connection, customer_id: str) -> None:
    """Put the customer's index entry (what a till keeps) on the chain-wide feed."""
    row = require(conn, customer_id)
    survivor = str(row["merged_into"] or row["id"])
    entry = IndexEntry(
        id=row["id"],
        name=row["name"],
        phone=row["phone"],
        email=row["email"],
        card=row["card"],
        points=rows.balance(conn, rows.family(conn, survivor)) if survivor == row["id"] else 0,
        merged_into=row["merged_into"],
        erased=row["erased_at"] is not None,
    )
    feed.append(conn, feed.CATALOGUE, "customer", entry.model_dump(mode="json"))


def for_order(
    conn: sa.Connection,
    customer_id: str | None,
    name: str | None,
    phone: str | None,
    email: str | None,
    region: str,
) -> str | None:
    """The customer an order belongs to: `customer_id` (404 when unknown), else the
    customer with the order's phone or email, else a new one made from them. A phone or
    email that does not parse links nothing (the order still goes through)."""
    if customer_id is not None:
        return survivor_of(conn, customer_id)
    keys = {
        "phone": lenient(region, "phone", phone),
        "email": lenient(region, "email", email),
        "card": None,
    }
    if keys["phone"] is None and keys["email"] is None:
        return None
    rows.lock(conn)
    for key in ("phone", "email"):
        found = None if keys[key] is None else rows.find_live(conn, key, str(keys[key]))
        if found is not None:
            return str(found["id"])
    new = new_id()
    now = now_text()
    rows.insert(conn, {"id": new, "name": name, **keys, "created_at": now, "updated_at": now})
    announce(conn, new)
    return new


def record_activity(
    conn: sa.Connection,
    customer_id: str,
    kind: str,
    ident: str,
    *,
    store: str | None,
    channel: str,
    at: str,
    amount: int,
    receipt_no: str | None = None,
) -> None:
    """A sale, return or order on the customer's timeline (once per kind and id)."""
    rows.add_activity(
        conn,
        {
            "kind": kind,
            "id": ident,
            "customer_id": customer_id,
            "receipt_no": receipt_no,
            "store": store,
            "channel": channel,
            "at": at,
            "amount": amount,
        },
    )
