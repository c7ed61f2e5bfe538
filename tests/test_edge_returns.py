"""Returns at the node: against a sale, partial, refund tenders, and without a receipt."""

from __future__ import annotations

import uuid

import pytest

from edge.storage.catalog import upsert_product
from edge.storage.db import write
from shared.clock import now_text
from shared.models import Product
from tests.edge_fixtures import MANAGER, Node


def sell(node: Node, auth: dict, lines: list[dict], payments: list[dict]) -> dict:
    body = {"id": str(uuid.uuid4()), "lines": lines, "payments": payments}
    answer = node.client.post("/api/v1/sales", json=body, headers=auth)
    assert answer.status_code == 201, answer.get_json()
    return dict(answer.get_json())


def ret(node: Node, auth: dict, **fields: object) -> tuple[int, dict]:
    answer = node.client.post(
        "/api/v1/returns", json={"id": str(uuid.uuid4())} | fields, headers=auth
    )
    return answer.status_code, answer.get_json()


def test_partial_returns_by_receipt_number_until_nothing_is_left(lane_node: Node) -> None:
    auth = lane_node.token()
    sale = sell(lane_node, auth, [{"sku": "MILK", "qty": 3}], [{"method": "card", "amount": 387}])
    status, first = ret(
        lane_node, auth, receipt_no=sale["receipt_no"], lines=[{"sku": "MILK", "qty": 2}]
    )
    assert status == 201, first
    assert first["total"] == 258
    assert first["refunds"] == [{"method": "card", "amount": 258, "ref": None}]
    assert first["sale_id"] == sale["id"]
    status, too_many = ret(lane_node, auth, sale_id=sale["id"], lines=[{"sku": "MILK", "qty": 2}])
    assert status == 422
    assert too_many["error"]["code"] == "return_exceeds_sale"
    cash_back = {
        "sale_id": sale["id"],
        "lines": [{"sku": "MILK", "qty": 1}],
        "refunds": [{"method": "cash", "amount": 129}],
    }
    status, refused = ret(lane_node, auth, **cash_back)  # a card sale refunded in cash
    assert status == 403 and refused["error"]["code"] == "manager_pin_required"
    status, _ = ret(lane_node, auth, **cash_back, manager_pin=MANAGER[1])
    assert status == 201
    assert lane_node.client.get("/api/v1/stock/MILK", headers=auth).get_json()["on_hand"] == 10


def test_refunds_must_add_up_and_sku_must_be_on_the_sale(lane_node: Node) -> None:
    auth = lane_node.token()
    sale = sell(lane_node, auth, [{"sku": "WINE"}], [{"method": "cash", "amount": 899}])
    before = lane_node.snapshot()
    status, body = ret(
        lane_node,
        auth,
        sale_id=sale["id"],
        lines=[{"sku": "WINE", "qty": 1}],
        refunds=[{"method": "cash", "amount": 100}],
    )
    assert (status, body["error"]["code"]) == (422, "refund_mismatch")
    status, body = ret(lane_node, auth, sale_id=sale["id"], lines=[{"sku": "MILK", "qty": 1}])
    assert (status, body["error"]["code"]) == (422, "return_exceeds_sale")
    assert lane_node.snapshot() == before


def test_return_without_receipt_needs_a_manager_pin(lane_node: Node) -> None:
    auth = lane_node.token()
    status, body = ret(lane_node, auth, lines=[{"sku": "BREAD", "qty": 1}])
    assert (status, body["error"]["code"]) == (403, "manager_pin_required")
    status, body = ret(lane_node, auth, lines=[{"sku": "BREAD", "qty": 1}], manager_pin=MANAGER[1])
    assert status == 201
    assert body["refunds"] == [{"method": "cash", "amount": 250, "ref": None}]
    assert body["sale_id"] is None


def test_voided_sale_cannot_be_returned(lane_node: Node) -> None:
    auth = lane_node.token()
    sale = sell(lane_node, auth, [{"sku": "BREAD"}], [{"method": "cash", "amount": 250}])
    void = {"id": str(uuid.uuid4()), "manager_pin": MANAGER[1]}
    assert (
        lane_node.client.post(
            f"/api/v1/sales/{sale['id']}/void", json=void, headers=auth
        ).status_code
        == 201
    )
    status, body = ret(lane_node, auth, sale_id=sale["id"], lines=[{"sku": "BREAD", "qty": 1}])
    assert (status, body["error"]["code"]) == (422, "sale_voided")


