"""Click-and-collect at the till, behind a small interface: the handover screen talks to a
`PickupDesk`, never to the order services directly. A node without the order services gets
no desk, and the screen says so; wiring another implementation is one function here."""

from __future__ import annotations

from typing import Protocol

from sqlite_utils import Database

from edge.node import NodeConfig
from shared.models import CollectIn, Order

UNAVAILABLE = "click-and-collect is not available on this node yet"


class PickupDesk(Protocol):
    """What the handover screen needs: the bags waiting, one order, and the handover."""

    def ready(self) -> list[Order]: ...

    def get(self, order_id: str) -> Order: ...

    def hand_over(self, order_id: str, pickup_code: str) -> Order: ...


class EdgePickupDesk:
    """The node's own order services (`edge.orders`)."""

    def __init__(self, db: Database, config: NodeConfig) -> None:
        from edge import orders

        self._orders = orders
        self.db = db
        self.config = config

    def ready(self) -> list[Order]:
        return self._orders.list_orders(self.db, "ready")

    def get(self, order_id: str) -> Order:
        return self._orders.get(self.db, order_id)

    def hand_over(self, order_id: str, pickup_code: str) -> Order:
        return self._orders.collect(
            self.db, self.config, order_id, CollectIn(pickup_code=pickup_code)
        )


def open_desk(db: Database, config: NodeConfig) -> PickupDesk | None:
    """The desk for this node, or None when it has no order services."""
    try:
        return EdgePickupDesk(db, config)
    except ImportError:
        return None
