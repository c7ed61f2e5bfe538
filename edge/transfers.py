"""Transfers at the store: the sending store ships (`transfer_out` movements), the
receiving store counts what arrived (`transfer_in` movements); both work offline and push
the fact through the outbox. The cloud's copy arrives with the pull and is merged so that a
fact made here is never undone by an older or remote state (a cancel never undoes a
shipment)."""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database

from edge import clock, outbox, stock
from edge.node import NodeConfig
from edge.storage import transfers as rows
from edge.storage.db import write
from shared.errors import Conflict, Forbidden, NotFound, Unprocessable, idempotency_conflict
from shared.models import StockMovement
from shared.transfers import (
    STATE_RANK,
    Transfer,
    TransferCountsIn,
    TransferEvent,
    TransferIn,
    new_transfer,
    request_of,
)

OPEN_STATES = ["requested", "shipped"]
# Sends the request to the cloud: the cloud's transfer, or None when the cloud is away.
Forward = Callable[[TransferIn], Transfer | None]


def receive(db: Database, incoming: Transfer) -> None:
    """The cloud's copy, inside the pull's transaction: the further state wins (requested <
    cancelled < shipped < received), and each end's counts come from whoever knows them."""
    current = rows.get(db, incoming.id)
    rows.save(db, incoming if current is None else merge(current, incoming))


def merge(local: Transfer, remote: Transfer) -> Transfer:
    """One transfer from two copies; neither side's fact is lost."""
    state = remote.state if STATE_RANK[remote.state] >= STATE_RANK[local.state] else local.state
    shipper = remote if remote.shipped_at is not None else local
    receiver = remote if remote.received_at is not None else local
    shipped = {line.sku: line.shipped for line in shipper.lines}
    received = {line.sku: line.received for line in receiver.lines}
    lines = [
        line.model_copy(
            update={"shipped": shipped.get(line.sku, 0), "received": received.get(line.sku, 0)}
        )
        for line in remote.lines
    ]
    return remote.model_copy(
        update={
            "state": state,
            "lines": lines,
            "shipped_at": shipper.shipped_at,
            "received_at": receiver.received_at,
            "queued": False,
        }
    )


def list_transfers(db: Database, state: str | None, limit: int = 200) -> list[Transfer]:
    """Transfers of this store, oldest first; by default the open ones."""
    return rows.list_by_state(db, [state] if state else OPEN_STATES, limit)


def get(db: Database, transfer_id: str) -> Transfer:
    found = rows.get(db, transfer_id)
    if found is None:
        raise NotFound("unknown_transfer", f"no transfer {transfer_id} at this store")
    return found


def request(
    db: Database, config: NodeConfig, body: TransferIn, forward: Forward
) -> tuple[Transfer, int]:
    """A manager's request: sent to the cloud at once (201, or 200 for a replay), or kept in
    the outbox while the cloud is away (201 with `queued`: the node has recorded it)."""
    if config.store not in (body.from_, body.to):
        raise Unprocessable("not_this_store", f"a transfer must be from or to {config.store}")
    known = rows.get(db, body.id)
    if known is not None and request_of(known) != body:
        raise idempotency_conflict("transfer", body.id)
    answer = forward(body)
    if answer is not None:
        with write(db):
            receive(db, answer)
        return get(db, body.id), 201 if known is None else 200
    if known is not None:
        return known, 200
    with write(db):
        occurred_at, device_time = clock.now(db)
        transfer = new_transfer(body, occurred_at).model_copy(update={"queued": True})
        rows.save(db, transfer)
        event = TransferEvent(action="request", transfer=transfer)
        outbox.append(db, config.store, "transfer", event, occurred_at, device_time)
    return transfer, 201


def ship(db: Database, config: NodeConfig, transfer_id: str, body: TransferCountsIn) -> Transfer:
    """The goods leave: `transfer_out` for what was counted, never more than requested."""
    with write(db):
        current = _workable(db, config, transfer_id, "ship")
        counted = _counts(current, body)
        over = [
            f"{line.sku} ({counted[line.sku]} > {line.qty})"
            for line in current.lines
            if counted[line.sku] > line.qty
        ]
        if over:
            raise Unprocessable("over_ship", f"more than requested: {', '.join(over)}")
        if not any(counted.values()):
            raise Unprocessable("nothing_shipped", "count at least one unit to ship")
        occurred_at, _ = clock.now(db)
        moves = stock.record_local(
            db,
            config.store,
            [(s, -q) for s, q in counted.items()],
            "transfer_out",
            current.id,
            occurred_at,
        )
        lines = [line.model_copy(update={"shipped": counted[line.sku]}) for line in current.lines]
        shipped = current.model_copy(
            update={
                "state": "received" if current.received_at else "shipped",
                "lines": lines,
                "shipped_at": occurred_at,
            }
        )
        return _change(db, config, "ship", shipped, moves)


