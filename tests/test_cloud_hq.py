"""The HQ API on SQLite and PostgreSQL: catalogue, stock movements, auth, bad input."""

from __future__ import annotations

import json
import uuid

import pytest

from shared.barcodes import make_ean13
from tests.cloud_fixtures import CloudUnderTest

EAN = make_ean13("400638100001")


def test_put_product_creates_then_updates(cloud: CloudUnderTest) -> None:
    body = {"name": "Milk", "price": 129, "vat_rate_bp": 700, "barcodes": [EAN]}
    first = cloud.client.put("/api/v1/products/MILK", json=body, headers=cloud.hq)
    assert first.status_code == 201
    assert first.get_json()["barcodes"] == [EAN]
    second = cloud.client.put("/api/v1/products/MILK", json=body | {"price": 139}, headers=cloud.hq)
    assert second.status_code == 200
    got = cloud.client.get("/api/v1/products/MILK", headers=cloud.readonly).get_json()
    assert got["price"] == 139 and got["active"] is True


def test_a_barcode_belongs_to_one_product(cloud: CloudUnderTest) -> None:
    cloud.product("A", barcodes=[EAN])
    answer = cloud.client.put(
        "/api/v1/products/B",
        headers=cloud.hq,
        json={"name": "B", "price": 1, "vat_rate_bp": 0, "barcodes": [EAN]},
    )
    assert answer.status_code == 409
    assert answer.get_json()["error"]["code"] == "barcode_taken"


def test_products_list_pages_with_a_cursor(cloud: CloudUnderTest) -> None:
    for n in range(5):
        cloud.product(f"P{n}")
    seen, cursor = [], None
    while True:
        query = "limit=2" + (f"&cursor={cursor}" if cursor else "")
        data = cloud.client.get(f"/api/v1/products?{query}", headers=cloud.hq).get_json()
        seen += [p["sku"] for p in data["items"]]
        cursor = data["next"]
        if not cursor:
            break
    assert sorted(seen) == [f"P{n}" for n in range(5)]
    later = cloud.client.get(
        "/api/v1/products?updated_since=2999-01-01T00:00:00Z", headers=cloud.hq
    ).get_json()
    assert later == {"items": [], "next": None}


def test_stock_movements_are_idempotent_by_id(cloud: CloudUnderTest) -> None:
    cloud.add_store("S1")
    cloud.product("MILK")
    body = {"id": str(uuid.uuid4()), "sku": "MILK", "delta": 24, "reason": "receipt"}
    url = "/api/v1/stores/S1/stock-movements"
    assert cloud.client.post(url, json=body, headers=cloud.hq).status_code == 201
    replay = cloud.client.post(url, json=body, headers=cloud.hq)
    assert replay.status_code == 200
    conflict = cloud.client.post(url, json=body | {"delta": 25}, headers=cloud.hq)
    assert conflict.status_code == 422
    assert conflict.get_json()["error"]["code"] == "idempotency_conflict"
    cloud.receive("S1", "MILK", -4)
    stock = cloud.client.get("/api/v1/stores/S1/stock/MILK", headers=cloud.readonly).get_json()
    assert stock == {"store": "S1", "sku": "MILK", "on_hand": 20, "reserved": 0, "available": 20}


