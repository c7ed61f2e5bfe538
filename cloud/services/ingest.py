"""Applying a pushed batch set-based: one round of lookups for the whole batch, then the plain
events (new sales and stock movements, valid and owned) written with multi-row inserts and one
oversell check per SKU, while every other event (a replay of an id seen in this batch, a sale
id or receipt number already used, a return, a void, a shift, an order, anything rejected)
goes through `apply_event` one by one, in batch order, after what precedes it is written.

Results and stored facts are those of applying the events one by one: a fast event is only
one that `apply_event` would accept with exactly these writes."""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa

from cloud.services.apply import (
    MAX_EVENT_BYTES,
    apply_event,
    body_hash,
    event_row,
    own,
    parse_kind,
    receipt_of,
    replayed,
)
from cloud.services.reporting import Rejected, exception_row
from cloud.storage import events as event_store
from cloud.storage import exceptions, sales, stock
from shared.api import canonical_json
from shared.models import Event, MovementEvent, Sale, SaleEvent, StockMovement

Result = tuple[str, str | None]


@dataclass
class _Fast:
    """An event the bulk path writes: its place in the batch and the rows it adds."""

    index: int
    event: Event
    digest: str
    sale: Sale | None
    moves: list[StockMovement]
    ref: str


@dataclass
class _Batch:
    """What the batch has claimed so far (ids, receipts), so that a later event colliding with
    an earlier one takes the one-by-one path, which sees the earlier one written."""

    store: str
    known: dict[str, dict[str, object]]
    stored_sales: set[str]
    taken_receipts: set[str]
    event_ids: set[str] = field(default_factory=set)
    sale_ids: set[str] = field(default_factory=set)
    receipts: set[str] = field(default_factory=set)
    movement_ids: set[str] = field(default_factory=set)
    pending: list[_Fast] = field(default_factory=list)


def apply_batch(conn: sa.Connection, store: str, batch: list[Event]) -> list[Result]:
    """(status, reason) per event, in order, inside the caller's transaction."""
    parsed = [_parse_sale(event) for event in batch]
    sale_list = [p.sale for p in parsed if p is not None]
    state = _Batch(
        store,
        event_store.get_events(conn, store, [event.id for event in batch]),
        sales.stored_sale_ids(conn, [sale.id for sale in sale_list]),
        sales.taken_receipts(conn, store, [sale.receipt_no for sale in sale_list]),
    )
    results: list[Result | None] = [None] * len(batch)
    for index, event in enumerate(batch):
        results[index] = _one(conn, state, index, event, parsed[index], results)
    _flush(conn, state, results)
    return [result for result in results if result is not None]


def _one(
    conn: sa.Connection,
    state: _Batch,
    index: int,
    event: Event,
    parsed: SaleEvent | None,
    results: list[Result | None],
) -> Result | None:
    """The result now (replays and one-by-one events), or None when queued for the bulk write."""
    digest = body_hash(event)
    seen = state.known.get(event.id)
    if event.id not in state.event_ids and seen is not None:
        state.event_ids.add(event.id)
        return replayed(conn, state.store, event, digest, seen)
    fast = None if event.id in state.event_ids else _fast(state, index, event, digest, parsed)
    state.event_ids.add(event.id)
    if parsed is not None:
        state.sale_ids.add(parsed.sale.id)
        state.receipts.add(parsed.sale.receipt_no)
    if fast is None:
        _flush(conn, state, results)
        return apply_event(conn, state.store, event)
    state.movement_ids.update(m.id for m in fast.moves)
    state.pending.append(fast)
    return None


def _parse_sale(event: Event) -> SaleEvent | None:
    """A sale event's body parsed once (for the batch's lookups), None if it is not one."""
    if event.kind != "sale":
        return None
    text = canonical_json(event.body)
    if len(text.encode()) > MAX_EVENT_BYTES:
        return None
    try:
        parsed: SaleEvent = parse_kind(SaleEvent, text)
    except Rejected:
        return None
    return parsed


