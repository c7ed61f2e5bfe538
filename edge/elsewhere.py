"""Stock in the other stores of the chain, as the cloud knows it. Asked live; the last
answer per SKU is kept, so with the cloud away the till still sees it, marked not live
and dated (`as_of`)."""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database

from edge import catalog
from edge.node import NodeConfig
from edge.storage import elsewhere as rows
from edge.storage.db import write
from shared.errors import ServiceUnavailable
from shared.stores import StockElsewhere

# Asks the cloud: its answer, or None when the cloud is away.
Fetch = Callable[[str], StockElsewhere | None]


def stock_elsewhere(db: Database, config: NodeConfig, sku: str, fetch: Fetch) -> StockElsewhere:
    """The other stores' levels of a catalogued SKU, nearest first; 503 `cloud_unavailable`
    when the cloud is away and no copy was ever kept."""
    catalog.get(db, sku)
    live = fetch(sku)
    if live is not None:
        others = [item for item in live.items if item.store != config.store]
        answer = live.model_copy(update={"items": others, "live": True})
        with write(db):
            rows.put(db, answer)
        return answer
    kept = rows.get(db, sku)
    if kept is None:
        raise ServiceUnavailable(
            "cloud_unavailable",
            "the cloud is not reachable and this node has no earlier copy of that stock",
            headers={"Retry-After": "30"},
        )
    return kept.model_copy(update={"live": False})
