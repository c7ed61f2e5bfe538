"""Customers and loyalty at the cloud (SQLite and PostgreSQL): normalisation, uniqueness,
automatic merges, holds, the points ledger and overdrafts, timeline, export, erasure."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest

from cloud import jobs
from cloud.storage import customers as customer_rows
from shared.barcodes import make_ean13
from shared.clock import utc_now
from tests.cloud_fixtures import CloudUnderTest, cloud, event, push, sale_event  # noqa: F401

C = "/api/v1/customers"


def _id() -> str:
    return str(uuid.uuid4())


def put(cloud: CloudUnderTest, cid: str, **body: Any) -> Any:  # noqa: F811
    return cloud.client.put(f"{C}/{cid}", headers=cloud.hq, json=body)


def get(cloud: CloudUnderTest, path: str) -> Any:  # noqa: F811
    return cloud.client.get(path, headers=cloud.readonly)


def program(cloud: CloudUnderTest, cap: int = 300) -> None:  # noqa: F811
    body = {"earn_per_unit": 1, "point_value": 1, "min_redeem": 10, "offline_redeem_cap": cap}
    answer = cloud.client.put("/api/v1/loyalty/program", headers=cloud.hq, json=body)
    assert answer.status_code == 200, answer.get_json()


def adjust(cloud: CloudUnderTest, cid: str, delta: int) -> Any:  # noqa: F811
    return cloud.client.post(
        f"{C}/{cid}/points", headers=cloud.hq, json={"id": _id(), "delta": delta}
    )


def test_phone_and_email_are_normalised_and_found(cloud: CloudUnderTest) -> None:  # noqa: F811
    cid = _id()
    answer = put(cloud, cid, name="Kim Lee", phone="0151 1234 5678", email=" Kim@Example.ORG ")
    assert answer.status_code == 201, answer.get_json()
    body = answer.get_json()
    assert (body["phone"], body["email"], body["points"]) == (
        "+4915112345678",
        "kim@example.org",
        0,
    )
    for q in ("+49 151 12345678", "KIM@example.org", "kim l", "LEE"):
        found = get(cloud, f"{C}?q={q.replace('+', '%2B')}").get_json()["items"]
        assert [c["id"] for c in found] == [cid], q
    assert put(cloud, cid, name="Kim Lee", phone="+4915112345678").status_code == 200


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"name": "A", "phone": "12"}, "bad_phone"),
        ({"name": "A", "phone": "not a phone"}, "bad_phone"),
        ({"name": "A", "email": "nobody"}, "bad_email"),
        ({"name": "A", "email": "a@b"}, "bad_email"),
        ({"name": "A", "card": "4006381333932"}, "bad_card"),
        ({"name": " ", "email": "x@y.org"}, "validation_error"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(
    cloud: CloudUnderTest,  # noqa: F811
    body: dict[str, Any],
    code: str,
) -> None:
    before = cloud.counts()
    answer = put(cloud, _id(), **body)
    assert answer.status_code == 422
    assert answer.get_json()["error"]["code"] == code
    assert cloud.counts() == before


def test_unknown_ids_are_404(cloud: CloudUnderTest) -> None:  # noqa: F811
    cid = _id()
    for path in (f"{C}/{cid}", f"{C}/{cid}/timeline", f"{C}/{cid}/export"):
        assert get(cloud, path).get_json()["error"]["code"] == "unknown_customer"
    assert cloud.client.delete(f"{C}/{cid}", headers=cloud.hq).status_code == 404
    assert adjust(cloud, cid, 5).status_code == 404
    assert get(cloud, f"{C}/not-a-uuid").get_json()["error"]["code"] == "bad_customer_id"
    assert put(cloud, "null,null", name="X").status_code == 400


def test_a_new_customer_meeting_another_is_merged_and_points_move(
    cloud: CloudUnderTest,  # noqa: F811
) -> None:
    first, second = _id(), _id()
    put(cloud, first, name="Kim", phone="+4915112345678")
    adjust(cloud, first, 40)
    card = make_ean13("200000000001")
    answer = put(cloud, second, name="Kim L", email="kim@x.org", phone="015112345678", card=card)
    assert answer.status_code == 201
    assert answer.get_json()["merged_into"] == first
    adjust(cloud, second, 2)
    survivor = get(cloud, f"{C}/{first}").get_json()
    assert (survivor["points"], survivor["email"], survivor["card"]) == (42, "kim@x.org", card)
    assert get(cloud, f"{C}/{second}").get_json()["points"] == 42
    assert [c["id"] for c in get(cloud, f"{C}?q=kim").get_json()["items"]] == [first]
    other = _id()
    put(cloud, other, name="Bo", email="bo@x.org")
    refused = put(cloud, other, name="Bo", email="kim@x.org")
    assert refused.status_code == 409
    assert refused.get_json()["error"]["code"] == "duplicate_customer"


def test_merge_by_hq_and_timeline_with_orders(cloud: CloudUnderTest) -> None:  # noqa: F811
    node = cloud.node("S1")
    cloud.product("MILK", 250)
    cloud.receive("S1", "MILK", 50)
    push(node)  # the store just synced: no safety buffer
    a, b = _id(), _id()
    put(cloud, a, name="Ann", email="ann@x.org")
    put(cloud, b, name="Ann B", phone="+33612345678")
    order = {
        "id": _id(),
        "store": "S1",
        "customer": {"name": "Ann", "phone": "+33 6 12 34 56 78"},
        "lines": [{"sku": "MILK", "qty": 2}],
    }
    placed = cloud.client.post("/api/v1/orders", headers=cloud.hq, json=order)
    assert placed.status_code == 201, placed.get_json()
    assert placed.get_json()["customer_id"] == b
    merged = cloud.client.post(f"{C}/{b}/merge", headers=cloud.hq, json={"into": a})
    assert merged.get_json()["merged_into"] == a
    again = cloud.client.post(f"{C}/{b}/merge", headers=cloud.hq, json={"into": a})
    assert again.status_code == 200
    self_merge = cloud.client.post(f"{C}/{a}/merge", headers=cloud.hq, json={"into": a})
    assert self_merge.get_json()["error"]["code"] == "merge_into_self"
    timeline = get(cloud, f"{C}/{a}/timeline").get_json()["items"]
    assert [(t["kind"], t["channel"], t["amount"]) for t in timeline] == [("order", "web", 500)]
    by_id = dict(order, id=_id(), customer=None, customer_id=b)
    del by_id["customer"]
    placed = cloud.client.post("/api/v1/orders", headers=cloud.hq, json=by_id)
    assert placed.get_json()["customer_id"] == a
    assert placed.get_json()["customer"]["name"] == "Ann"
    new_one = dict(order, id=_id(), customer={"name": "Cy", "email": "CY@x.org"})
    created = cloud.client.post("/api/v1/orders", headers=cloud.hq, json=new_one).get_json()
    assert get(cloud, f"{C}/{created['customer_id']}").get_json()["email"] == "cy@x.org"


def test_holds_refuse_double_spend_and_expire_with_use(cloud: CloudUnderTest) -> None:  # noqa: F811
    program(cloud)
    s1, s2 = cloud.node("S1"), cloud.node("S2")
    cid = _id()
    put(cloud, cid, name="Dee", email="dee@x.org")
    adjust(cloud, cid, 1000)
    hold = {"id": _id(), "customer_id": cid, "points": 800}
    first = s1.request("POST", "/api/v1/sync/points/holds", hold)
    assert first.status_code == 201, first.get_json()
    second = s2.request("POST", "/api/v1/sync/points/holds", dict(hold, id=_id()))
    assert second.status_code == 409
    assert second.get_json()["error"]["code"] == "insufficient_points"
    assert s1.request("POST", "/api/v1/sync/points/holds", hold).status_code == 201
    assert cloud.client.post("/api/v1/sync/points/holds", json=hold).status_code == 401


def _loyalty(store: str, cid: str, delta: int, reason: str, hold: str | None = None) -> Any:
    entry = {
        "id": _id(),
        "customer_id": cid,
        "delta": delta,
        "reason": reason,
        "ref": _id(),
        "store": store,
        "occurred_at": "2026-01-01T10:00:00.000000Z",
        "hold_id": hold,
    }
    return event("loyalty", {"customer_id": cid, "points": [entry]}, store=store)


def test_offline_redemptions_are_facts_and_open_one_overdraft(
    cloud: CloudUnderTest,  # noqa: F811
) -> None:
    s1, s2 = cloud.node("S1"), cloud.node("S2")
    cid = _id()
    put(cloud, cid, name="Eve", email="eve@x.org")
    adjust(cloud, cid, 200)
    assert push(s1, _loyalty("S1", cid, -200, "redeem"))[0]["status"] == "accepted"
    assert push(s2, _loyalty("S2", cid, -200, "redeem"))[0]["status"] == "accepted"
    assert push(s2, _loyalty("S2", cid, -50, "redeem"))[0]["status"] == "accepted"
    assert get(cloud, f"{C}/{cid}").get_json()["points"] == -250
    found = get(cloud, "/api/v1/exceptions?kind=points_overdraft").get_json()["items"]
    assert len(found) == 1 and found[0]["store"] == "S2"
    wrong = push(s1, _loyalty("S2", cid, 5, "earn"))[0]
    assert wrong["status"] == "rejected"


def test_signup_pushed_by_a_till_merges_into_the_web_customer(
    cloud: CloudUnderTest,  # noqa: F811
) -> None:
    s1 = cloud.node("S1")
    web = _id()
    put(cloud, web, name="Fay", phone="+4915199999999")
    till = _id()
    signup = {
        "customer": {"id": till, "name": "Fay", "phone": "+4915199999999"},
        "store": "S1",
        "at": "2026-01-01T09:00:00.000000Z",
    }
    assert push(s1, event("customer", signup))[0]["status"] == "accepted"
    assert push(s1, _loyalty("S1", till, 30, "earn"))[0]["status"] == "accepted"
    assert get(cloud, f"{C}/{till}").get_json()["merged_into"] == web
    assert get(cloud, f"{C}/{web}").get_json()["points"] == 30
    pulled = s1.request("GET", "/api/v1/sync/pull", query="since=&limit=1000").get_json()
    index = [c["body"] for c in pulled["changes"] if c["kind"] == "customer"]
    assert {"id": till, "merged_into": web} in [
        {"id": e["id"], "merged_into": e["merged_into"]} for e in index
    ]
    assert index[-1]["id"] == web and index[-1]["points"] == 30


def test_export_and_erasure(cloud: CloudUnderTest) -> None:  # noqa: F811
    s1 = cloud.node("S1")
    cid = _id()
    put(cloud, cid, name="Gil", phone="+4915111111111", email="gil@x.org")
    push(s1, _loyalty("S1", cid, 12, "earn"))
    exported = get(cloud, f"{C}/{cid}/export").get_json()
    assert exported["customer"]["email"] == "gil@x.org"
    assert [p["delta"] for p in exported["points"]] == [12]
    erased = cloud.client.delete(f"{C}/{cid}", headers=cloud.hq).get_json()
    assert erased["erased"] is True
    assert (erased["name"], erased["phone"], erased["email"]) == (None, None, None)
    assert erased["points"] == 12
    assert get(cloud, f"{C}?q=gil@x.org").get_json()["items"] == []
    for path in (f"{C}/{cid}", f"{C}/{cid}/export", f"{C}/{cid}/timeline"):
        assert get(cloud, path).get_json()["error"]["code"] == "customer_erased"
    pulled = s1.request("GET", "/api/v1/sync/pull", query="since=&limit=1000").get_json()
    last = [c["body"] for c in pulled["changes"] if c["kind"] == "customer"][-1]
    assert last["erased"] is True and last["email"] is None


def test_roles(cloud: CloudUnderTest) -> None:  # noqa: F811
    cid = _id()
    refused = cloud.client.put(f"{C}/{cid}", headers=cloud.readonly, json={"name": "X"})
    assert refused.status_code == 403
    assert cloud.client.get(f"{C}/{cid}").status_code == 401
    assert sale_event  # the fixture module's helpers are importable together


def test_a_sale_paid_with_points_can_be_looked_up_for_a_return(
    cloud: CloudUnderTest,  # noqa: F811
) -> None:
    s1, s2 = cloud.node("S1"), cloud.node("S2")
    cid = _id()
    put(cloud, cid, name="Hal", email="hal@x.org")
    pushed = sale_event("S1", price=500)
    sale = pushed["body"]["sale"]
    sale["payments"] = [{"method": "points", "amount": 200}, {"method": "cash", "amount": 300}]
    sale["customer_id"] = cid
    sale["loyalty"] = {"earned": 3, "redeemed": 200, "balance": 0}
    assert push(s1, pushed)[0]["status"] == "accepted"
    found = s2.request("GET", f"/api/v1/sync/sales/{sale['id']}")
    assert found.status_code == 200, found.get_json()
    assert [p["method"] for p in found.get_json()["sale"]["payments"]] == ["points", "cash"]


def test_points_unmoved_for_the_programs_days_expire_once(
    cloud: CloudUnderTest,  # noqa: F811
) -> None:
    now = utc_now()
    sleepy, merged, lively = _id(), _id(), _id()
    put(cloud, sleepy, name="Sol", email="sol@x.org")
    put(cloud, merged, name="Mo", email="mo@x.org")
    put(cloud, lively, name="Liv", email="liv@x.org")
    for who, points in ((sleepy, 500), (merged, 30), (lively, 70)):
        adjust(cloud, who, points)
    answer = cloud.client.post(f"{C}/{merged}/merge", headers=cloud.hq, json={"into": sleepy})
    assert answer.status_code == 200, answer.get_json()
    assert jobs.points_once(cloud.engine, now + timedelta(days=400)) == 0  # no expiry set
    body = {"earn_per_unit": 1, "point_value": 1, "min_redeem": 10, "offline_redeem_cap": 300}
    body["expire_after_days"] = 365
    assert (
        cloud.client.put("/api/v1/loyalty/program", headers=cloud.hq, json=body).status_code == 200
    )
    assert jobs.points_once(cloud.engine, now + timedelta(days=364)) == 0  # not yet
    assert jobs.points_once(cloud.engine, now + timedelta(days=366)) == 2  # sleepy, lively
    assert jobs.points_once(cloud.engine, now + timedelta(days=367)) == 0  # once
    for who in (sleepy, merged, lively):
        assert get(cloud, f"{C}/{who}").get_json()["points"] == 0
    with cloud.engine.connect() as conn:
        expired = [
            e for e in customer_rows.entries(conn, [sleepy, merged]) if e["reason"] == "expire"
        ]
    assert [e["delta"] for e in expired] == [-530]  # the family's whole balance, one entry
    adjust(cloud, lively, 5)  # points moved again: a new quiet spell starts now
    assert jobs.points_once(cloud.engine, now + timedelta(days=300)) == 0
    assert get(cloud, f"{C}/{lively}").get_json()["points"] == 5
    body["expire_after_days"] = 0
    refused = cloud.client.put("/api/v1/loyalty/program", headers=cloud.hq, json=body)
    assert refused.status_code == 422
