"""Applying a pushed batch set-based: one round of lookups for the whole batch, then the plain
events (new sales, returns, voids and stock movements, valid and owned) written with
multi-row inserts and one oversell check per SKU, while every other event (a replay of an id
seen in this batch, a sale id or receipt number already used, a return or void of a sale
created, returned or voided earlier in the batch, a shift, an order, anything rejected) goes
through `apply_event` one by one, in batch order, after what precedes it is written.

Results and stored facts are those of applying the events one by one: a fast event is only
one that `apply_event` would accept with exactly these writes."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import sqlalchemy as sa

from cloud.services import repricing
from cloud.services.apply import (
    MAX_EVENT_BYTES,
    apply_event,
    body_hash,
    event_row,
    own,
    parse_kind,
    receipt_of,
    replayed,
    within_sale,
)
from cloud.services.reporting import Rejected, exception_row
from cloud.storage import events as event_store
from cloud.storage import exceptions, sales, stock
from shared.api import canonical_json
from shared.models import (
    Event,
    MovementEvent,
    Return,
    ReturnEvent,
    Sale,
    SaleEvent,
    StockMovement,
    Void,
    VoidEvent,
)

Result = tuple[str, str | None]


Parsed = SaleEvent | ReturnEvent | VoidEvent | MovementEvent


@dataclass
class _Fast:
    """An event the bulk path writes: its place in the batch and the rows it adds."""

    index: int
    event: Event
    digest: str
    moves: list[StockMovement]
    ref: str
    sale: Sale | None = None
    ret: Return | None = None
    void: Void | None = None


@dataclass
class _Batch:
    """The batch's lookups, and what it has claimed so far (ids, receipts, sales returned or
    voided), so that a later event colliding with an earlier one takes the one-by-one path,
    which sees the earlier one written."""

    store: str
    known: dict[str, dict[str, object]]
    stored_sales: set[str]
    taken_receipts: set[str]
    stored_returns: set[str]
    ref_sales: dict[str, list[Sale]]
    returned: dict[str, Counter[str]]
    event_ids: set[str] = field(default_factory=set)
    sale_ids: set[str] = field(default_factory=set)
    receipts: set[str] = field(default_factory=set)
    return_ids: set[str] = field(default_factory=set)
    void_ids: set[str] = field(default_factory=set)
    touched: set[str] = field(default_factory=set)
    movement_ids: set[str] = field(default_factory=set)
    pending: list[_Fast] = field(default_factory=list)


def apply_batch(conn: sa.Connection, store: str, batch: list[Event]) -> list[Result]:
    """(status, reason) per event, in order, inside the caller's transaction."""
    parsed = [_parse(event) for event in batch]
    state = _lookups(conn, store, batch, parsed)
    results: list[Result | None] = [None] * len(batch)
    for index, event in enumerate(batch):
        results[index] = _one(conn, state, index, event, parsed[index], results)
    _flush(conn, state, results)
    return [result for result in results if result is not None]


def _lookups(
    conn: sa.Connection, store: str, batch: list[Event], parsed: list[Parsed | None]
) -> _Batch:
    """One query each for what the whole batch needs to know: its event ids, its sales' ids
    and receipt numbers, its returns' ids, and the sales its returns and voids name."""
    new_sales = [p.sale for p in parsed if isinstance(p, SaleEvent)]
    rets = [p.ret for p in parsed if isinstance(p, ReturnEvent)]
    returned_sales = [r.sale_id for r in rets if r.sale_id is not None]
    voided_sales = [p.void.sale_id for p in parsed if isinstance(p, VoidEvent)]
    return _Batch(
        store,
        event_store.get_events(conn, store, [event.id for event in batch]),
        sales.stored_sale_ids(conn, [sale.id for sale in new_sales]),
        sales.taken_receipts(conn, store, [sale.receipt_no for sale in new_sales]),
        sales.stored_return_ids(conn, store, [r.id for r in rets]),
        sales.sales_by_id(conn, returned_sales + voided_sales),
        sales.returned_qty_many(conn, returned_sales),
    )


