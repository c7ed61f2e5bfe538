"""Click-and-collect at the cloud: placing orders against a store's available stock minus a
safety buffer, cancelling, expiring, and taking the store's facts (which win over intents)."""

from __future__ import annotations

import hashlib
import math
import secrets
from dataclasses import dataclass
from datetime import timedelta

import sqlalchemy as sa

from cloud.services import customers
from cloud.services.catalog import get_product
from cloud.services.reporting import Rejected, exception
from cloud.services.tokens import require_store
from cloud.services.webhooks import notify
from cloud.storage import feed, stock
from cloud.storage import orders as rows
from shared.api import canonical_json
from shared.clock import now_text, parse_ts, utc_now
from shared.errors import Conflict, NotFound, idempotency_conflict
from shared.models import (
    OPEN_ORDER_STATUSES,
    Order,
    OrderEvent,
    OrderIn,
    OrderLine,
)
from shared.pickup import hash_pickup_code, pickup_code_for, pickup_qr

DEFAULT_HOLD_S = 72 * 3600
FRESH_SYNC_S = 60
BUFFER_STEP_S = 900
MAX_BUFFER = 20
NOTIFY = {"ready", "collected", "short", "expired", "cancelled"}
CODE_REPLAY_S = 600


@dataclass(frozen=True)
class Caller:
    """Who calls the orders API: the HQ token's role and the hash that names the token.
    A `shop` sees only the orders it placed; `hq` and `readonly` see every order."""

    role: str
    token: str | None = None

    def may_see(self, conn: sa.Connection, order_id: str) -> bool:
        return self.role != "shop" or rows.placed_by(conn, order_id) == self.token


HQ = Caller("hq")


def safety_buffer(age_s: float | None) -> int:
    """Units kept back per line: none for a store that synced in the last minute, one more
    per 15 minutes of silence (capped), since its stock may have moved unseen meanwhile."""
    if age_s is None:
        return MAX_BUFFER
    return 0 if age_s <= FRESH_SYNC_S else min(MAX_BUFFER, math.ceil(age_s / BUFFER_STEP_S))


def pickup_secret(conn: sa.Connection) -> bytes:
    """The server's pickup-code secret, kept in the database (no state in process memory)."""
    return bytes.fromhex(rows.setting(conn, "pickup_secret", secrets.token_hex(32)))


def place(
    conn: sa.Connection,
    body: OrderIn,
    hold_s: int = DEFAULT_HOLD_S,
    caller: Caller = HQ,
    region: str = customers.INTERNATIONAL,
) -> tuple[Order, bool]:
    """Place an order once. An identical replay answers the same order; it carries the
    pickup code only when the same token replays it within 10 minutes of placement (the
    shop hands the code to its customer once; nobody recovers it later by replaying). A
    shop replaying an id another token placed is refused like a changed body."""
    digest = hashlib.sha256(canonical_json(body.model_dump(mode="json")).encode()).hexdigest()
    code = pickup_code_for(pickup_secret(conn), body.id)
    existing = rows.get(conn, body.id)
    if existing is not None:
        if existing[1] != digest or not caller.may_see(conn, body.id):
            raise idempotency_conflict("order", body.id)
        order = existing[0]
        age = (utc_now() - order.created_at).total_seconds()
        same_placer = caller.token is not None and rows.placed_by(conn, body.id) == caller.token
        if same_placer and age <= CODE_REPLAY_S:
            return order.model_copy(update={"pickup_code": code}), False
        return order, False
    store = require_store(conn, body.store)
    _check_cover(conn, body, store.get("last_sync_at"))  # type: ignore[arg-type]
    customer_id, contact = _customer(conn, body, region)
    now = utc_now()
    order = Order(
        id=body.id,
        store=body.store,
        status="placed",
        customer=contact,
        customer_id=customer_id,
        lines=[OrderLine(sku=line.sku, qty=line.qty, reserved=line.qty) for line in body.lines],
        created_at=now,
        updated_at=now,
        expires_at=now + timedelta(seconds=hold_s),
        pickup_code_hash=hash_pickup_code(body.id, code),
    )
    rows.insert(conn, order, digest, caller.token)
    feed.append(conn, order.store, "order", order.model_dump(mode="json"))
    if customer_id is not None:
        amount = sum(get_product(conn, line.sku).price * line.qty for line in body.lines)
        customers.record_activity(
            conn,
            customer_id,
            "order",
            order.id,
            store=order.store,
            channel="web",
            at=now_text(),
            amount=amount,
        )
    return order.model_copy(update={"pickup_code": code}), True


def _customer(
    conn: sa.Connection, body: OrderIn, region: str
) -> tuple[str | None, dict[str, object]]:
    """The order's customer (given, found by phone or email, or created) and the contact
    block the store sees (the customer's, when only the id was given)."""
    block = body.customer
    customer_id = customers.for_order(
        conn,
        body.customer_id,
        None if block is None else block.name,
        None if block is None else block.phone,
        None if block is None else block.email,
        region,
    )
    if block is not None:
        return customer_id, block.model_dump(mode="json")
    found = customers.get(conn, str(customer_id))
    return customer_id, {"name": found.name or "", "phone": found.phone, "email": found.email}