def receive_goods(
    db: Database, config: NodeConfig, transfer_id: str, body: TransferCountsIn
) -> Transfer:
    """What arrived goes on the shelf (`transfer_in`), whether or not the shipment has
    reached this node yet: goods that arrived were shipped."""
    with write(db):
        current = _workable(db, config, transfer_id, "receive")
        counted = _counts(current, body)
        occurred_at, _ = clock.now(db)
        moves = stock.record_local(
            db, config.store, list(counted.items()), "transfer_in", current.id, occurred_at
        )
        lines = [line.model_copy(update={"received": counted[line.sku]}) for line in current.lines]
        done = current.model_copy(
            update={"state": "received", "lines": lines, "received_at": occurred_at}
        )
        return _change(db, config, "receive", done, moves)


def _workable(db: Database, config: NodeConfig, transfer_id: str, action: str) -> Transfer:
    current = get(db, transfer_id)
    end = current.from_ if action == "ship" else current.to
    if end != config.store:
        raise Forbidden("wrong_store", f"store {end}, not {config.store}, may {action} this")
    if current.state == "cancelled":
        raise Conflict("transfer_cancelled", f"transfer {transfer_id} was cancelled")
    done = current.shipped_at if action == "ship" else current.received_at
    if done is not None:
        code = "already_shipped" if action == "ship" else "already_received"
        raise Conflict(code, f"transfer {transfer_id} is {current.state}")
    return current


def _counts(transfer: Transfer, body: TransferCountsIn) -> dict[str, int]:
    """Units per SKU of the transfer (a SKU not counted is 0); a SKU not on it is 422."""
    on = {line.sku for line in transfer.lines}
    unknown = sorted({line.sku for line in body.lines} - on)
    if unknown:
        raise Unprocessable("not_on_transfer", f"not on this transfer: {', '.join(unknown)}")
    counted = {sku: 0 for sku in on}
    counted.update({line.sku: line.qty for line in body.lines})
    return counted


def _change(
    db: Database, config: NodeConfig, action: str, transfer: Transfer, moves: list[StockMovement]
) -> Transfer:
    occurred_at, device_time = clock.now(db)
    transfer = transfer.model_copy(update={"updated_at": occurred_at, "queued": False})
    rows.save(db, transfer)
    rows.clear_counts(db, transfer.id)
    event = TransferEvent(action=action, transfer=transfer, movements=moves)  # type: ignore[arg-type]
    outbox.append(db, config.store, "transfer", event, occurred_at, device_time)
    return transfer


def refused(db: Database, event: TransferEvent) -> None:
    """The cloud refused a request this node had queued (an unknown store, say): it never
    existed there and never will travel, so it ends `cancelled` here instead of waiting
    `requested` for ever. The reason stays with the rejected event in the sync status.
    Called in the transaction that records the cloud's verdict."""
    if event.action != "request":
        return
    found = rows.get(db, event.transfer.id)
    if found is None or found.state != "requested":
        return
    now, _ = clock.now(db)
    rows.save(
        db, found.model_copy(update={"state": "cancelled", "queued": False, "updated_at": now})
    )


def scanned(db: Database, transfer_id: str) -> dict[str, int]:
    """What the picker page has counted so far for a transfer."""
    return rows.counts(db, transfer_id)


def count(db: Database, config: NodeConfig, transfer_id: str, sku: str, delta: int) -> int:
    """Add to (or take from) the scanned count of one SKU; the count never goes below 0."""
    with write(db):
        current = get(db, transfer_id)
        if sku not in {line.sku for line in current.lines}:
            raise Unprocessable("not_on_transfer", f"{sku} is not on this transfer")
        qty = max(0, rows.counts(db, transfer_id).get(sku, 0) + delta)
        rows.set_count(db, transfer_id, sku, qty)
        return qty
