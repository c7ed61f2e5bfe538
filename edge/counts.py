"""Stock counts at the store. A count says "N on the shelf, given every movement this node
has recorded"; the correcting delta is N minus their sum, computed in the same transaction,
so movements that arrive later (a sale pushed from another lane, goods received at HQ) still
apply on top. The count travels as a `movement` event; applying it by id is idempotent."""

from __future__ import annotations

from sqlite_utils import Database

from edge import catalog, clock, outbox, stock
from edge.node import NodeConfig
from edge.sales import request_hash
from edge.storage import state
from edge.storage.db import write
from shared.errors import Unprocessable, idempotency_conflict
from shared.models import MAX_DELTA, CountOut, MovementEvent, StockCountIn, StockMovement

_SEEN = "count:"


def record_count(
    db: Database, config: NodeConfig, sku: str, request: StockCountIn
) -> tuple[StockMovement | None, bool]:
    """(the correcting movement or None when the count matched, created)."""
    catalog.get(db, sku)
    digest = request_hash(request) + ":" + sku
    with write(db):
        seen = state.get(db, _SEEN + request.id)
        if seen is not None:
            if not seen.startswith(digest):
                raise idempotency_conflict("stock count", request.id)
            return None, False
        occurred_at, device_time = clock.now(db)
        on_hand = stock.level(db, sku).on_hand
        if abs(request.counted - on_hand) > MAX_DELTA:  # the cloud would reject the movement
            raise Unprocessable(
                "count_out_of_range",
                f"counted {request.counted} is more than {MAX_DELTA} away from the ledger's "
                f"{on_hand}",
            )
        note = f"counted {request.counted}, ledger said {on_hand}" + (
            f"; {request.note}" if request.note else ""
        )
        made = stock.record_local(
            db,
            config.store,
            [(sku, request.counted - on_hand)],
            "count",
            request.id,
            occurred_at,
            note=note,
        )
        for movement in made:
            outbox.append(
                db,
                config.store,
                "movement",
                MovementEvent(movement=movement),
                occurred_at,
                device_time,
            )
        state.put(db, _SEEN + request.id, digest)
    return (made[0] if made else None), True


def count(
    db: Database, config: NodeConfig, sku: str, request: StockCountIn
) -> tuple[CountOut, bool]:
    """Record a count and answer the level it left (the correcting movement, if any)."""
    movement, is_new = record_count(db, config, sku, request)
    return CountOut(sku=sku, on_hand=stock.level(db, sku).on_hand, movement=movement), is_new
