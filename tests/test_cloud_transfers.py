"""Transfers, stock elsewhere and endless-aisle orders at the cloud, in-process on SQLite
and PostgreSQL: HQ's routes, the stores' signed requests, and the rules that reconcile a
shipment and a receipt pushed in any order, against a cancel that crossed them."""

from __future__ import annotations

import uuid
from typing import Any

from tests.cloud_fixtures import PULL, CloudUnderTest, SignedNode, event, movement, push

SKU = "TEA"


def transfer_body(src: str = "A", dst: str = "B", qty: int = 10) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "from": src, "to": dst, "lines": [{"sku": SKU, "qty": qty}]}


def setup(cloud: CloudUnderTest) -> tuple[SignedNode, SignedNode]:
    a, b = cloud.node("A"), cloud.node("B")
    cloud.product(SKU)
    cloud.receive("A", SKU, 20)
    return a, b


def fact(node: SignedNode, action: str, transfer: dict[str, Any], counts: int) -> Any:
    """A node's ship or receive event, with its movements, as edge/transfers.py makes it."""
    field, at = ("shipped", "shipped_at") if action == "ship" else ("received", "received_at")
    reason, sign = ("transfer_out", -1) if action == "ship" else ("transfer_in", 1)
    lines = [line | {field: counts} for line in transfer["lines"]]
    state = "shipped" if action == "ship" else "received"
    moved = transfer | {"state": state, "lines": lines, at: transfer["updated_at"]}
    moves = [movement(node.store, SKU, sign * counts, reason, transfer["id"])]
    return event("transfer", {"action": action, "transfer": moved, "movements": moves}, node.store)


def hq_get(cloud: CloudUnderTest, path: str, **params: Any) -> Any:
    return cloud.client.get(f"/api/v1{path}", headers=cloud.hq, query_string=params).get_json()


def on_hand(cloud: CloudUnderTest, store: str) -> int:
    return int(hq_get(cloud, f"/stores/{store}/stock/{SKU}")["on_hand"])


def kinds(cloud: CloudUnderTest, kind: str) -> list[tuple[str, str]]:
    return [(e["store"], e["ref"]) for e in hq_get(cloud, "/exceptions", kind=kind)["items"]]


def test_hq_requests_lists_and_cancels(cloud: CloudUnderTest) -> None:
    setup(cloud)
    body = transfer_body()
    post = cloud.client.post
    created = post("/api/v1/transfers", json=body, headers=cloud.hq)
    assert created.status_code == 201, created.get_json()
    assert created.get_json()["state"] == "requested"
    assert post("/api/v1/transfers", json=body, headers=cloud.hq).status_code == 200
    other = post(
        "/api/v1/transfers", json=body | {"lines": [{"sku": SKU, "qty": 2}]}, headers=cloud.hq
    )
    assert other.get_json()["error"]["code"] == "idempotency_conflict"
    before = cloud.counts()
    for bad, status in (
        (body | {"id": str(uuid.uuid4()), "to": "A"}, 422),
        (body | {"id": str(uuid.uuid4()), "to": "ZZ"}, 404),
        (body | {"id": str(uuid.uuid4()), "lines": [{"sku": "NOPE", "qty": 1}]}, 404),
        (body | {"id": str(uuid.uuid4()), "lines": [{"sku": SKU, "qty": 0}]}, 422),
    ):
        assert post("/api/v1/transfers", json=bad, headers=cloud.hq).status_code == status, bad
    assert (
        post("/api/v1/transfers", json=transfer_body(), headers=cloud.readonly).status_code == 403
    )
    assert cloud.counts() == before
    listed = cloud.client.get("/api/v1/transfers?state=requested&store=B", headers=cloud.readonly)
    assert [t["id"] for t in listed.get_json()["items"]] == [body["id"]]
    assert hq_get(cloud, "/transfers", store="C")["items"] == []
    assert cloud.client.get("/api/v1/transfers?state=lost", headers=cloud.hq).status_code == 400
    cancel = f"/api/v1/transfers/{body['id']}/cancel"
    assert post(cancel, headers=cloud.hq).get_json()["state"] == "cancelled"
    assert post(cancel, headers=cloud.hq).status_code == 200
    assert post(f"/api/v1/transfers/{uuid.uuid4()}/cancel", headers=cloud.hq).status_code == 404


