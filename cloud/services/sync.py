"""The sync API's services: push (per-event results), pull (change feed), clock skew, and
sale lookups for cross-store returns."""

from __future__ import annotations

import re

import sqlalchemy as sa

from cloud.services import rollups
from cloud.services.apply import apply_event
from cloud.services.ingest import apply_batch
from cloud.services.reporting import exception
from cloud.storage import customers as customer_rows
from cloud.storage import feed, sales, stores
from cloud.storage.engine import retrying
from shared.clock import now_text
from shared.errors import BadRequest, NotFound
from shared.models import (
    Change,
    Event,
    EventResult,
    PullOut,
    PushOut,
    ReturnableSale,
    SaleLookup,
)

SKEW_LIMIT_S = 300
_CURSOR = re.compile(r"^c(\d{1,18})\.s(\d{1,18})$")


def push(engine: sa.Engine, store: str, events: list[Event], offset_s: float) -> PushOut:
    """Apply a batch in one transaction (one fsync), set-based (`ingest.apply_batch`): a
    rejected event never blocks the rest. A concurrent copy of the same batch loses on the
    event key and the transaction is run again, event by event, each in its own savepoint
    (its events then answer `duplicate`); if the database fails, nothing commits and the
    node retries the whole batch."""
    attempts = 0

    def apply_all(conn: sa.Connection) -> list[EventResult]:
        nonlocal attempts
        attempts += 1
        _clock(conn, store, offset_s)
        if attempts == 1:
            outcomes = apply_batch(conn, store, events)
        else:
            outcomes = [apply_event(conn, store, event) for event in events]
        rollups.record(conn, store, events, outcomes)  # reports: same transaction
        return [
            EventResult(id=event.id, status=status, reason=reason)  # type: ignore[arg-type]
            for event, (status, reason) in zip(events, outcomes, strict=True)
        ]

    return PushOut(results=retrying(engine, apply_all), server_time=now_text())  # type: ignore[arg-type]


def _clock(conn: sa.Connection, store: str, offset_s: float) -> None:
    """One `clock_skew` exception per episode of a node clock off by more than 5 minutes:
    the episode opens when the offset first exceeds the limit and closes when it is back."""
    row = stores.get_store(conn, store) or {}
    skewed = abs(offset_s) > SKEW_LIMIT_S
    if skewed and not row.get("clock_skew_open"):
        exception(
            conn,
            store,
            "clock_skew",
            f"since {now_text()}",
            f"node clock is off by {offset_s:.0f} s",
        )
    if skewed != bool(row.get("clock_skew_open")):
        stores.set_clock_skew_open(conn, store, skewed)


def parse_cursor(text: str | None) -> tuple[int, int]:
    """`c<catalogue seq>.s<store seq>`; empty means from the start."""
    if not text:
        return 0, 0
    match = _CURSOR.match(text)
    if match is None:
        raise BadRequest("bad_cursor", "cursor is not one this server issued")
    return int(match[1]), int(match[2])


def pull(conn: sa.Connection, store: str, cursor: str | None, limit: int) -> PullOut:
    """The next changes for a store: catalogue first (so a movement never arrives before
    its product), then the store's own feed; `more` when either has rows left."""
    cat_seq, store_seq = parse_cursor(cursor)
    catalogue = feed.read(conn, feed.CATALOGUE, cat_seq, limit + 1)
    more = len(catalogue) > limit
    catalogue = catalogue[:limit]
    own = [] if more else feed.read(conn, store, store_seq, limit - len(catalogue) + 1)
    if len(catalogue) + len(own) > limit:
        more, own = True, own[: limit - len(catalogue)]
    if catalogue:
        cat_seq = catalogue[-1][0]
    if own:
        store_seq = own[-1][0]
    changes = [Change(kind=kind, body=body) for _, kind, body in catalogue + own]  # type: ignore[arg-type]
    return PullOut(changes=changes, cursor=f"c{cat_seq}.s{store_seq}", more=more)


def find_sale(
    conn: sa.Connection, *, sale_id: str | None = None, receipt_no: str | None = None
) -> SaleLookup:
    """Any store's sale, reduced to what a return needs (no cashier, no payment references),
    with what was already returned of it, or 404 `unknown_sale`."""
    sale = sales.get_sale(conn, sale_id=sale_id, receipt_no=receipt_no)
    if sale is None:
        raise NotFound("unknown_sale", "no such sale in the cloud")
    return SaleLookup(
        sale=ReturnableSale.of(sale),
        returned=sales.returned_qty(conn, sale.id),
        points_back=customer_rows.reversed_of(conn, sale.id) if sale.customer_id else {},
    )