def _check_cover(conn: sa.Connection, body: OrderIn, last_sync_at: str | None) -> None:
    age = None if last_sync_at is None else (parse_ts(now_text()) - parse_ts(last_sync_at))
    buffer = safety_buffer(None if age is None else age.total_seconds())
    short = {}
    for line in body.lines:
        get_product(conn, line.sku)
        available = stock.on_hand(conn, body.store, line.sku) - rows.reserved(
            conn, body.store, line.sku
        )
        if available - buffer < line.qty:
            short[line.sku] = {"wanted": line.qty, "available": available, "buffer": buffer}
    if short:
        raise Conflict(
            "insufficient_stock",
            f"store {body.store} cannot cover: "
            + ", ".join(
                f"{sku} (wanted {v['wanted']}, available {v['available']}, "
                f"safety buffer {v['buffer']})"
                for sku, v in short.items()
            ),
            detail=short,
        )


def get(conn: sa.Connection, order_id: str, caller: Caller = HQ) -> Order:
    """An order, or 404 `unknown_order` (also for a shop asking for an order it did not
    place)."""
    found = rows.get(conn, order_id)
    if found is None or not caller.may_see(conn, order_id):
        raise NotFound("unknown_order", f"no order {order_id}")
    return found[0]


def cancel(conn: sa.Connection, order_id: str, caller: Caller = HQ) -> Order:
    """HQ's intent to cancel; idempotent, but a collected order stays collected (409)."""
    order = get(conn, order_id, caller)
    if order.status == "collected":
        raise Conflict("already_collected", f"order {order_id} was collected at the store")
    if order.status in ("cancelled", "expired"):
        return order
    return _change(conn, order.model_copy(update={"status": "cancelled"}), to_store=True)


def accept_part(conn: sa.Connection, order_id: str, caller: Caller = HQ) -> Order:
    """HQ (or the shop that placed it) takes what the store holds of a short order: each
    line shrinks to what the store kept for it (lines it holds none of go), the reasons stay
    as the order's history, and the store goes on picking (`order.accepted` or
    `order.picking` to the webhooks). Again once accepted answers the order unchanged;
    another state is 409 `not_short`, a store holding nothing 409 `nothing_held`."""
    order = get(conn, order_id, caller)
    if order.status != "short":
        went_on = order.status in ("accepted", "picking", "ready", "collected")
        if went_on and any(line.short_reason for line in order.lines):
            return order  # accepted before: a retry
        raise Conflict("not_short", f"order {order_id} is {order.status}, not short")
    kept = [line.model_copy(update={"qty": line.reserved}) for line in order.lines if line.reserved]
    if not kept:
        raise Conflict("nothing_held", f"the store holds nothing of order {order_id}: cancel it")
    status = "picking" if any(line.picked for line in kept) else "accepted"
    accepted = _change(
        conn, order.model_copy(update={"status": status, "lines": kept}), to_store=True
    )
    notify(conn, accepted)
    return accepted


def expire_due(conn: sa.Connection, limit: int = 100) -> int:
    """Expire open orders past their hold time, releasing what they held."""
    due = rows.due_to_expire(conn, now_text(), limit)
    for order in due:
        _change(conn, order.model_copy(update={"status": "expired"}), to_store=True)
    return len(due)


def apply_store_event(conn: sa.Connection, store: str, event: OrderEvent) -> None:
    """A fact from the store. A collection wins over a cancel or expiry that crossed it
    (reported to HQ); other store changes to an order HQ already ended are ignored."""
    found = rows.get(conn, event.order.id)
    if found is None or found[0].store != store:
        raise Rejected(f"unknown_order: {event.order.id} is not an order of store {store}")
    current, incoming = found[0], event.order
    for movement in event.movements:
        if movement.store != store:
            raise Rejected("wrong_store: a store may only push its own facts")
        stock.insert_movement(conn, movement, "store")
    if current.status == "collected" or current.status == incoming.status:
        return
    if current.status in ("cancelled", "expired") and incoming.status != "collected":
        return
    if current.status in ("cancelled", "expired"):
        exception(
            conn,
            store,
            "cancel_lost_to_collect",
            current.id,
            f"order {current.id} was {current.status} by HQ but collected at the store",
        )
    if incoming.status == "short":
        short = [f"{line.sku}: {line.short_reason}" for line in incoming.lines if line.short_reason]
        exception(conn, store, "order_short", current.id, "; ".join(short) or "short")
    updated = current.model_copy(update={"status": incoming.status, "lines": incoming.lines})
    _change(conn, updated, to_store=False)


def _change(conn: sa.Connection, order: Order, *, to_store: bool) -> Order:
    order = order.model_copy(update={"updated_at": utc_now()})
    if order.status not in OPEN_ORDER_STATUSES:
        order = order.model_copy(
            update={"lines": [line.model_copy(update={"reserved": 0}) for line in order.lines]}
        )
    rows.update(conn, order)
    if to_store:
        feed.append(conn, order.store, "order", order.model_dump(mode="json"))
    if order.status in NOTIFY:
        notify(conn, order)
    return order


def public(order: Order) -> dict[str, object]:
    """What HQ reads: never the code's hash; the plain code and the content of its QR only
    in the answer that placed the order (and its identical replays)."""
    data = order.model_dump(
        mode="json",
        exclude={"pickup_code_hash", "pickup_qr"}
        | (set() if order.pickup_code else {"pickup_code"}),
    )
    if order.pickup_code:
        data["pickup_qr"] = pickup_qr(order.id, order.pickup_code)
    return data
