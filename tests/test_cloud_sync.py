"""The sync API on SQLite and PostgreSQL: enrolment, signed push and pull, exceptions."""

from __future__ import annotations

import gzip
import json
import time
import uuid

import pytest

from shared.signing import new_nonce, sign_request
from tests.cloud_fixtures import PULL, PUSH, CloudUnderTest, SignedNode, push, sale_event


def exceptions(cloud: CloudUnderTest, kind: str) -> list[dict]:
    answer = cloud.client.get(f"/api/v1/exceptions?kind={kind}", headers=cloud.readonly)
    return list(answer.get_json()["items"])


def test_enrolment_token_is_single_use(cloud: CloudUnderTest) -> None:
    token = cloud.add_store("S1")
    body = {"store": "S1", "token": token, "public_key": "A" * 43}
    first = cloud.client.post("/api/v1/sync/enroll", json=body)
    assert first.status_code == 201
    assert first.get_json()["keyid"].startswith("S1.")
    again = cloud.client.post("/api/v1/sync/enroll", json=body)
    assert again.status_code == 401
    assert again.get_json()["error"]["code"] == "bad_enrollment_token"
    wrong_store = cloud.client.post(
        "/api/v1/sync/enroll", json=body | {"store": "S2", "token": cloud.add_store("S3")}
    )
    assert wrong_store.status_code == 401


def test_push_accepts_once_then_duplicates_and_refuses_a_changed_body(
    cloud: CloudUnderTest,
) -> None:
    cloud.product("MILK")
    node = cloud.node("S1")
    cloud.receive("S1", "MILK", 10)
    event = sale_event("S1", qty=3)
    assert push(node, event) == [{"id": event["id"], "status": "accepted", "reason": None}]
    assert push(node, event)[0]["status"] == "duplicate"
    changed = event | {"hlc": event["hlc"] + "x"}
    result = push(node, changed)[0]
    assert result["status"] == "rejected" and "idempotency_conflict" in result["reason"]
    sales = cloud.client.get("/api/v1/stores/S1/sales", headers=cloud.hq).get_json()["items"]
    assert [s["id"] for s in sales] == [event["body"]["sale"]["id"]]
    stock = cloud.client.get("/api/v1/stores/S1/stock/MILK", headers=cloud.hq).get_json()
    assert stock["on_hand"] == 7
    assert [e["ref"] for e in exceptions(cloud, "rejected_event")] == [event["id"]]


def test_a_store_cannot_push_another_stores_sale(cloud: CloudUnderTest) -> None:
    cloud.product("MILK")
    node_a = cloud.node("S1")
    cloud.add_store("S2")
    result = push(node_a, sale_event("S2"))[0]
    assert result["status"] == "rejected" and "wrong_store" in result["reason"]
    assert cloud.client.get("/api/v1/stores/S2/sales", headers=cloud.hq).get_json()["items"] == []


def test_per_event_results_one_bad_event_does_not_block_the_rest(cloud: CloudUnderTest) -> None:
    cloud.product("MILK")
    node = cloud.node("S1")
    bad = sale_event("S1") | {"body": {"sale": {"id": "x"}, "movements": []}}
    good = sale_event("S1")
    results = push(node, bad, good)
    assert [r["status"] for r in results] == ["rejected", "accepted"]
    assert "invalid body" in results[0]["reason"]


def test_oversell_is_recorded_once(cloud: CloudUnderTest) -> None:
    cloud.product("MILK")
    node = cloud.node("S1")
    cloud.receive("S1", "MILK", 1)
    event = sale_event("S1", qty=3)
    push(node, event)
    push(node, event)
    found = exceptions(cloud, "oversell")
    assert len(found) == 1
    assert found[0]["store"] == "S1" and "-2" in found[0]["detail"]


def test_clock_skew_is_one_exception_per_episode(cloud: CloudUnderTest) -> None:
    node = cloud.node("S1")
    push(node, offset=400)
    push(node, offset=-500)
    assert len(exceptions(cloud, "clock_skew")) == 1
    push(node, offset=2)
    push(node, offset=301)
    assert len(exceptions(cloud, "clock_skew")) == 2


