"""After a restore from an older backup, the node learns back from the cloud what it had
pushed since: its own sales, returns, voids and stock movements, stored with their ids as
facts already synced (nothing goes to the outbox again), and every register's receipt
counter raised past the highest number the cloud holds. Until that is done the node sells
nothing (503 `restoring`), so no receipt number or id is ever used twice."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlite_utils import Database

from edge import clock
from edge.storage import sales as rows
from edge.storage import state
from edge.storage import stock as stock_rows
from edge.storage.db import write
from edge.sync.client import CloudClient
from shared.clock import format_ts, parse_ts
from shared.errors import ServiceUnavailable
from shared.models import Return, Sale, StockMovement, Void

RESTORED_KEY = "restored_relearn_since"
RELEARNED = "relearned"  # the request hash of facts learnt back: their replays answer 200
MARGIN = timedelta(hours=1)  # device clocks drift: ask for a little more than needed
PAGE = 500
M = TypeVar("M", bound=BaseModel)


def mark_restored(db: Database) -> str | None:
    """Remember, in the restored database, from when to learn back."""
    newest = rows.newest_fact_at(db)
    since = format_ts(parse_ts(newest) - MARGIN) if newest else "1970-01-01T00:00:00Z"
    with write(db):
        state.put(db, RESTORED_KEY, since)
    return since


def refuse_while_restoring(db: Database) -> None:
    """Selling waits until the node has learnt back what the cloud holds."""
    if state.get(db, RESTORED_KEY):
        raise ServiceUnavailable(
            "restoring",
            "this node was restored from a backup and is catching up with the cloud; "
            "sales resume when it has (the cloud must be reachable)",
            headers={"Retry-After": "5"},
        )


def relearn_if_restored(db: Database, client: CloudClient) -> int:
    """Learn back everything the cloud holds of this store since the restore point; returns
    how many facts were new here. Idempotent: an interrupted run starts again."""
    since = state.get(db, RESTORED_KEY)
    if not since:
        return 0
    learnt = 0
    offset = clock.offset_s(db)
    for movement in _pages(client, "movements", since, offset, StockMovement):
        with write(db):
            learnt += stock_rows.insert_movement(db, movement, "edge")
    for sale in _pages(client, "sales", since, offset, Sale):
        learnt += _learn_sale(db, sale)
    for ret in _pages(client, "returns", since, offset, Return):
        learnt += _learn_return(db, ret)
    for void in _pages(client, "voids", since, offset, Void):
        learnt += _learn_void(db, void)
    with write(db):
        state.put(db, RESTORED_KEY, None)
    return learnt


def _learn_sale(db: Database, sale: Sale) -> int:
    seq = int(sale.receipt_no.rsplit("-", 1)[1])

    def insert() -> None:
        rows.insert_sale(db, sale, seq, RELEARNED, None)
        rows.raise_receipt_seq(db, sale.register, seq)

    return _learn(db, rows.get_sale(db, sale.id), insert)


def _learn_return(db: Database, ret: Return) -> int:
    return _learn(
        db, rows.get_return(db, ret.id), lambda: rows.insert_return(db, ret, RELEARNED, None)
    )


def _learn_void(db: Database, void: Void) -> int:
    def insert() -> None:
        rows.insert_void(db, void, RELEARNED, None)
        rows.mark_voided(db, void.sale_id)

    return _learn(db, rows.get_void(db, void_id=void.id), insert)


def _learn(db: Database, existing: Any, insert: Callable[[], None]) -> int:
    if existing is not None:
        return 0
    with write(db):
        insert()
    return 1


def _pages(
    client: CloudClient, kind: str, since: str, offset: float, model: type[M]
) -> Iterator[M]:
    cursor: str | None = None
    while True:
        params = {"since": since, "limit": str(PAGE)} | ({"cursor": cursor} if cursor else {})
        answer = client.call("GET", f"/api/v1/sync/recovery/{kind}", offset_s=offset, params=params)
        body = answer.data
        yield from (model.model_validate(item) for item in body["items"])
        cursor = body["next"]
        if not cursor:
            return
