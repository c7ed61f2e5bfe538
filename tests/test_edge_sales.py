"""Selling at the node through the lane API (in-process Flask client, no cloud)."""

from __future__ import annotations

import json
import uuid

import pytest

from shared.barcodes import make_ean13, make_variable_measure
from tests.edge_fixtures import MANAGER, Node


def sale_body(lines: list[dict], payments: list[dict], sale_id: str | None = None) -> dict:
    return {"id": sale_id or str(uuid.uuid4()), "lines": lines, "payments": payments}


def test_sale_with_lines_tenders_change_and_vat(lane_node: Node) -> None:
    auth = lane_node.token()
    body = sale_body(
        [{"sku": "MILK", "qty": 2}, {"barcode": make_ean13("400000000003"), "qty": 1}],
        [{"method": "card", "amount": 500, "ref": "AUTH1"}, {"method": "cash", "amount": 1000}],
    )
    answer = lane_node.client.post("/api/v1/sales", json=body, headers=auth)
    assert answer.status_code == 201, answer.get_json()
    sale = answer.get_json()
    assert sale["total"] == 2 * 129 + 899
    assert sale["change"] == 500 + 1000 - (2 * 129 + 899)
    assert sale["receipt_no"] == "S1-1-1"
    assert [(line["sku"], line["unit_price"], line["total"]) for line in sale["lines"]] == [
        ("MILK", 129, 258),
        ("WINE", 899, 899),
    ]
    vat = {v["rate_bp"]: v for v in sale["vat"]}
    assert vat[700]["vat"] == 17  # 258 * 700 / 10700 = 16.88 -> 17
    assert vat[2000]["vat"] == 150  # 899 * 2000 / 12000 = 149.83 -> 150
    stock = lane_node.client.get("/api/v1/stock/MILK", headers=auth).get_json()
    assert stock == {"sku": "MILK", "on_hand": 8, "reserved": 0, "available": 8}
    assert lane_node.count("outbox") == 1


def test_receipt_numbers_are_gapless_per_register(lane_node: Node) -> None:
    lane1, lane2 = lane_node.token(register="1"), lane_node.token(register="2")
    numbers = []
    for n in range(6):
        auth = lane1 if n % 2 else lane2
        body = sale_body([{"sku": "BREAD"}], [{"method": "cash", "amount": 250}])
        numbers.append(lane_node.client.post("/api/v1/sales", json=body, headers=auth).get_json())
    by_register: dict[str, list[int]] = {}
    for sale in numbers:
        store, register, seq = sale["receipt_no"].split("-")
        assert store == "S1"
        by_register.setdefault(register, []).append(int(seq))
    assert by_register == {"1": [1, 2, 3], "2": [1, 2, 3]}


def test_same_id_same_body_is_the_same_sale(lane_node: Node) -> None:
    auth = lane_node.token()
    body = sale_body([{"sku": "MILK"}], [{"method": "cash", "amount": 200}])
    first = lane_node.client.post("/api/v1/sales", json=body, headers=auth)
    again = lane_node.client.post("/api/v1/sales", json=body, headers=auth)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.get_json() == again.get_json()
    other = dict(body, payments=[{"method": "cash", "amount": 300}])
    conflict = lane_node.client.post("/api/v1/sales", json=other, headers=auth)
    assert conflict.status_code == 422
    assert conflict.get_json()["error"]["code"] == "idempotency_conflict"
    assert lane_node.count("sales") == 1
    assert lane_node.count("outbox") == 1


@pytest.mark.parametrize(
    ("code", "expected_price"),
    [
        (make_variable_measure("21", "00001", 1234), 1234),  # price-embedded
        (make_variable_measure("25", "00002", 1500), 449),  # 1.5 kg at 2.99/kg = 448.5 -> 449
    ],
)
def test_variable_measure_barcodes(lane_node: Node, code: str, expected_price: int) -> None:
    auth = lane_node.token()
    found = lane_node.client.get(f"/api/v1/products/lookup?barcode={code}", headers=auth)
    assert found.status_code == 200
    assert found.get_json()["unit_price"] == expected_price
    body = sale_body([{"barcode": code}], [{"method": "cash", "amount": 5000}])
    sale = lane_node.client.post("/api/v1/sales", json=body, headers=auth).get_json()
    assert sale["total"] == expected_price


