"""Applying one pushed event: idempotent by event id, each kind a fact recorded once."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from typing import Any

import sqlalchemy as sa

from cloud.services import customers, loyalty, orders, repricing, transfers
from cloud.services.reporting import Rejected, exception
from cloud.storage import events, sales, stock
from shared.api import canonical_json, parse_body
from shared.clock import format_ts, now_text
from shared.customers import CustomerEvent, LoyaltyEvent
from shared.errors import OmnistoreError
from shared.models import (
    Event,
    MovementEvent,
    OrderEvent,
    Return,
    ReturnEvent,
    Sale,
    SaleEvent,
    ShiftEvent,
    StockMovement,
    VoidEvent,
)
from shared.money import round_half_up
from shared.transfers import TransferEvent


def body_hash(event: Event) -> str:
    """The idempotency fingerprint of an event: canonical JSON, so key order never matters."""
    return hashlib.sha256(canonical_json(event.model_dump(mode="json")).encode()).hexdigest()


MAX_EVENT_BYTES = 64 * 1024


def apply_event(conn: sa.Connection, store: str, event: Event) -> tuple[str, str | None]:
    """(status, reason) for one event, inside the caller's transaction. An event body over
    64 KB of JSON is rejected unread: no fact a store records is that large."""
    digest = body_hash(event)
    seen = events.get_event(conn, store, event.id)
    if seen is not None:
        return replayed(conn, store, event, digest, seen)
    status, reason = "accepted", None
    text = canonical_json(event.body)
    try:
        if len(text.encode()) > MAX_EVENT_BYTES:
            raise Rejected(f"event_too_large: body over {MAX_EVENT_BYTES} bytes of JSON")
        with conn.begin_nested():  # a rejected event leaves no partial writes behind
            _APPLY[event.kind](conn, store, text)
    except Rejected as exc:
        status, reason = "rejected", str(exc)
    except (OverflowError, sa.exc.DataError) as exc:  # a value the database cannot hold
        status, reason = "rejected", f"out_of_range: {type(exc).__name__}"
    _log(conn, store, event, digest, status, reason)
    return status, reason


def replayed(
    conn: sa.Connection, store: str, event: Event, digest: str, seen: dict[str, Any]
) -> tuple[str, str | None]:
    """An event id already stored: the same body answers as it did (`duplicate`, or its
    rejection again); another body is an idempotency conflict HQ hears of, nothing applied."""
    if seen["body_hash"] != digest:
        conflict = "idempotency_conflict: event id reused with another body"
        exception(conn, store, "rejected_event", event.id, f"{event.kind}: {conflict}")
        return "rejected", conflict
    if seen["status"] == "rejected":
        return "rejected", seen["reason"]
    return "duplicate", None


def event_row(
    store: str, event: Event, digest: str, status: str, reason: str | None
) -> dict[str, Any]:
    """The stored record of an event: its idempotency key, body hash and outcome."""
    wire = event.model_dump(mode="json", include={"occurred_at", "device_time"})
    return {
        "store": store,
        "id": event.id,
        "kind": event.kind,
        "hlc": event.hlc,
        "occurred_at": wire["occurred_at"],
        "device_time": wire["device_time"],
        "received_at": now_text(),
        "body_hash": digest,
        "status": status,
        "reason": reason[:500] if reason else None,
    }


def _log(
    conn: sa.Connection, store: str, event: Event, digest: str, status: str, reason: str | None
) -> None:
    """Keep every event, accepted or rejected (for ever: it is the idempotency key); a rejection is
    also an exception for HQ."""
    events.insert_event(conn, event_row(store, event, digest, status, reason))
    if status == "rejected":
        exception(conn, store, "rejected_event", event.id, f"{event.kind}: {reason}")


def parse_kind(model: Any, body: str) -> Any:
    """A body that is not valid for its kind can never be applied: reject, do not fail the batch."""
    try:
        return parse_body(model, body.encode())
    except OmnistoreError as exc:
        raise Rejected(f"invalid body: {exc.message}") from exc


def own(store: str, *owners: str) -> None:
    """A store key may only record facts of its own store (SPEC invariant 6)."""
    if any(owner != store for owner in owners):
        raise Rejected("wrong_store: a store may only push its own facts")


def _movements(conn: sa.Connection, store: str, items: list[StockMovement], ref: str) -> None:
    """Copy the store's movements by id (a replay adds nothing) and report any SKU they leave below
    zero, once per fact."""
    own(store, *(m.store for m in items))
    for movement in items:
        stock.insert_movement(conn, movement, "store")
    for sku in sorted({m.sku for m in items if m.delta < 0}):
        on_hand = stock.on_hand(conn, store, sku)
        if on_hand < 0:
            exception(conn, store, "oversell", f"{sku}:{ref}", f"{sku} on_hand {on_hand}")


def _sale(conn: sa.Connection, store: str, body: str) -> None:
    """A sale is a fact: stored once by id even when it names SKUs the catalogue lacks."""
    event: SaleEvent = parse_kind(SaleEvent, body)
    own(store, event.sale.store)
    receipt_of(store, event.sale)
    same = sales.same_sale_stored(conn, event.sale)
    if same is False:
        raise Rejected(f"idempotency_conflict: sale {event.sale.id} exists with another body")
    if sales.receipt_taken(conn, store, event.sale.receipt_no, event.sale.id):
        raise Rejected(f"duplicate_receipt_no: {event.sale.receipt_no} is another sale's")
    sales.insert_sale(conn, event.sale)
    _movements(conn, store, event.movements, event.sale.id)
    if same is None:
        repricing.check_sales(conn, store, [event.sale])


def _return(conn: sa.Connection, store: str, body: str) -> None:
    """A return may refer to another store's sale; its movements put stock back here."""
    event: ReturnEvent = parse_kind(ReturnEvent, body)
    own(store, event.ret.store)
    if not sales.return_exists(conn, store, event.ret.id):
        _within_sale(conn, event.ret)
    sales.insert_return(conn, event.ret)
    _movements(conn, store, event.movements, event.ret.id)


