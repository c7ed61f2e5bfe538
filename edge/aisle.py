"""Endless aisle at the till: an order for another store, placed through the cloud (it
alone knows that store's stock), for the customer in front of the cashier. It needs the
cloud: with the cloud away the till is told so at once (503), nothing is queued, since the
customer is waiting for a pickup code."""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database

from edge import catalog
from edge.node import NodeConfig
from shared.aisle import AisleOrderIn
from shared.errors import Unprocessable
from shared.models import Order

# Places the order at the cloud: (order with its pickup code, whether it is new); raises
# 503 `cloud_unavailable` when the cloud is away, and passes the cloud's refusals on.
Send = Callable[[AisleOrderIn], tuple[Order, bool]]


def place(db: Database, config: NodeConfig, body: AisleOrderIn, send: Send) -> tuple[Order, bool]:
    """Checked here first (another store, products this node knows), then placed."""
    if body.store == config.store:
        raise Unprocessable(
            "own_store", "sell it here: an endless-aisle order is for another store"
        )
    for line in body.lines:
        catalog.get(db, line.sku)
    return send(body)
