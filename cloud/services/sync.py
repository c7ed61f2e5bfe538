"""The sync API's services: push (per-event results), pull (change feed), clock skew, and
sale lookups for cross-store returns."""

from __future__ import annotations

import re

import sqlalchemy as sa

from cloud.services.apply import apply_event
from cloud.services.reporting import exception
from cloud.storage import feed, sales, stores
from shared.clock import now_text
from shared.errors import BadRequest, NotFound
from shared.models import Change, Event, EventResult, PullOut

SKEW_LIMIT_S = 300
_CURSOR = re.compile(r"^c(\d{1,18})\.s(\d{1,18})$")


def push(engine: sa.Engine, store: str, events: list[Event], offset_s: float) -> list[EventResult]:
    """Apply a batch in one transaction (one fsync), each event in its own savepoint so a
    rejected one never blocks the rest. If the database fails, nothing commits and the node
    retries the whole batch."""
    results = []
    with engine.begin() as conn:
        _clock(conn, store, offset_s)
        stores.touch(conn, store, now_text())
        for event in events:
            status, reason = apply_event(conn, store, event)
            results.append(EventResult(id=event.id, status=status, reason=reason))  # type: ignore[arg-type]
    return results


def _clock(conn: sa.Connection, store: str, offset_s: float) -> None:
    """One `clock_skew` exception per episode of a node clock off by more than 5 minutes."""
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
    """The next changes for a store: catalogue first, then the store's own feed."""
    cat_seq, store_seq = parse_cursor(cursor)
    catalogue = feed.read(conn, feed.CATALOGUE, cat_seq, limit + 1)
    more = len(catalogue) > limit
    catalogue = catalogue[:limit]
    own = feed.read(conn, store, store_seq, limit - len(catalogue) + 1) if not more else []
    if len(catalogue) + len(own) > limit:
        more, own = True, own[: limit - len(catalogue)]
    if catalogue:
        cat_seq = catalogue[-1][0]
    if own:
        store_seq = own[-1][0]
    changes = [Change(kind=kind, body=body) for _, kind, body in catalogue + own]  # type: ignore[arg-type]
    stores.touch(conn, store, now_text())
    return PullOut(changes=changes, cursor=f"c{cat_seq}.s{store_seq}", more=more)


def find_sale(
    conn: sa.Connection, sale_id: str | None, receipt_no: str | None
) -> dict[str, object]:
    """Any store's sale with what was already returned of it."""
    sale = sales.get_sale(conn, sale_id=sale_id, receipt_no=receipt_no)
    if sale is None:
        raise NotFound("unknown_sale", "no such sale in the cloud")
    return {"sale": sale.model_dump(mode="json"), "returned": sales.returned_qty(conn, sale.id)}
