"""Points given back for returns of another store's sale, at one node in-process: what the
cloud knows was given back and what this node gave back but has not pushed yet both count,
so the returns of a sale never give back more than it earned, whatever the push timing."""

from __future__ import annotations

from edge import customers, loyalty
from edge.storage.db import write
from shared.clock import utc_now
from shared.customers import IndexEntry
from shared.models import Loyalty
from tests.edge_fixtures import Node

CUSTOMER = "0192f0c4-8e1a-7c3b-9d2e-0000000000d1"
SALE = "0192f0c4-8e1a-7c3b-9d2e-0000000000d2"  # sold at another store: 3 items, 30.00
SOLD = Loyalty(earned=29, redeemed=30)
ONE_OF_THREE = (1000, 3000)


def give_back(node: Node, return_id: str, elsewhere: dict[str, int]) -> tuple[int, int]:
    now = utc_now()
    with write(node.db):
        found = loyalty.on_reversal(
            node.db,
            "S1",
            "return",
            return_id,
            SALE,
            CUSTOMER,
            SOLD,
            ONE_OF_THREE,
            (now, now),
            elsewhere,
        )
    return found.earned, found.redeemed


def test_the_clouds_and_the_unpushed_reversals_both_count(lane_node: Node) -> None:
    with write(lane_node.db):
        customers.apply_entry(lane_node.db, IndexEntry(id=CUSTOMER, name="Dee Vo", points=99))
    cloud_knows = {"earn": 10, "redeem": 10}  # the selling store took one back already
    assert give_back(lane_node, "r1", cloud_knows) == (-10, -10)
    # r1 is still in this node's outbox: the cloud still knows only the selling store's
    assert give_back(lane_node, "r2", cloud_knows) == (-9, -10)  # 10 + 10 + 9 = 29 earned
    assert give_back(lane_node, "r3", cloud_knows) == (0, 0)  # nothing is left to give