def test_receipt_before_shipment_then_discrepancy(cloud: CloudUnderTest) -> None:
    a, b = setup(cloud)
    transfer = cloud.client.post(
        "/api/v1/transfers", json=transfer_body(), headers=cloud.hq
    ).get_json()
    assert push(b, fact(b, "receive", transfer, 9))[0]["status"] == "accepted"
    assert hq_get(cloud, f"/transfers/{transfer['id']}")["state"] == "received"
    assert kinds(cloud, "transfer_discrepancy") == []
    wrong = push(b, fact(b, "ship", transfer, 10))[0]
    assert wrong["status"] == "rejected" and "wrong_store" in wrong["reason"]
    assert push(a, fact(a, "ship", transfer, 10))[0]["status"] == "accepted"
    done = hq_get(cloud, f"/transfers/{transfer['id']}")
    assert done["state"] == "received"
    assert done["lines"] == [{"sku": SKU, "qty": 10, "shipped": 10, "received": 9, "in_transit": 0}]
    assert kinds(cloud, "transfer_discrepancy") == [("B", transfer["id"])]
    assert (on_hand(cloud, "A"), on_hand(cloud, "B")) == (10, 9)
    again = push(a, fact(a, "ship", transfer, 10))[0]  # another event id: nothing moves twice
    assert again["status"] == "accepted" and on_hand(cloud, "A") == 10
    feed = a.request("GET", PULL, query="since=&limit=100").get_json()["changes"]
    states = [c["body"]["state"] for c in feed if c["kind"] == "transfer"]
    assert states == ["requested", "received", "received"]


def test_in_transit_and_a_shipment_that_crossed_a_cancel(cloud: CloudUnderTest) -> None:
    a, _ = setup(cloud)
    post = cloud.client.post
    moving = post("/api/v1/transfers", json=transfer_body(qty=3), headers=cloud.hq).get_json()
    push(a, fact(a, "ship", moving, 3))
    shipped = hq_get(cloud, "/transfers", state="shipped")["items"]
    assert [(t["id"], t["lines"][0]["in_transit"]) for t in shipped] == [(moving["id"], 3)]
    elsewhere = hq_get(cloud, f"/stock/{SKU}", near="A")["items"]
    assert {i["store"]: i["in_transit"] for i in elsewhere} == {"A": 0, "B": 3}
    assert post(f"/api/v1/transfers/{moving['id']}/cancel", headers=cloud.hq).status_code == 409
    crossed = post("/api/v1/transfers", json=transfer_body(qty=4), headers=cloud.hq).get_json()
    assert post(f"/api/v1/transfers/{crossed['id']}/cancel", headers=cloud.hq).status_code == 200
    assert push(a, fact(a, "ship", crossed, 4))[0]["status"] == "accepted"
    assert hq_get(cloud, f"/transfers/{crossed['id']}")["state"] == "shipped"
    assert kinds(cloud, "cancel_lost_to_ship") == [("A", crossed["id"])]
    assert on_hand(cloud, "A") == 13


def test_store_requests_stock_and_orders_through_signed_routes(cloud: CloudUnderTest) -> None:
    _, b = setup(cloud)
    c = cloud.node("C")
    body = transfer_body()
    asked = b.request("POST", "/api/v1/sync/transfers", body)
    assert asked.status_code == 201, asked.get_json()
    assert b.request("POST", "/api/v1/sync/transfers", body).status_code == 200
    assert c.request("POST", "/api/v1/sync/transfers", transfer_body()).status_code == 403
    queued = transfer_body()
    request_event = {"action": "request", "transfer": asked.get_json() | {"id": queued["id"]}}
    assert push(b, event("transfer", request_event, "B"))[0]["status"] == "accepted"
    assert hq_get(cloud, f"/transfers/{queued['id']}")["state"] == "requested"
    stranger = push(
        c,
        event(
            "transfer",
            request_event | {"transfer": request_event["transfer"] | {"id": str(uuid.uuid4())}},
            "C",
        ),
    )[0]
    assert stranger["status"] == "rejected"
    stock = b.request("GET", f"/api/v1/sync/stock/{SKU}").get_json()
    assert stock["live"] is True and {i["store"] for i in stock["items"]} == {"A", "B", "C"}
    assert b.request("GET", "/api/v1/sync/stock/NOPE").status_code == 404
    order = {
        "id": str(uuid.uuid4()),
        "store": "A",
        "customer": {"name": "Kim", "phone": "+3361234"},
        "lines": [{"sku": SKU, "qty": 1}],
    }
    own = b.request("POST", "/api/v1/sync/orders", order | {"store": "B"})
    assert own.get_json()["error"]["code"] == "own_store"
    short = b.request("POST", "/api/v1/sync/orders", order | {"lines": [{"sku": SKU, "qty": 5}]})
    assert short.status_code == 409  # A never synced from a node here: safety buffer 20
    cloud.receive("A", SKU, 30)
    placed = b.request("POST", "/api/v1/sync/orders", order)
    assert placed.status_code == 201, placed.get_json()
    code = placed.get_json()["pickup_code"]
    replay = b.request("POST", "/api/v1/sync/orders", order)
    assert replay.status_code == 200 and replay.get_json()["pickup_code"] == code
    other_store = c.request("POST", "/api/v1/sync/orders", order)
    assert "pickup_code" not in other_store.get_json()  # never the code to another placer
    assert hq_get(cloud, f"/orders/{order['id']}")["store"] == "A"
