"""Pushed facts on SQLite and PostgreSQL: every event kind, what HQ then reads (sales with
the voided flag, returns with their sale), rejections kept once, and concurrent pushes."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from tests.cloud_fixtures import (
    PUSH,
    CloudUnderTest,
    event,
    movement,
    push,
    return_event,
    sale_event,
    void_event,
)


def hq_get(cloud: CloudUnderTest, path: str) -> Any:
    answer = cloud.client.get(f"/api/v1{path}", headers=cloud.readonly)
    assert answer.status_code == 200, answer.get_json()
    return answer.get_json()


def on_hand(cloud: CloudUnderTest, store: str, sku: str) -> int:
    return int(hq_get(cloud, f"/stores/{store}/stock/{sku}")["on_hand"])


def test_return_void_and_movement_events_update_the_ledger(cloud: CloudUnderTest) -> None:
    cloud.product("MILK")
    node = cloud.node("S1")
    cloud.receive("S1", "MILK", 10)
    first, second = sale_event("S1", qty=3), sale_event("S1", qty=2)
    sale = first["body"]["sale"]
    results = push(
        node,
        first,
        second,
        return_event("S1", sale, 1),
        void_event("S1", second["body"]["sale"]),
        event("movement", {"movement": movement("S1", "MILK", -1, "adjustment")}),
    )
    assert [r["status"] for r in results] == ["accepted"] * 5
    assert on_hand(cloud, "S1", "MILK") == 10 - 3 - 2 + 1 + 2 - 1
    sales = hq_get(cloud, "/stores/S1/sales")["items"]
    voided = {s["id"]: s["voided"] for s in sales}
    assert voided == {sale["id"]: False, second["body"]["sale"]["id"]: True}
    assert sales[0]["lines"] and sales[0]["payments"] and sales[0]["receipt_no"]
    returns = hq_get(cloud, "/stores/S1/returns")["items"]
    assert [(r["sale_id"], r["sale_receipt_no"]) for r in returns] == [
        (sale["id"], sale["receipt_no"])
    ]


def test_a_return_by_sale_id_is_listed_with_the_sales_receipt_number(
    cloud: CloudUnderTest,
) -> None:
    cloud.product("MILK")
    seller, returner = cloud.node("S1"), cloud.node("S2")
    sold = sale_event("S1", qty=2)
    push(seller, sold)
    sale = sold["body"]["sale"]
    assert push(returner, return_event("S2", sale, 1, by_id=True))[0]["status"] == "accepted"
    [listed] = hq_get(cloud, "/stores/S2/returns")["items"]
    assert listed["sale_receipt_no"] == sale["receipt_no"]
    lookup = returner.request("GET", f"/api/v1/sync/sales/{sale['id']}").get_json()
    assert lookup["returned"] == {"MILK": 1}
    assert on_hand(cloud, "S1", "MILK") == -2 and on_hand(cloud, "S2", "MILK") == 1


def test_a_sale_of_an_unknown_sku_is_still_accepted(cloud: CloudUnderTest) -> None:
    node = cloud.node("S1")
    assert push(node, sale_event("S1", sku="GHOST"))[0]["status"] == "accepted"
    assert len(hq_get(cloud, "/stores/S1/sales")["items"]) == 1


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda: void_event("S1", sale_event("S1")["body"]["sale"]), "unknown_sale"),
        (lambda: void_event("S2", sale_event("S2")["body"]["sale"]), "wrong_store"),
        (
            lambda: event("movement", {"movement": movement("S2", "MILK", 5, "adjustment")}),
            "wrong_store",
        ),
        (lambda: return_event("S2", sale_event("S2")["body"]["sale"]), "wrong_store"),
        (lambda: event("return", {"ret": {}, "movements": []}), "invalid body"),
        (lambda: event("movement", {"movement": {"id": "x"}, "extra": 1}), "invalid body"),
    ],
    ids=[
        "void-unknown-sale",
        "void-other-store",
        "movement-other-store",
        "return-other-store",
        "return-invalid",
        "movement-invalid",
    ],
)
def test_rejected_events_are_kept_reported_once_and_change_nothing(
    cloud: CloudUnderTest, make: Any, reason: str
) -> None:
    cloud.product("MILK")
    node = cloud.node("S1")
    cloud.add_store("S2")
    bad = make()
    for _ in range(2):
        [result] = push(node, bad)
        assert result["status"] == "rejected" and reason in result["reason"]
    assert on_hand(cloud, "S1", "MILK") == 0 and on_hand(cloud, "S2", "MILK") == 0
    assert hq_get(cloud, "/stores/S2/sales")["items"] == []
    found = hq_get(cloud, "/exceptions?kind=rejected_event&store=S1")["items"]
    assert [e["ref"] for e in found] == [bad["id"]]


def test_sales_list_pages_in_time_order_and_filters_by_since(cloud: CloudUnderTest) -> None:
    node = cloud.node("S1")
    pushed = [sale_event("S1") for _ in range(5)]
    push(node, *pushed)
    ids, cursor = [], None
    while True:
        data = hq_get(cloud, "/stores/S1/sales?limit=2" + (f"&cursor={cursor}" if cursor else ""))
        ids += [s["id"] for s in data["items"]]
        if not (cursor := data["next"]):
            break
    times = sorted((e["body"]["sale"]["occurred_at"], e["body"]["sale"]["id"]) for e in pushed)
    assert ids == [sale_id for _, sale_id in times]
    later = hq_get(cloud, f"/stores/S1/sales?since={times[3][0]}")["items"]
    assert [s["id"] for s in later] == [sale_id for _, sale_id in times[3:]]


def test_signed_requests_record_the_stores_last_sync(cloud: CloudUnderTest) -> None:
    node = cloud.node("S1")
    cloud.add_store("S2")
    before = {s["code"]: s for s in hq_get(cloud, "/stores")["items"]}
    assert before["S1"]["enrolled"] and before["S1"]["last_sync_at"] is None
    assert node.request("GET", "/api/v1/sync/pull").status_code == 200
    after = {s["code"]: s for s in hq_get(cloud, "/stores")["items"]}
    assert after["S1"]["last_sync_at"] is not None
    assert after["S2"] == before["S2"]


def test_the_same_batch_pushed_concurrently_lands_once(cloud: CloudUnderTest) -> None:
    """Two copies of a batch race (a node retrying while its first request still runs): every
    event is accepted by exactly one of them, the other answers duplicate, never a 5xx."""
    cloud.product("MILK")
    node = cloud.node("S1")
    batch = [sale_event("S1") for _ in range(20)]
    answers: list[Any] = []

    def send() -> None:
        response = node.request("POST", PUSH, {"clock_offset_s": 0, "events": batch})
        answers.append((response.status_code, response.get_json()))

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [status for status, _ in answers] == [200] * 4, answers
    for index in range(len(batch)):
        statuses = sorted(data["results"][index]["status"] for _, data in answers)
        assert statuses == ["accepted", "duplicate", "duplicate", "duplicate"]
    assert on_hand(cloud, "S1", "MILK") == -20
    assert len(hq_get(cloud, "/stores/S1/sales?limit=100")["items"]) == 20