def _one(
    conn: sa.Connection,
    state: _Batch,
    index: int,
    event: Event,
    parsed: Parsed | None,
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
    _claim(state, parsed)
    if fast is None:
        _flush(conn, state, results)
        return apply_event(conn, state.store, event)
    state.movement_ids.update(m.id for m in fast.moves)
    state.pending.append(fast)
    return None


def _claim(state: _Batch, parsed: Parsed | None) -> None:
    """What this event (bulk or one by one) takes, that a later event must not assume free."""
    if isinstance(parsed, SaleEvent):
        state.sale_ids.add(parsed.sale.id)
        state.receipts.add(parsed.sale.receipt_no)
    elif isinstance(parsed, ReturnEvent):
        state.return_ids.add(parsed.ret.id)
        if parsed.ret.sale_id is not None:
            state.touched.add(parsed.ret.sale_id)
    elif isinstance(parsed, VoidEvent):
        state.void_ids.add(parsed.void.id)
        state.touched.add(parsed.void.sale_id)


_MODELS: dict[str, type[Parsed]] = {
    "sale": SaleEvent,
    "return": ReturnEvent,
    "void": VoidEvent,
    "movement": MovementEvent,
}


def _parse(event: Event) -> Parsed | None:
    """An event's body parsed once (for the batch's lookups), None when its kind never goes
    in bulk or its body is invalid (then it is rejected one by one)."""
    model = _MODELS.get(event.kind)
    if model is None:
        return None
    text = canonical_json(event.body)
    if len(text.encode()) > MAX_EVENT_BYTES:
        return None
    try:
        parsed: Parsed = parse_kind(model, text)
    except Rejected:
        return None
    return parsed


def _fast(
    state: _Batch, index: int, event: Event, digest: str, parsed: Parsed | None
) -> _Fast | None:
    """The bulk write of an event `apply_event` would surely accept, else None."""
    fast: _Fast | None = None
    if isinstance(parsed, SaleEvent):
        fast = _fast_sale(state, index, event, digest, parsed)
    elif isinstance(parsed, ReturnEvent):
        fast = _fast_return(state, index, event, digest, parsed)
    elif isinstance(parsed, VoidEvent):
        fast = _fast_void(state, index, event, digest, parsed)
    elif isinstance(parsed, MovementEvent):
        fast = _Fast(index, event, digest, [parsed.movement], parsed.movement.id)
    if fast is None or not _owned(state.store, fast) or not _fresh_moves(state, fast.moves):
        return None
    return fast


def _fast_sale(
    state: _Batch, index: int, event: Event, digest: str, parsed: SaleEvent
) -> _Fast | None:
    """A sale whose id and receipt number are free in the database and in the batch."""
    sale = parsed.sale
    if (
        sale.id in state.stored_sales | state.sale_ids
        or sale.receipt_no in state.taken_receipts | state.receipts
    ):
        return None
    return _Fast(index, event, digest, parsed.movements, sale.id, sale=sale)


def _fast_return(
    state: _Batch, index: int, event: Event, digest: str, parsed: ReturnEvent
) -> _Fast | None:
    """A new return within its sale's bounds, the sale stored before the batch and neither
    returned nor voided earlier in it."""
    ret = parsed.ret
    if ret.id in state.stored_returns | state.return_ids:
        return None
    if ret.sale_id is not None:
        found = state.ref_sales.get(ret.sale_id, [])
        if ret.sale_id in state.sale_ids | state.touched or len(found) != 1:
            return None
        try:
            within_sale(ret, found[0], state.returned.get(ret.sale_id, Counter()))
        except Rejected:
            return None
    return _Fast(index, event, digest, parsed.movements, ret.id, ret=ret)


def _fast_void(
    state: _Batch, index: int, event: Event, digest: str, parsed: VoidEvent
) -> _Fast | None:
    """A void of a sale of this store stored before the batch and not touched in it."""
    void = parsed.void
    found = state.ref_sales.get(void.sale_id, [])
    if (
        void.id in state.void_ids
        or void.sale_id in state.sale_ids | state.touched
        or len(found) != 1
        or found[0].store != state.store
    ):
        return None
    return _Fast(index, event, digest, parsed.movements, void.id, void=void)


def _owned(store: str, fast: _Fast) -> bool:
    """Whether every fact of the event is the pushing store's (else it is rejected one by one)."""
    try:
        own(store, *(m.store for m in fast.moves))
        if fast.sale is not None:
            own(store, fast.sale.store)
            receipt_of(store, fast.sale)
        if fast.ret is not None:
            own(store, fast.ret.store)
        if fast.void is not None:
            own(store, fast.void.store)
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
    sales.insert_returns(conn, [fast.ret for fast in pending if fast.ret is not None])
    new_voids = [fast.void for fast in pending if fast.void is not None]
    sales.insert_voids(conn, new_voids)
    sales.mark_voided_many(conn, store, [void.sale_id for void in new_voids])
    added = stock.insert_movements(conn, [m for fast in pending for m in fast.moves], "store")
    event_store.insert_events(
        conn, [event_row(store, f.event, f.digest, "accepted", None) for f in pending]
    )
    _oversells(conn, store, pending, added)
    repricing.check_sales(conn, store, new_sales)


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