@pytest.mark.parametrize(
    ("lines", "payments", "code"),
    [
        ([{"sku": "NOPE"}], [{"method": "cash", "amount": 100}], "unknown_product"),
        (
            [{"barcode": make_ean13("999999999999")}],
            [{"method": "cash", "amount": 1}],
            "unknown_product",
        ),
        ([{"sku": "WINE"}], [{"method": "cash", "amount": 898}], "payment_short"),
        ([{"sku": "WINE"}], [{"method": "card", "amount": 1000}], "overpayment"),
        ([{"sku": "MILK", "qty": 0}], [{"method": "cash", "amount": 100}], "validation_error"),
        (
            [{"sku": "MILK", "qty": 100_001}],
            [{"method": "cash", "amount": 100}],
            "validation_error",
        ),
        ([{"sku": "MILK", "qty": "1"}], [{"method": "cash", "amount": 200}], "validation_error"),
        (
            [{"sku": "MILK", "barcode": "4000000000019"}],
            [{"method": "cash", "amount": 200}],
            "validation_error",
        ),
        ([], [{"method": "cash", "amount": 200}], "validation_error"),
        ([{"sku": "MILK"}], [{"method": "bitcoin", "amount": 200}], "validation_error"),
        ([{"sku": "MILK"}], [{"method": "cash", "amount": -5}], "validation_error"),
        ([{"sku": "MILK"}], [{"method": "cash", "amount": 10**12 + 1}], "validation_error"),
    ],
)
def test_bad_sales_are_422_and_change_nothing(
    lane_node: Node, lines: list, payments: list, code: str
) -> None:
    auth = lane_node.token()
    before = lane_node.snapshot()
    answer = lane_node.client.post("/api/v1/sales", json=sale_body(lines, payments), headers=auth)
    assert answer.status_code == 422, answer.get_json()
    assert answer.get_json()["error"]["code"] == code
    assert lane_node.snapshot() == before


