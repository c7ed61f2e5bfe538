"""Shifts: open with a float, close with a count, and a Z report whose figures add up."""

from __future__ import annotations

import uuid

from tests.edge_fixtures import MANAGER, Node


def post(node: Node, auth: dict, path: str, body: dict) -> dict:
    answer = node.client.post(f"/api/v1{path}", json=body, headers=auth)
    assert answer.status_code in (200, 201), answer.get_json()
    return dict(answer.get_json())


def test_z_report_figures(lane_node: Node) -> None:
    auth = lane_node.token()
    shift = post(lane_node, auth, "/shifts", {"id": str(uuid.uuid4()), "float_amount": 10_000})
    again = lane_node.client.post(
        "/api/v1/shifts", json={"id": str(uuid.uuid4()), "float_amount": 1}, headers=auth
    )
    assert again.status_code == 409

    def sale(lines: list, payments: list) -> dict:
        return post(
            lane_node,
            auth,
            "/sales",
            {"id": str(uuid.uuid4()), "lines": lines, "payments": payments},
        )

    sale([{"sku": "WINE"}], [{"method": "cash", "amount": 1000}])
    card = sale([{"sku": "MILK", "qty": 2}], [{"method": "card", "amount": 258, "ref": "A1"}])
    voided = sale([{"sku": "BREAD"}], [{"method": "cash", "amount": 250}])
    post(
        lane_node,
        auth,
        f"/sales/{voided['id']}/void",
        {"id": str(uuid.uuid4()), "manager_pin": MANAGER[1]},
    )
    post(
        lane_node,
        auth,
        "/returns",
        {"id": str(uuid.uuid4()), "sale_id": card["id"], "lines": [{"sku": "MILK", "qty": 1}]},
    )

    running = lane_node.client.get("/api/v1/shifts/current", headers=auth).get_json()
    assert running["expected_cash"] == 10_899
    z = post(lane_node, auth, f"/shifts/{shift['shift_id']}/close", {"counted": 10_850})
    assert (z["sales_count"], z["sales_total"]) == (3, 1407)
    assert (z["voids_count"], z["voids_total"]) == (1, 250)
    assert (z["returns_count"], z["returns_total"]) == (1, 129)
    assert z["net_total"] == 1028
    assert {t["method"]: t["amount"] for t in z["tenders"]} == {
        "cash": 899,
        "card": 129,
        "voucher": 0,
    }
    assert (z["expected_cash"], z["counted_cash"], z["difference"]) == (10_899, 10_850, -49)
    assert {v["rate_bp"]: (v["gross"], v["vat"]) for v in z["vat"]} == {
        700: (129, 9),
        2000: (899, 150),
    }
    kinds = [r[0] for r in lane_node.db.execute("SELECT kind FROM outbox ORDER BY seq")]
    assert kinds[-1] == "shift"
    assert lane_node.client.get("/api/v1/shifts/current", headers=auth).status_code == 404