BAD = [
    # method, path, body, auth, status, code
    ("put", "/api/v1/products/X", b"{", "hq", 400, "malformed_json"),
    ("put", "/api/v1/products/X", b"[1]", "hq", 422, "validation_error"),
    ("put", "/api/v1/products/X", {"name": "X"}, "hq", 422, "validation_error"),
    (
        "put",
        "/api/v1/products/X",
        {"name": "X", "price": "1", "vat_rate_bp": 0},
        "hq",
        422,
        "validation_error",
    ),
    (
        "put",
        "/api/v1/products/X",
        {"name": "X", "price": -1, "vat_rate_bp": 0},
        "hq",
        422,
        "validation_error",
    ),
    (
        "put",
        "/api/v1/products/X",
        {"name": "X", "price": 10**12 + 1, "vat_rate_bp": 0},
        "hq",
        422,
        "validation_error",
    ),
    (
        "put",
        "/api/v1/products/X",
        {"name": "X", "price": 1, "vat_rate_bp": 0, "extra": 1},
        "hq",
        422,
        "validation_error",
    ),
    (
        "put",
        "/api/v1/products/X",
        {"name": "X", "price": 1, "vat_rate_bp": 0, "barcodes": ["4006381333932"]},
        "hq",
        422,
        "validation_error",
    ),
    (
        "put",
        "/api/v1/products/bad%20sku",
        {"name": "X", "price": 1, "vat_rate_bp": 0},
        "hq",
        400,
        "bad_sku",
    ),
    (
        "put",
        "/api/v1/products/X",
        {"name": "X", "price": 1, "vat_rate_bp": 0},
        None,
        401,
        "unauthorized",
    ),
    (
        "put",
        "/api/v1/products/X",
        {"name": "X", "price": 1, "vat_rate_bp": 0},
        "wrong",
        401,
        "unauthorized",
    ),
    (
        "put",
        "/api/v1/products/X",
        {"name": "X", "price": 1, "vat_rate_bp": 0},
        "ro",
        403,
        "forbidden",
    ),
    ("put", "/api/v1/products/X", b"x" * 1_000_001, "hq", 413, "payload_too_large"),
    (
        "post",
        "/api/v1/stores/S1/stock-movements",
        {"id": "nope", "sku": "MILK", "delta": 1, "reason": "receipt"},
        "hq",
        422,
        "validation_error",
    ),
    (
        "post",
        "/api/v1/stores/S1/stock-movements",
        {"id": str(uuid.uuid4()), "sku": "MILK", "delta": 0, "reason": "receipt"},
        "hq",
        422,
        "validation_error",
    ),
    (
        "post",
        "/api/v1/stores/S1/stock-movements",
        {"id": str(uuid.uuid4()), "sku": "MILK", "delta": 10**9 + 1, "reason": "receipt"},
        "hq",
        422,
        "validation_error",
    ),
    (
        "post",
        "/api/v1/stores/S1/stock-movements",
        {"id": str(uuid.uuid4()), "sku": "MILK", "delta": 1, "reason": "sale"},
        "hq",
        422,
        "validation_error",
    ),
    (
        "post",
        "/api/v1/stores/S1/stock-movements",
        {"id": str(uuid.uuid4()), "sku": "NOPE", "delta": 1, "reason": "receipt"},
        "hq",
        404,
        "unknown_product",
    ),
    (
        "post",
        "/api/v1/stores/S9/stock-movements",
        {"id": str(uuid.uuid4()), "sku": "MILK", "delta": 1, "reason": "receipt"},
        "hq",
        404,
        "unknown_store",
    ),
    (
        "post",
        "/api/v1/stores/S1/stock-movements",
        {"id": str(uuid.uuid4()), "sku": "MILK", "delta": 1, "reason": "receipt"},
        "ro",
        403,
        "forbidden",
    ),
    ("get", "/api/v1/stores/S1/stock/NOPE", None, "ro", 404, "unknown_product"),
    ("get", "/api/v1/stores/S9/stock/MILK", None, "ro", 404, "unknown_store"),
    ("get", "/api/v1/products/NOPE", None, "ro", 404, "unknown_product"),
    ("get", "/api/v1/products?limit=0", None, "ro", 400, "bad_limit"),
    ("get", "/api/v1/products?limit=1001", None, "ro", 400, "bad_limit"),
    ("get", "/api/v1/products?limit=x", None, "ro", 400, "bad_limit"),
    ("get", "/api/v1/products?cursor=!!", None, "ro", 400, "bad_cursor"),
    ("get", "/api/v1/products?updated_since=yesterday", None, "ro", 400, "bad_updated_since"),
    ("get", "/api/v1/stores/S1/sales?since=nope", None, "ro", 400, "bad_since"),
    ("get", "/api/v1/stores/S9/sales", None, "ro", 404, "unknown_store"),
    ("get", "/api/v1/stores/S1/returns", None, None, 401, "unauthorized"),
    ("get", "/api/v1/exceptions?kind=bogus", None, "ro", 400, "bad_kind"),
    (
        "post",
        "/api/v1/orders",
        {"id": str(uuid.uuid4()), "store": "S1", "customer": {"name": "A"}, "lines": []},
        "hq",
        422,
        "validation_error",
    ),
    (
        "post",
        "/api/v1/orders",
        {
            "id": str(uuid.uuid4()),
            "store": "S1",
            "customer": {"name": "A"},
            "lines": [{"sku": "MILK", "qty": 1}, {"sku": "MILK", "qty": 2}],
        },
        "hq",
        422,
        "validation_error",
    ),
    (
        "post",
        "/api/v1/orders",
        {
            "id": str(uuid.uuid4()),
            "store": "S1",
            "customer": {"name": "A"},
            "lines": [{"sku": "MILK", "qty": 0}],
        },
        "hq",
        422,
        "validation_error",
    ),
    (
        "post",
        "/api/v1/orders",
        {
            "id": str(uuid.uuid4()),
            "store": "S9",
            "customer": {"name": "A"},
            "lines": [{"sku": "MILK", "qty": 1}],
        },
        "hq",
        404,
        "unknown_store",
    ),
    (
        "post",
        "/api/v1/orders",
        {
            "id": str(uuid.uuid4()),
            "store": "S1",
            "customer": {"name": "A"},
            "lines": [{"sku": "NOPE", "qty": 1}],
        },
        "hq",
        404,
        "unknown_product",
    ),
    (
        "post",
        "/api/v1/orders",
        {
            "id": str(uuid.uuid4()),
            "store": "S1",
            "customer": {"name": "A"},
            "lines": [{"sku": "MILK", "qty": 1}],
        },
        "hq",
        409,
        "insufficient_stock",
    ),
    (
        "post",
        "/api/v1/orders",
        {
            "id": str(uuid.uuid4()),
            "store": "S1",
            "customer": {"name": "A"},
            "lines": [{"sku": "MILK", "qty": 1}],
        },
        "ro",
        403,
        "forbidden",
    ),
    ("get", "/api/v1/orders/nope", None, "ro", 404, "unknown_order"),
    ("post", "/api/v1/orders/nope/cancel", None, "hq", 404, "unknown_order"),
    ("post", "/api/v1/webhooks", {"url": "ftp://x"}, "hq", 422, "validation_error"),
    ("delete", "/api/v1/webhooks/nope", None, "hq", 404, "unknown_webhook"),
    ("get", "/api/v1/nothing-here", None, "ro", 404, "not_found"),
    (
        "put",
        "/api/v1/products/X",
        {"name": "X", "price": 1, "vat_rate_bp": 0, "active": 1},
        "hq",
        422,
        "validation_error",
    ),
    (
        "put",
        "/api/v1/products/X",
        {"name": "X", "price": 1, "vat_rate_bp": 10_001},
        "hq",
        422,
        "validation_error",
    ),
    (
        "put",
        "/api/v1/products/X",
        {"name": "", "price": 1, "vat_rate_bp": 0},
        "hq",
        422,
        "validation_error",
    ),
    (
        "put",
        "/api/v1/products/X",
        {"name": "X", "price": 1, "vat_rate_bp": 0, "barcodes": "1"},
        "hq",
        422,
        "validation_error",
    ),
    ("put", "/api/v1/products/X", b"", "hq", 422, "validation_error"),
    (
        "post",
        "/api/v1/stores/S1/stock-movements",
        {"sku": "MILK", "delta": 1, "reason": "receipt"},
        "hq",
        422,
        "validation_error",
    ),
    (
        "post",
        "/api/v1/stores/S1/stock-movements",
        {"id": str(uuid.uuid4()), "sku": "MILK", "delta": 1, "reason": "receipt", "store": "S1"},
        "hq",
        422,
        "validation_error",
    ),
    (
        "post",
        "/api/v1/stores/S1/stock-movements",
        {"id": str(uuid.uuid4()), "sku": "MILK", "delta": 1.5, "reason": "receipt"},
        "hq",
        422,
        "validation_error",
    ),
    (
        "post",
        "/api/v1/stores/S1/stock-movements",
        {
            "id": str(uuid.uuid4()),
            "sku": "MILK",
            "delta": 1,
            "reason": "receipt",
            "note": "n" * 501,
        },
        "hq",
        422,
        "validation_error",
    ),
    ("post", "/api/v1/stores/S1/stock-movements", b"{", None, 401, "unauthorized"),
    ("post", "/api/v1/stores/S1/stock-movements", b"{", "ro", 403, "forbidden"),
    ("get", "/api/v1/stores", None, None, 401, "unauthorized"),
    ("get", "/api/v1/stores", None, "wrong", 401, "unauthorized"),
    ("get", "/api/v1/exceptions?limit=0", None, "ro", 400, "bad_limit"),
    ("get", "/api/v1/exceptions?since=never", None, "ro", 400, "bad_since"),
    ("get", "/api/v1/exceptions?cursor=e30", None, "ro", 400, "bad_cursor"),
    ("get", "/api/v1/exceptions", None, None, 401, "unauthorized"),
    ("get", "/api/v1/stores/S1/returns?since=13/13/2026", None, "ro", 400, "bad_since"),
    ("get", "/api/v1/stores/S1/returns?limit=-1", None, "ro", 400, "bad_limit"),
    ("get", "/api/v1/stores/S9/returns", None, "ro", 404, "unknown_store"),
    ("get", "/api/v1/stores/S1/sales?cursor=WyJhIl0", None, "ro", 400, "bad_cursor"),
    ("get", "/api/v1/stores/S1/sales", None, "wrong", 401, "unauthorized"),
    ("get", "/api/v1/stores/S1/stock/MILK", None, None, 401, "unauthorized"),
    ("get", "/api/v1/products/MILK", None, "wrong", 401, "unauthorized"),
    ("get", "/api/v1/products", None, None, 401, "unauthorized"),
    ("delete", "/api/v1/products/MILK", None, "hq", 405, "method_not_allowed"),
]