def test_return_replay_is_idempotent(lane_node: Node) -> None:
    auth = lane_node.token()
    sale = sell(lane_node, auth, [{"sku": "BREAD", "qty": 2}], [{"method": "cash", "amount": 500}])
    body = {"id": str(uuid.uuid4()), "sale_id": sale["id"], "lines": [{"sku": "BREAD", "qty": 1}]}
    first = lane_node.client.post("/api/v1/returns", json=body, headers=auth)
    again = lane_node.client.post("/api/v1/returns", json=body, headers=auth)
    assert (first.status_code, again.status_code) == (201, 200)
    other = lane_node.client.post(
        "/api/v1/returns", json=body | {"lines": [{"sku": "BREAD", "qty": 2}]}, headers=auth
    )
    assert other.status_code == 422
    assert other.get_json()["error"]["code"] == "idempotency_conflict"
    assert lane_node.count("returns") == 1


def test_unknown_sale_without_cloud_is_404(lane_node: Node) -> None:
    auth = lane_node.token()
    status, body = ret(lane_node, auth, receipt_no="S9-1-1", lines=[{"sku": "BREAD", "qty": 1}])
    assert (status, body["error"]["code"]) == (404, "unknown_sale")


def test_amounts_over_the_money_bound_are_422_not_a_failure(lane_node: Node) -> None:
    """A change or a refund the cloud would reject as out of bounds is refused at the till."""
    with write(lane_node.db):
        upsert_product(
            lane_node.db,
            Product(
                sku="GOLD", name="Gold bar", price=10**12, vat_rate_bp=0, updated_at=now_text()
            ),
        )
    auth = lane_node.token()
    before = lane_node.snapshot()
    sale = {
        "id": str(uuid.uuid4()),
        "lines": [{"sku": "GOLD", "qty": 1}],
        "payments": [{"method": "cash", "amount": 10**12}] * 10,
    }
    answer = lane_node.client.post("/api/v1/sales", json=sale, headers=auth)
    assert answer.status_code == 422, answer.get_json()
    assert answer.get_json()["error"]["code"] == "amount_too_large"
    status, body = ret(lane_node, auth, lines=[{"sku": "GOLD", "qty": 2}], manager_pin=MANAGER[1])
    assert (status, body["error"]["code"]) == (422, "amount_too_large")
    assert lane_node.snapshot() == before


def test_quote_checks_and_prices_like_record_return_without_recording(lane_node: Node) -> None:
    """The till's scan-time check (issue 14): same refusals and prices, nothing written."""
    from edge import catalog, returns, voids
    from shared.errors import Unprocessable

    db = lane_node.db
    sale = lane_node.client.post(
        "/api/v1/sales",
        json={
            "id": "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a01",
            "lines": [{"sku": "BREAD", "qty": 3}],
            "payments": [{"method": "cash", "amount": 1000}],
        },
        headers=lane_node.token(),
    ).get_json()
    known = returns.find_sale(db, sale["id"], None, None)
    before = lane_node.snapshot()
    (line,) = returns.quote(db, known, {"BREAD": 2})
    assert (line.name, line.qty, line.total) == ("Bread", 2, 500)
    with pytest.raises(Unprocessable, match="MILK is not on receipt"):
        returns.quote(db, known, {"MILK": 1})
    with pytest.raises(Unprocessable, match="only 3 of 3"):
        returns.quote(db, known, {"BREAD": 4})
    assert returns.left_to_return(db, known) == {"BREAD": 3}
    (today,) = returns.quote(db, None, {"WINE": 1})
    assert (today.name, today.total) == ("Red wine", 899)
    assert lane_node.snapshot() == before
    stored = returns.find_sale(db, sale["id"], None, None).sale
    back = voids.hand_back(stored)
    assert [(p.method, p.amount) for p in back] == [("cash", 750)]  # 10.00 less 2.50 change
    assert catalog.get_any_case(db, "bread").sku == "BREAD"
