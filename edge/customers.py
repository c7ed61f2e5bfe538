"""Customers at the node (SPEC §9): lookup by card, phone or email in the local index (no
cloud needed), sign-up at a till (offline too, pushed through the outbox), the balance as
the node knows it, and applying the index and program changes pulled from the feed."""

from __future__ import annotations

from sqlite_utils import Database

from edge import clock, outbox
from edge.node import NodeConfig
from edge.storage import customers as rows
from edge.storage import state
from edge.storage.db import write
from shared.customers import (
    DEFAULT_PROGRAM,
    CustomerEvent,
    IndexEntry,
    LoyaltyProgram,
    SignupIn,
    check_card,
    given_name,
    normalize_email,
    normalize_phone,
    query_kind,
)
from shared.errors import Conflict, NotFound, OmnistoreError, idempotency_conflict

PROGRAM_KEY = "loyalty_program"
REGION_KEY = "default_region"
INTERNATIONAL = "ZZ"


def region(db: Database) -> str:
    """The region the cloud reads national phone numbers in (international only until the
    node has pulled the loyalty program)."""
    return state.get(db, REGION_KEY) or INTERNATIONAL


def program(db: Database) -> LoyaltyProgram:
    found = state.get(db, PROGRAM_KEY)
    return DEFAULT_PROGRAM if found is None else LoyaltyProgram.model_validate_json(found)


def apply_program(db: Database, body: dict[str, object]) -> None:
    """The loyalty program from the feed (and the cloud's default region)."""
    fields = {k: body[k] for k in LoyaltyProgram.model_fields if k in body}
    state.put(db, PROGRAM_KEY, LoyaltyProgram.model_validate(fields).model_dump_json())
    state.put(db, REGION_KEY, str(body.get("default_region") or INTERNATIONAL))


def apply_entry(db: Database, entry: IndexEntry) -> None:
    """An index entry from the feed: new, changed, merged (names its survivor) or erased
    (the personal fields are already empty in it)."""
    rows.upsert(db, entry)


def apply_entries(db: Database, entries: list[IndexEntry]) -> None:
    """Many index entries from the feed, in order, in one statement."""
    if entries:
        rows.upsert_many(db, entries)


def resolve(db: Database, customer_id: str) -> IndexEntry:
    """The customer an id answers for today (its survivor when merged), or 404."""
    found = rows.get(db, customer_id)
    if found is None:
        raise NotFound("unknown_customer", f"no customer {customer_id} at this node")
    if found.merged_into is not None:
        survivor = rows.get(db, found.merged_into)
        if survivor is not None:
            return survivor
    return found


def balance(db: Database, survivor: str) -> int:
    """The cloud's balance as last pulled plus what this node recorded since."""
    entry = rows.get(db, survivor)
    synced = 0 if entry is None else entry.points
    return synced + rows.pending_delta(db, rows.family(db, survivor))


def with_points(db: Database, entry: IndexEntry) -> IndexEntry:
    return entry.model_copy(update={"points": balance(db, entry.id)})


def get(db: Database, customer_id: str) -> IndexEntry:
    """A customer with the points as this node knows them."""
    return with_points(db, resolve(db, customer_id))


def lookup(db: Database, q: str) -> IndexEntry:
    """By card scan, phone (any way it is written) or email; 404 `unknown_customer`."""
    kind = query_kind(q)
    try:
        value = _normal(db, kind, q.strip())
    except OmnistoreError as exc:
        raise NotFound("unknown_customer", f"no customer with {kind} {q!r}") from exc
    found = rows.find(db, kind, value)
    if found is None:
        raise NotFound("unknown_customer", f"no customer with {kind} {q!r}")
    return get(db, found.id)


def _normal(db: Database, kind: str, value: str) -> str:
    if kind == "email":
        return normalize_email(value)
    if kind == "card":
        return check_card(value)
    return normalize_phone(value, region(db))


def signup(db: Database, node: NodeConfig, body: SignupIn) -> tuple[IndexEntry, bool]:
    """Sign a customer up at the till: in the index at once (so this sale can earn), and
    pushed to the cloud, which merges it if it meets a customer this node did not know.
    A phone, email or card this node already knows is 409 `duplicate_customer` (attach
    that customer instead). The same id and body again answers 200."""
    keys = {
        "phone": None if body.phone is None else normalize_phone(body.phone, region(db)),
        "email": None if body.email is None else normalize_email(body.email),
        "card": None if body.card is None else check_card(body.card),
    }
    entry = IndexEntry(
        id=body.id, name=body.name, phone=keys["phone"], email=keys["email"], card=keys["card"]
    )
    with write(db):
        existing = rows.get(db, body.id)
        if existing is not None:
            same = existing.model_dump(include={"name", *keys}) == entry.model_dump(
                include={"name", *keys}
            )
            if not same:
                raise idempotency_conflict("customer", body.id)
            return get(db, body.id), False
        for key, value in keys.items():
            other = None if value is None else rows.find(db, key, value)
            if other is not None:
                raise Conflict(
                    "duplicate_customer",
                    f"a customer with this {key} exists: attach them",
                    detail={"customer_id": resolve(db, other.id).id, "field": key},
                )
        rows.upsert(db, entry)
        occurred_at, device_time = clock.now(db)
        clean = SignupIn(
            id=body.id, name=body.name, phone=entry.phone, email=entry.email, card=entry.card
        )
        event = CustomerEvent(customer=clean, store=node.store, at=occurred_at)
        outbox.append(db, node.store, "customer", event, occurred_at, device_time)
    return entry, True


def first_name(db: Database, customer_id: str | None) -> str | None:
    """For the receipt: the customer's first name only, while the node still knows it."""
    if customer_id is None:
        return None
    found = rows.get(db, customer_id)
    if found is not None and found.merged_into is not None:
        found = rows.get(db, found.merged_into) or found
    return None if found is None else given_name(found.name)