@pytest.mark.parametrize(
    ("method", "path", "data", "headers", "status", "code"),
    [
        ("post", "/api/v1/sales", b"{not json", "auth", 400, "malformed_json"),
        ("post", "/api/v1/sales", b"[]", "auth", 422, "validation_error"),
        (
            "post",
            "/api/v1/sales",
            b'{"id": "x", "lines": [], "payments": []}',
            "auth",
            422,
            "validation_error",
        ),
        (
            "post",
            "/api/v1/sales",
            json.dumps({"lines": [{"sku": "MILK"}]}).encode(),
            "auth",
            422,
            "validation_error",
        ),
        ("post", "/api/v1/sales", b"{}", None, 401, "unauthorized"),
        ("post", "/api/v1/sales", b"{}", "wrong", 401, "unauthorized"),
        ("post", "/api/v1/sales", b"x" * 1_000_001, "auth", 413, "payload_too_large"),
        ("post", "/api/v1/returns", b"{", "auth", 400, "malformed_json"),
        ("post", "/api/v1/sessions", b'{"name": "ana"}', None, 422, "validation_error"),
        ("post", "/api/v1/sessions", b'{"name": 5, "pin": "1234"}', None, 422, "validation_error"),
        ("get", "/api/v1/sales?limit=0", b"", "auth", 400, "bad_limit"),
        ("get", "/api/v1/sales?limit=abc", b"", "auth", 400, "bad_limit"),
        ("get", "/api/v1/sales?cursor=%%%", b"", "auth", 400, "bad_cursor"),
        ("get", "/api/v1/sales/does-not-exist", b"", "auth", 404, "unknown_sale"),
        ("get", "/api/v1/stock/NOPE", b"", "auth", 404, "unknown_product"),
        ("get", "/api/v1/products/lookup?barcode=123", b"", "auth", 400, "bad_barcode"),
        ("get", "/api/v1/products/lookup", b"", "auth", 400, "missing_barcode"),
        ("get", "/api/v1/nowhere", b"", "auth", 404, "not_found"),
        ("get", "/api/v1/orders?status=bogus", b"", "auth", 400, "bad_status"),
        ("get", "/api/v1/orders/nope", b"", "auth", 404, "unknown_order"),
        (
            "post",
            "/api/v1/orders/nope/pick",
            b'{"lines": [{"sku": "MILK", "qty": 1}]}',
            "auth",
            404,
            "unknown_order",
        ),
        ("post", "/api/v1/orders/nope/pick", b'{"lines": []}', "auth", 422, "validation_error"),
        (
            "post",
            "/api/v1/orders/nope/collect",
            b'{"pickup_code": "12"}',
            "auth",
            422,
            "validation_error",
        ),
        ("post", "/api/v1/orders/nope/ready", b"", "auth", 404, "unknown_order"),
        (
            "post",
            "/api/v1/shifts",
            b'{"id": "x", "float_amount": 1}',
            "auth",
            422,
            "validation_error",
        ),
        ("post", "/api/v1/shifts/nope/close", b'{"counted": -1}', "auth", 422, "validation_error"),
        ("delete", "/api/v1/sales", b"", "auth", 405, "method_not_allowed"),
    ],
)
def test_bad_requests_get_the_error_shape(
    lane_node: Node,
    method: str,
    path: str,
    data: bytes,
    headers: str | None,
    status: int,
    code: str,
) -> None:
    auth = {"auth": lane_node.token(), "wrong": {"Authorization": "Bearer ss_nope"}}.get(
        headers or "", {}
    )
    before = lane_node.snapshot()
    answer = getattr(lane_node.client, method)(
        path, data=data, headers=auth | {"Content-Type": "application/json"}
    )
    assert answer.status_code == status, answer.get_data(as_text=True)
    error = answer.get_json()["error"]
    assert error["code"] == code
    assert error["message"]
    assert lane_node.snapshot() == before


def test_void_needs_a_manager_and_puts_stock_back(lane_node: Node) -> None:
    auth = lane_node.token()
    sale = lane_node.client.post(
        "/api/v1/sales",
        json=sale_body([{"sku": "BREAD", "qty": 3}], [{"method": "cash", "amount": 750}]),
        headers=auth,
    ).get_json()
    void = {"id": str(uuid.uuid4()), "reason": "customer changed mind"}
    refused = lane_node.client.post(f"/api/v1/sales/{sale['id']}/void", json=void, headers=auth)
    assert refused.status_code == 403
    assert refused.get_json()["error"]["code"] == "manager_pin_required"
    wrong = lane_node.client.post(
        f"/api/v1/sales/{sale['id']}/void", json=void | {"manager_pin": "0000"}, headers=auth
    )
    assert wrong.status_code == 403
    ok = lane_node.client.post(
        f"/api/v1/sales/{sale['id']}/void", json=void | {"manager_pin": MANAGER[1]}, headers=auth
    )
    assert ok.status_code == 201
    assert ok.get_json()["cashier"] == MANAGER[0]
    assert lane_node.client.get(f"/api/v1/sales/{sale['id']}", headers=auth).get_json()["voided"]
    assert lane_node.client.get("/api/v1/stock/BREAD", headers=auth).get_json()["on_hand"] == 10
    again = lane_node.client.post(
        f"/api/v1/sales/{sale['id']}/void",
        json={"id": str(uuid.uuid4()), "manager_pin": MANAGER[1]},
        headers=auth,
    )
    assert again.status_code == 409
    assert lane_node.count("outbox") == 2


def test_stock_may_go_negative(lane_node: Node) -> None:
    auth = lane_node.token()
    body = sale_body([{"sku": "WINE", "qty": 12}], [{"method": "cash", "amount": 12 * 899}])
    assert lane_node.client.post("/api/v1/sales", json=body, headers=auth).status_code == 201
    assert lane_node.client.get("/api/v1/stock/WINE", headers=auth).get_json()["on_hand"] == -2
