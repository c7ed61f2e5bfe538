"""The node's routes for remote tills, in-process: enrolment and the table of tills, parked
baskets on a register's open shift, approvals, and what a return needs."""

from __future__ import annotations

import uuid
from typing import Any

from tests.edge_fixtures import CASHIER, MANAGER, Node

API = "/api/v1"
LINE = {"sku": "MILK", "name": "Milk 1L", "qty": 2, "unit_price": 129, "vat_rate_bp": 700}


def call(node: Node, method: str, path: str, who: Any = CASHIER, **kwargs: Any) -> Any:
    answer = node.client.open(API + path, method=method, headers=node.token(who, "3"), **kwargs)
    return answer.status_code, answer.get_json(silent=True)


def test_node_info_needs_no_session(lane_node: Node) -> None:
    answer = lane_node.client.get(f"{API}/node")
    assert answer.get_json() == {"store": "S1", "name": "Store 1", "currency": "EUR"}


def test_a_manager_enrols_a_till_once_and_enrolling_again_renames_it(lane_node: Node) -> None:
    assert call(lane_node, "POST", "/tills", json={"register": "3", "name": "A"})[0] == 403
    status, till = call(lane_node, "POST", "/tills", MANAGER, json={"register": "3", "name": "A"})
    assert status == 201 and till["enrolled_by"] == "max"
    assert till["last_seen"] == till["enrolled_at"]  # enrolling is the first sighting
    status, till = call(lane_node, "POST", "/tills", MANAGER, json={"register": "3", "name": "B"})
    assert status == 200 and till["name"] == "B"
    assert call(lane_node, "POST", "/tills/3/seen")[1]["last_seen"] >= till["enrolled_at"]
    assert call(lane_node, "POST", "/tills/9/seen")[1]["error"]["code"] == "unknown_till"
    assert [t["name"] for t in call(lane_node, "GET", "/tills")[1]["items"]] == ["B"]
    bad = call(lane_node, "POST", "/tills", MANAGER, json={"register": "a b", "name": "C"})
    assert bad[0] == 422 and lane_node.count("tills") == 1


def test_parked_baskets_belong_to_the_registers_open_shift(lane_node: Node) -> None:
    sale_id = str(uuid.uuid4())
    body = {"sale_id": sale_id, "lines": [LINE]}
    status, error = call(lane_node, "POST", "/parked", json=body)
    assert (status, error["error"]["code"]) == (409, "no_open_shift")
    call(lane_node, "POST", "/shifts", json={"id": str(uuid.uuid4()), "float_amount": 0})
    assert call(lane_node, "POST", "/parked", json=body)[0] == 201
    assert call(lane_node, "POST", "/parked", json=body | {"lines": [LINE | {"qty": 3}]})[0] == 201
    [parked] = call(lane_node, "GET", "/parked")[1]["items"]
    assert (parked["sale_id"], parked["lines"][0]["qty"], parked["register"]) == (sale_id, 3, "3")
    assert call(lane_node, "DELETE", f"/parked/{sale_id}")[1]["sale_id"] == sale_id
    assert call(lane_node, "DELETE", f"/parked/{sale_id}")[0] == 404  # resumed once
    assert call(lane_node, "GET", "/parked")[1]["items"] == []


def test_approvals_and_return_lookups(lane_node: Node) -> None:
    assert call(lane_node, "POST", "/approvals", json={"manager_pin": MANAGER[1]})[1] == {
        "manager": "max"
    }
    status, error = call(lane_node, "POST", "/approvals", json={"manager_pin": "0000"})
    assert (status, error["error"]["code"]) == (403, "bad_manager_pin")
    sale = {
        "id": str(uuid.uuid4()),
        "lines": [{"sku": "MILK", "qty": 2}],
        "payments": [{"method": "cash", "amount": 258}],
    }
    receipt = call(lane_node, "POST", "/sales", json=sale)[1]["receipt_no"]
    assert call(lane_node, "GET", f"/sales?receipt_no={receipt}")[1]["items"][0]["id"] == sale["id"]
    assert call(lane_node, "GET", "/sales?receipt_no=S1-3-99")[1]["items"] == []
    found = call(lane_node, "GET", f"/returnable?receipt_no={receipt}")[1]
    assert (found["sale"]["id"], found["left"], found["returned"]) == (sale["id"], {"MILK": 2}, {})
    assert call(lane_node, "GET", "/returnable")[1]["error"]["code"] == "unknown_sale"
    quote = {"sale_id": sale["id"], "lines": [{"sku": "MILK", "qty": 1}]}
    assert call(lane_node, "POST", "/returns/quote", json=quote)[1]["lines"][0]["total"] == 129
    too_many = {"sale_id": sale["id"], "lines": [{"sku": "MILK", "qty": 3}]}
    assert call(lane_node, "POST", "/returns/quote", json=too_many)[0] == 422
    assert lane_node.count("returns") == 0