def test_pull_pages_the_catalogue_and_only_this_stores_movements(cloud: CloudUnderTest) -> None:
    node_a, node_b = cloud.node("S1"), cloud.node("S2")
    for n in range(5):
        cloud.product(f"P{n}")
    mine = cloud.receive("S1", "P0", 7)
    cloud.receive("S2", "P1", 9)
    changes, cursor, pages = [], "", 0
    while True:
        answer = node_a.request("GET", PULL, query=f"since={cursor}&limit=2")
        assert answer.status_code == 200, answer.get_json()
        data = answer.get_json()
        changes += data["changes"]
        cursor, pages = data["cursor"], pages + 1
        if not data["more"]:
            break
    assert pages == 3
    assert [c["body"]["sku"] for c in changes if c["kind"] == "product"] == [
        f"P{n}" for n in range(5)
    ]
    assert [c["body"]["id"] for c in changes if c["kind"] == "movement"] == [mine["id"]]
    again = node_a.request("GET", PULL, query=f"since={cursor}").get_json()
    assert again["changes"] == [] and again["cursor"] == cursor
    other = node_b.request("GET", PULL, query="since=").get_json()
    assert [c["body"]["delta"] for c in other["changes"] if c["kind"] == "movement"] == [9]


@pytest.mark.parametrize(
    ("tamper", "code"),
    [
        ("stale", "stale_signature"),
        ("replay", "replayed_nonce"),
        ("body", "bad_digest"),
        ("unknown_key", "unknown_key"),
        ("unsigned", "missing_signature"),
    ],
)
def test_signed_requests_are_refused_when_tampered(
    cloud: CloudUnderTest, tamper: str, code: str
) -> None:
    node = cloud.node("S1")
    body = {"clock_offset_s": 0, "events": []}
    if tamper == "stale":
        answer = node.request("POST", PUSH, body, created=int(time.time()) - 3600)
    elif tamper == "replay":
        assert node.request("POST", PUSH, body, nonce="n" * 20).status_code == 200
        answer = node.request("POST", PUSH, body, nonce="n" * 20)
    elif tamper == "body":
        raw = gzip.compress(json.dumps(body).encode())
        headers = sign_request(
            node.key, node.keyid, "POST", PUSH, "", raw, int(time.time()), new_nonce()
        )
        answer = node.client.post(PUSH, data=raw + b"x", headers=headers)
    elif tamper == "unknown_key":
        answer = SignedNode(node.client, "S1", "S1.deadbeef", node.key).request("POST", PUSH, body)
    else:
        answer = node.client.post(PUSH, json=body)
    assert answer.status_code == 401
    assert answer.get_json()["error"]["code"] == code


def test_another_stores_key_cannot_read_its_feed(cloud: CloudUnderTest) -> None:
    node_a, node_b = cloud.node("S1"), cloud.node("S2")
    impostor = SignedNode(node_b.client, "S1", node_a.keyid, node_b.key)
    answer = impostor.request("GET", PULL)
    assert answer.status_code == 401
    assert answer.get_json()["error"]["code"] == "bad_signature"


def test_bad_gzip_and_bad_cursor_are_4xx(cloud: CloudUnderTest) -> None:
    node = cloud.node("S1")
    assert node.request("POST", PUSH, raw=b"not gzip").status_code == 400
    answer = node.request("GET", PULL, query="since=garbage")
    assert answer.status_code == 400
    assert answer.get_json()["error"]["code"] == "bad_cursor"


def test_cross_store_sale_lookup(cloud: CloudUnderTest) -> None:
    cloud.product("MILK")
    node_a, node_b = cloud.node("S1"), cloud.node("S2")
    event = sale_event("S1", qty=2)
    push(node_a, event)
    sale = event["body"]["sale"]
    by_receipt = node_b.request(
        "GET", "/api/v1/sync/sales", query=f"receipt_no={sale['receipt_no']}"
    )
    assert by_receipt.status_code == 200
    assert by_receipt.get_json()["sale"]["id"] == sale["id"]
    assert by_receipt.get_json()["returned"] == {}
    missing = node_b.request("GET", f"/api/v1/sync/sales/{uuid.uuid4()}")
    assert missing.status_code == 404
