"""Transfers at the cloud: HQ (or a store's manager through its node) requests, HQ may
cancel before shipping, and the stores' facts (ship, receive) move the state on. A fact at
a store wins over a remote intent: a shipment that crosses a cancel stands (HQ hears of it
as `cancel_lost_to_ship`), and a receipt is taken even before the shipment arrives."""

from __future__ import annotations

import hashlib

import sqlalchemy as sa

from cloud.services.catalog import get_product
from cloud.services.reporting import Rejected, exception
from cloud.services.tokens import require_store
from cloud.storage import feed, stock
from cloud.storage import transfers as rows
from shared.api import canonical_json
from shared.clock import utc_now
from shared.errors import Conflict, Forbidden, NotFound, OmnistoreError, idempotency_conflict
from shared.transfers import (
    Transfer,
    TransferEvent,
    TransferIn,
    new_transfer,
    request_of,
    with_transit,
)


def request_hash(body: TransferIn) -> str:
    """The idempotency fingerprint of a request (canonical JSON)."""
    data = body.model_dump(mode="json", by_alias=True)
    return hashlib.sha256(canonical_json(data).encode()).hexdigest()


def create(conn: sa.Connection, body: TransferIn) -> tuple[Transfer, bool]:
    """Request a transfer once by id; the same body again answers it, another is 422."""
    digest = request_hash(body)
    existing = rows.get(conn, body.id)
    if existing is not None:
        if existing[1] != digest:
            raise idempotency_conflict("transfer", body.id)
        return existing[0], False
    require_store(conn, body.from_)
    require_store(conn, body.to)
    for line in body.lines:
        get_product(conn, line.sku)
    transfer = new_transfer(body, utc_now())
    rows.insert(conn, transfer, digest)
    _announce(conn, transfer)
    return transfer, True


def create_for_store(conn: sa.Connection, store: str, body: TransferIn) -> tuple[Transfer, bool]:
    """A store's manager asks through the node: only for a transfer from or to that store."""
    if store not in (body.from_, body.to):
        raise Forbidden("forbidden", f"store {store} may only request its own transfers")
    return create(conn, body)


def get(conn: sa.Connection, transfer_id: str) -> Transfer:
    found = rows.get(conn, transfer_id)
    if found is None:
        raise NotFound("unknown_transfer", f"no transfer {transfer_id}")
    return found[0]


def list_transfers(
    conn: sa.Connection,
    state: str | None,
    store: str | None,
    after: tuple[str, str] | None,
    limit: int,
) -> list[Transfer]:
    return rows.list_transfers(conn, state, store, after, limit)


def cancel(conn: sa.Connection, transfer_id: str) -> Transfer:
    """HQ's intent: only a requested transfer can be cancelled (again: 200); once the
    sending store shipped, the goods are on the road (409 `already_shipped`)."""
    current = rows.get_for_update(conn, transfer_id)
    if current is None:
        raise NotFound("unknown_transfer", f"no transfer {transfer_id}")
    if current.state == "cancelled":
        return current
    if current.state != "requested":
        raise Conflict("already_shipped", f"transfer {transfer_id} is {current.state}")
    return _save(conn, current.model_copy(update={"state": "cancelled"}))


def apply_store_event(conn: sa.Connection, store: str, event: TransferEvent) -> None:
    """A node's fact about a transfer, applied once (the event id is the key)."""
    incoming = event.transfer
    if event.action == "request":
        try:
            create_for_store(conn, store, request_of(incoming))
        except OmnistoreError as exc:
            raise Rejected(f"{exc.code}: {exc.message}") from exc
        return
    current = rows.get_for_update(conn, incoming.id)
    if current is None:
        raise Rejected(f"unknown_transfer: {incoming.id}")
    if store != (current.from_ if event.action == "ship" else current.to):
        raise Rejected(f"wrong_store: store {store} may not {event.action} transfer {current.id}")
    if event.action == "ship":
        changed = _ship(conn, current, incoming)
    else:
        changed = _receive(conn, current, incoming)
    if changed is None:
        return  # that end has spoken already: a second shipment or receipt moves nothing
    _movements(conn, store, event)
    _discrepancy(conn, changed)
    _save(conn, changed)


def _movements(conn: sa.Connection, store: str, event: TransferEvent) -> None:
    for movement in event.movements:
        if movement.store != store:
            raise Rejected("wrong_store: a store may only push its own facts")
        stock.insert_movement(conn, movement, "store")
    for sku in sorted({m.sku for m in event.movements if m.delta < 0}):
        on_hand = stock.on_hand(conn, store, sku)
        if on_hand < 0:
            ref = f"{sku}:{event.transfer.id}"
            exception(conn, store, "oversell", ref, f"{sku} on_hand {on_hand}")


def _ship(conn: sa.Connection, current: Transfer, incoming: Transfer) -> Transfer | None:
    if current.shipped_at is not None:
        return None
    if current.state == "cancelled":
        exception(
            conn,
            current.from_,
            "cancel_lost_to_ship",
            current.id,
            f"transfer {current.id} was cancelled by HQ but shipped by {current.from_}",
        )
    shipped = {line.sku: line.shipped for line in incoming.lines}
    lines = [
        line.model_copy(update={"shipped": shipped.get(line.sku, 0)}) for line in current.lines
    ]
    state = "received" if current.received_at is not None else "shipped"
    return current.model_copy(
        update={"lines": lines, "state": state, "shipped_at": incoming.shipped_at}
    )


def _receive(conn: sa.Connection, current: Transfer, incoming: Transfer) -> Transfer | None:
    if current.received_at is not None:
        return None
    if current.state == "cancelled":
        exception(
            conn,
            current.to,
            "cancel_lost_to_ship",
            current.id,
            f"transfer {current.id} was cancelled by HQ but its goods arrived at {current.to}",
        )
    got = {line.sku: line.received for line in incoming.lines}
    lines = [line.model_copy(update={"received": got.get(line.sku, 0)}) for line in current.lines]
    return current.model_copy(
        update={"lines": lines, "state": "received", "received_at": incoming.received_at}
    )


def _discrepancy(conn: sa.Connection, transfer: Transfer) -> None:
    """Once both ends have spoken, every line whose count differs is reported to HQ."""
    if transfer.shipped_at is None or transfer.received_at is None:
        return
    wrong = [line for line in transfer.lines if line.shipped != line.received]
    if wrong:
        detail = "; ".join(
            f"{line.sku}: shipped {line.shipped}, received {line.received} "
            f"({line.received - line.shipped:+d})"
            for line in wrong
        )
        exception(conn, transfer.to, "transfer_discrepancy", transfer.id, detail)


def _save(conn: sa.Connection, transfer: Transfer) -> Transfer:
    transfer = transfer.model_copy(update={"updated_at": utc_now()})
    rows.update(conn, transfer)
    _announce(conn, transfer)
    return transfer


def _announce(conn: sa.Connection, transfer: Transfer) -> None:
    """Both stores' feeds carry every state, as orders travel in their store's feed."""
    body = transfer.model_dump(mode="json", by_alias=True, exclude={"queued"})
    for store in (transfer.from_, transfer.to):
        feed.append(conn, store, "transfer", body)


def in_transit_of(conn: sa.Connection, sku: str) -> list[tuple[Transfer, int]]:
    """Shipped transfers carrying `sku`, each with its units of it on the road."""
    moving = []
    for transfer in map(with_transit, rows.list_transfers(conn, "shipped", None, None, 10_000)):
        units = sum(line.in_transit for line in transfer.lines if line.sku == sku)
        if units:
            moving.append((transfer, units))
    return moving