def _fast(
    state: _Batch, index: int, event: Event, digest: str, parsed: SaleEvent | None
) -> _Fast | None:
    """The bulk write of an event `apply_event` would surely accept, else None."""
    fast: _Fast | None = None
    if event.kind == "sale" and parsed is not None:
        sale = parsed.sale
        if (
            sale.id in state.stored_sales | state.sale_ids
            or sale.receipt_no in state.taken_receipts | state.receipts
        ):
            return None
        fast = _Fast(index, event, digest, sale, parsed.movements, sale.id)
    elif event.kind == "movement":
        fast = _movement(event, index, digest)
    else:
        return None
    if fast is None or not _owned(state.store, fast) or not _fresh_moves(state, fast.moves):
        return None
    return fast


def _movement(event: Event, index: int, digest: str) -> _Fast | None:
    """A store's stock movement event, parsed, or None when its body is not one."""
    text = canonical_json(event.body)
    if len(text.encode()) > MAX_EVENT_BYTES:
        return None
    try:
        parsed: MovementEvent = parse_kind(MovementEvent, text)
    except Rejected:
        return None
    return _Fast(index, event, digest, None, [parsed.movement], parsed.movement.id)


def _owned(store: str, fast: _Fast) -> bool:
    """Whether every fact of the event is the pushing store's (else it is rejected one by one)."""
    try:
        own(store, *(m.store for m in fast.moves))
        if fast.sale is not None:
            own(store, fast.sale.store)
            receipt_of(store, fast.sale)
    except Rejected:
        return False
    return True


def _fresh_moves(state: _Batch, moves: list[StockMovement]) -> bool:
    """Movement ids unique in the event and unseen in the batch's bulk writes."""
    ids = [m.id for m in moves]
    return len(set(ids)) == len(ids) and not state.movement_ids.intersection(ids)


def _flush(conn: sa.Connection, state: _Batch, results: list[Result | None]) -> None:
    """Write the queued events in bulk, in a savepoint: a value the database cannot hold
    (one event's) undoes the bulk write and the queued events go one by one instead."""
    pending, state.pending = state.pending, []
    if not pending:
        return
    try:
        with conn.begin_nested():
            _write(conn, state.store, pending)
    except (OverflowError, sa.exc.DataError, _Raced):
        for fast in pending:
            results[fast.index] = apply_event(conn, state.store, fast.event)
        return
    for fast in pending:
        results[fast.index] = ("accepted", None)


class _Raced(Exception):
    """A sale id or receipt number the batch's lookups found free was taken since (another
    push committed it): the bulk write is undone and the events go one by one."""


def _write(conn: sa.Connection, store: str, pending: list[_Fast]) -> None:
    """Sales, movements and event records in multi-row inserts, then the oversell check."""
    new_sales = [fast.sale for fast in pending if fast.sale is not None]
    if len(sales.insert_sales(conn, new_sales)) != len(new_sales):
        raise _Raced()
    added = stock.insert_movements(conn, [m for fast in pending for m in fast.moves], "store")
    event_store.insert_events(
        conn, [event_row(store, f.event, f.digest, "accepted", None) for f in pending]
    )
    _oversells(conn, store, pending, added)


def _oversells(conn: sa.Connection, store: str, pending: list[_Fast], added: set[str]) -> None:
    """One on_hand query for the batch's sold SKUs, walked back event by event, so each event
    that left a SKU below zero is reported with the on_hand it left, as one by one would."""
    running = stock.on_hand_many(
        conn, store, sorted({m.sku for f in pending for m in f.moves if m.delta < 0})
    )
    if not running:
        return
    found = []
    for fast in reversed(pending):
        for sku in sorted({m.sku for m in fast.moves if m.delta < 0}):
            if running[sku] < 0:
                detail = f"{sku} on_hand {running[sku]}"
                found.append(exception_row(store, "oversell", f"{sku}:{fast.ref}", detail))
        for m in fast.moves:
            if m.id in added and m.sku in running:
                running[m.sku] -= m.delta
    exceptions.add_exceptions(conn, found)
