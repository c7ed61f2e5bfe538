"""Stock counts at the node become correcting `count` movements relative to its ledger."""

from __future__ import annotations

import uuid

from tests.edge_fixtures import PICKER, Node


def test_count_corrects_relative_to_the_ledger_and_is_idempotent(lane_node: Node) -> None:
    auth = lane_node.token()
    sale = {
        "id": str(uuid.uuid4()),
        "lines": [{"sku": "MILK", "qty": 2}],
        "payments": [{"method": "cash", "amount": 258}],
    }
    assert lane_node.client.post("/api/v1/sales", json=sale, headers=auth).status_code == 201
    auth = lane_node.token(PICKER)
    count = {"id": str(uuid.uuid4()), "counted": 7, "note": "aisle 3"}
    first = lane_node.client.post("/api/v1/stock/MILK/count", json=count, headers=auth)
    assert first.status_code == 201
    body = first.get_json()
    assert body["on_hand"] == 7
    assert (body["movement"]["delta"], body["movement"]["reason"]) == (-1, "count")
    assert "ledger said 8" in body["movement"]["note"]
    again = lane_node.client.post("/api/v1/stock/MILK/count", json=count, headers=auth)
    assert again.status_code == 200 and again.get_json()["on_hand"] == 7
    other = lane_node.client.post(
        "/api/v1/stock/MILK/count", json=count | {"counted": 3}, headers=auth
    )
    assert other.status_code == 422
    assert other.get_json()["error"]["code"] == "idempotency_conflict"
    kinds = [r[0] for r in lane_node.db.execute("SELECT kind FROM outbox ORDER BY seq")]
    assert kinds == ["sale", "movement"]


def test_a_count_that_matches_records_nothing(lane_node: Node) -> None:
    auth = lane_node.token(PICKER)
    answer = lane_node.client.post(
        "/api/v1/stock/BREAD/count", json={"id": str(uuid.uuid4()), "counted": 10}, headers=auth
    )
    assert answer.status_code == 201 and answer.get_json()["movement"] is None
    assert lane_node.count("outbox") == 0


def test_count_of_an_unknown_sku_is_404(lane_node: Node) -> None:
    auth = lane_node.token(PICKER)
    answer = lane_node.client.post(
        "/api/v1/stock/NOPE/count", json={"id": str(uuid.uuid4()), "counted": 1}, headers=auth
    )
    assert answer.status_code == 404


def test_a_count_whose_correction_exceeds_the_delta_bound_is_422_and_changes_nothing(
    lane_node: Node,
) -> None:
    """BREAD oversold to -10 on hand: counting 10^9 would need a delta past the bound the
    cloud enforces (10^9 + 10)."""
    sale = {
        "id": str(uuid.uuid4()),
        "lines": [{"sku": "BREAD", "qty": 20}],
        "payments": [{"method": "cash", "amount": 5000}],
    }
    assert (
        lane_node.client.post("/api/v1/sales", json=sale, headers=lane_node.token()).status_code
        == 201
    )
    picker = lane_node.token(PICKER)
    before = lane_node.snapshot()
    answer = lane_node.client.post(
        "/api/v1/stock/BREAD/count",
        json={"id": str(uuid.uuid4()), "counted": 10**9},
        headers=picker,
    )
    assert answer.status_code == 422, answer.get_json()
    assert answer.get_json()["error"]["code"] == "count_out_of_range"
    assert lane_node.snapshot() == before