def receipt_of(store: str, sale: Sale) -> None:
    """A sale's receipt number names the pushing store (`<store>-<register>-<n>`): a store
    can never take another store's receipt numbers, which returns look sales up by."""
    pattern = rf"{re.escape(store)}-[A-Za-z0-9]{{1,8}}-[A-Za-z0-9]{{1,32}}"
    if re.fullmatch(pattern, sale.receipt_no) is None:
        raise Rejected(
            f"bad_receipt_no: {sale.receipt_no!r} is not a receipt number of store {store}"
        )


def _within_sale(conn: sa.Connection, ret: Return) -> None:
    """A return that names a sale gives back at most what that sale sold, counting every
    earlier return of it in any store, at the price paid (pro rata, half-up, per line)."""
    if ret.sale_id is None:
        return  # without a receipt (a manager approved it at the store)
    sale = sales.get_sale(conn, sale_id=ret.sale_id)
    if sale is None:
        raise Rejected(f"unknown_sale: {ret.sale_id} is not a sale the cloud knows")
    within_sale(ret, sale, Counter(sales.returned_qty(conn, sale.id)))


def within_sale(ret: Return, sale: Sale, already: Counter[str]) -> None:
    """The bounds of a return against its sale and what was returned of it before (units per
    SKU): raises Rejected with the reason."""
    if ret.sale_receipt_no is not None and ret.sale_receipt_no != sale.receipt_no:
        raise Rejected(f"wrong_receipt_no: sale {sale.id} is {sale.receipt_no}")
    wanted: Counter[str] = Counter()
    for line in ret.lines:
        wanted[line.sku] += line.qty
    for sku, qty in wanted.items():
        sold = [line for line in sale.lines if line.sku == sku]
        sold_qty = sum(line.qty for line in sold)
        if qty > sold_qty - already[sku]:
            raise Rejected(
                f"return_exceeds_sale: {sku}: {qty} returned but only "
                f"{max(0, sold_qty - already[sku])} of {sold_qty} sold are left to return"
            )
        sold_total, before = sum(line.total for line in sold), already[sku]
        cumulative = round_half_up(sold_total * (before + qty), sold_qty) - round_half_up(
            sold_total * before, sold_qty
        )
        paid = max(round_half_up(sold_total * qty, sold_qty), cumulative)
        if sum(line.total for line in ret.lines if line.sku == sku) > paid:
            raise Rejected(f"return_exceeds_sale: {sku}: refund above the {paid} paid")
    lines_total = sum(line.total for line in ret.lines)
    if ret.total > lines_total or sum(r.amount for r in ret.refunds) > lines_total:
        raise Rejected(f"return_exceeds_sale: refund above the {lines_total} of its lines")


def _void(conn: sa.Connection, store: str, body: str) -> None:
    """A void cancels a sale of this store that the cloud already has (the outbox sends the sale
    first)."""
    event: VoidEvent = parse_kind(VoidEvent, body)
    own(store, event.void.store)
    sale = sales.get_sale(conn, sale_id=event.void.sale_id)
    if sale is None or sale.store != store:
        raise Rejected(f"unknown_sale: {event.void.sale_id} is not a sale of store {store}")
    sales.insert_void(conn, event.void)
    sales.mark_voided(conn, store, event.void.sale_id)
    _movements(conn, store, event.movements, event.void.id)


def _movement(conn: sa.Connection, store: str, body: str) -> None:
    """A stock movement made at the store (adjustment, count, transfer)."""
    event: MovementEvent = parse_kind(MovementEvent, body)
    _movements(conn, store, [event.movement], event.movement.id)


def _shift(conn: sa.Connection, store: str, body: str) -> None:
    """A closed shift's Z report, kept for HQ."""
    event: ShiftEvent = parse_kind(ShiftEvent, body)
    own(store, event.report.store)
    sales.insert_shift_report(conn, store, event.report)


def _order(conn: sa.Connection, store: str, body: str) -> None:
    """A click-and-collect state change made at the store."""
    event: OrderEvent = parse_kind(OrderEvent, body)
    orders.apply_store_event(conn, store, event)


def _customer(conn: sa.Connection, store: str, body: str) -> None:
    """A sign-up at a till (maybe offline): created once, merged if it meets a customer."""
    event: CustomerEvent = parse_kind(CustomerEvent, body)
    own(store, event.store)
    customers.signup(conn, event.customer, format_ts(event.at))


def _loyalty(conn: sa.Connection, store: str, body: str) -> None:
    """The customer side of a sale, return or void: timeline entry and points."""
    event: LoyaltyEvent = parse_kind(LoyaltyEvent, body)
    loyalty.apply_event(conn, store, event)


def _transfer(conn: sa.Connection, store: str, body: str) -> None:
    """A transfer requested, shipped or received at the store."""
    event: TransferEvent = parse_kind(TransferEvent, body)
    transfers.apply_store_event(conn, store, event)


_APPLY = {
    "sale": _sale,
    "return": _return,
    "void": _void,
    "movement": _movement,
    "shift": _shift,
    "order": _order,
    "customer": _customer,
    "loyalty": _loyalty,
    "transfer": _transfer,
}