@pytest.mark.parametrize(
    ("method", "path", "body", "auth", "status", "code"),
    BAD,
    ids=[f"{b[0]} {b[1][:40]} {b[5]}" for b in BAD],
)
def test_bad_input_is_4xx_with_the_error_shape_and_changes_nothing(
    cloud: CloudUnderTest,
    method: str,
    path: str,
    body: object,
    auth: str | None,
    status: int,
    code: str,
) -> None:
    cloud.add_store("S1")
    cloud.product("MILK")
    headers = {
        "hq": cloud.hq,
        "ro": cloud.readonly,
        "wrong": {"Authorization": "Bearer hq_wrong"},
    }.get(auth or "", {})
    data = body if isinstance(body, bytes) else (json.dumps(body).encode() if body else None)
    before = cloud.counts()
    answer = cloud.client.open(
        path,
        method=method.upper(),
        data=data,
        headers=headers | {"Content-Type": "application/json"},
    )
    assert answer.status_code == status, answer.get_data(as_text=True)
    error = answer.get_json()["error"]
    assert error["code"] == code and error["message"]
    assert cloud.counts() == before


def test_openapi_describes_every_route_from_the_models(cloud: CloudUnderTest) -> None:
    doc = cloud.client.get("/api/v1/openapi.json").get_json()
    assert doc["openapi"] == "3.1.0"
    for path in [
        "/products/{sku}",
        "/products",
        "/stores/{store}/stock-movements",
        "/stores/{store}/stock/{sku}",
        "/stores/{store}/sales",
        "/stores/{store}/returns",
        "/exceptions",
        "/sync/push",
        "/sync/pull",
    ]:
        assert path in doc["paths"], path
    put = doc["paths"]["/products/{sku}"]["put"]
    ref = put["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    schema = doc["components"]["schemas"][ref.rsplit("/", 1)[1]]
    assert schema["additionalProperties"] is False
    assert schema["properties"]["price"]["maximum"] == 10**12
    text = json.dumps(doc)
    for name in {r.rsplit("/", 1)[1] for r in _refs(doc)}:
        assert name in doc["components"]["schemas"], name
    assert "$defs" not in text


def _refs(node: object) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if "$ref" in node else []
        return found + [r for v in node.values() for r in _refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in _refs(v)]
    return []


def test_healthz(cloud: CloudUnderTest) -> None:
    assert cloud.client.get("/healthz").get_json() == {"status": "ok"}


def test_a_barcode_listed_twice_is_422(cloud: CloudUnderTest) -> None:
    before = cloud.counts()
    answer = cloud.client.put(
        "/api/v1/products/X",
        headers=cloud.hq,
        json={"name": "X", "price": 1, "vat_rate_bp": 0, "barcodes": ["96385074", "96385074"]},
    )
    assert answer.status_code == 422
    assert "listed once" in answer.get_json()["error"]["message"]
    assert cloud.counts() == before
