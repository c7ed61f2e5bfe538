"""HQ's price book on SQLite and PostgreSQL: scheduled price versions and their precedence,
promotions, the manual discount cap, what the stores' feeds carry, and the re-pricing of
every pushed sale (one `price_mismatch` per sale priced against other rules)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from shared.clock import format_ts
from tests.cloud_fixtures import PULL, CloudUnderTest, push, sale_event

PRICES, PROMOS = "/api/v1/prices", "/api/v1/promotions"
PAST = "2020-01-01T00:00:00Z"


def at(delta: timedelta) -> str:
    return format_ts(datetime.now(UTC) + delta)


def version(sku: str, price: int, starts_at: str = PAST, **extra: Any) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "sku": sku, "price": price, "starts_at": starts_at} | extra


def price_at(cloud: CloudUnderTest, sku: str, query: str = "") -> int:
    answer = cloud.client.get(f"/api/v1/products/{sku}?{query}", headers=cloud.readonly)
    assert answer.status_code == 200, answer.get_json()
    return int(answer.get_json()["price"])


def test_price_versions_switch_on_their_schedule_with_store_precedence(
    cloud: CloudUnderTest,
) -> None:
    cloud.add_store("S1")
    cloud.product("MILK", price=129)
    soon = at(timedelta(minutes=10))
    chain = version("MILK", 119, soon)
    first = cloud.client.post(PRICES, json=chain, headers=cloud.hq)
    assert first.status_code == 201, first.get_json()
    assert cloud.client.post(PRICES, json=chain, headers=cloud.hq).status_code == 200
    clash = cloud.client.post(PRICES, json=chain | {"price": 1}, headers=cloud.hq)
    assert clash.status_code == 422 and clash.get_json()["error"]["code"] == "idempotency_conflict"
    store_only = version("MILK", 109, at(timedelta(minutes=5)), stores=["S1"])
    assert cloud.client.post(PRICES, json=store_only, headers=cloud.hq).status_code == 201
    later = at(timedelta(minutes=20)).replace(":", "%3A")
    assert price_at(cloud, "MILK") == 129
    assert price_at(cloud, "MILK", f"at={later}") == 119
    assert price_at(cloud, "MILK", f"at={later}&store=S1") == 109  # a store's version wins
    listed = cloud.client.get(f"{PRICES}?sku=MILK", headers=cloud.readonly).get_json()
    assert [v["price"] for v in listed["items"]] == [109, 119]


def test_bad_price_versions_are_refused(cloud: CloudUnderTest) -> None:
    cloud.product("MILK")
    before = cloud.counts()
    unknown = cloud.client.post(PRICES, json=version("NOPE", 1), headers=cloud.hq)
    assert unknown.status_code == 404
    backwards = version("MILK", 1, "2030-01-02T00:00:00Z", ends_at="2030-01-01T00:00:00Z")
    assert cloud.client.post(PRICES, json=backwards, headers=cloud.hq).status_code == 422
    nowhere = version("MILK", 1, stores=["ZZ"])
    assert cloud.client.post(PRICES, json=nowhere, headers=cloud.hq).status_code == 422
    assert (
        cloud.client.post(PRICES, json=version("MILK", 1), headers=cloud.readonly).status_code
        == 403
    )
    assert cloud.counts() == before


def promotion(**extra: Any) -> dict[str, Any]:
    return {
        "name": "3 for 2 juice",
        "kind": "multibuy",
        "skus": ["JUICE"],
        "params": {"buy": 3, "pay": 2},
        "starts_at": PAST,
    } | extra


def test_promotions_are_put_read_listed_and_ended(cloud: CloudUnderTest) -> None:
    pid = str(uuid.uuid4())
    url = f"{PROMOS}/{pid}"
    assert cloud.client.put(url, json=promotion(), headers=cloud.hq).status_code == 201
    assert cloud.client.put(url, json=promotion(priority=5), headers=cloud.hq).status_code == 200
    got = cloud.client.get(url, headers=cloud.readonly).get_json()
    assert got["priority"] == 5 and got["ends_at"] is None
    ended = cloud.client.post(f"{url}/end", json={}, headers=cloud.hq)
    assert ended.status_code == 200 and ended.get_json()["ends_at"] is not None
    listed = cloud.client.get(PROMOS, headers=cloud.readonly).get_json()
    assert [p["id"] for p in listed["items"]] == [pid]
    missing = cloud.client.get(f"{PROMOS}/{uuid.uuid4()}", headers=cloud.readonly)
    assert missing.status_code == 404


def test_promotion_params_are_checked_per_kind(cloud: CloudUnderTest) -> None:
    url = f"{PROMOS}/{uuid.uuid4()}"
    for bad in (
        {"params": {"buy": 2, "pay": 2}},
        {"params": {"percent_bp": 500}},
        {"kind": "bundle", "params": {"skus": ["A"], "price": 1}},
        {"kind": "percent_off", "params": {"percent_bp": 10_001}},
    ):
        answer = cloud.client.put(url, json=promotion(**bad), headers=cloud.hq)
        assert answer.status_code == 422, bad
    assert cloud.client.get(PROMOS, headers=cloud.readonly).get_json()["items"] == []


def test_feeds_carry_rules_to_the_stores_they_reach(cloud: CloudUnderTest) -> None:
    s1, s2 = cloud.node("S1"), cloud.node("S2")
    cloud.product("JUICE", price=250)
    cloud.client.post(PRICES, json=version("JUICE", 200, stores=["S1"]), headers=cloud.hq)
    cloud.client.put(f"{PROMOS}/{uuid.uuid4()}", json=promotion(), headers=cloud.hq)
    cap = cloud.client.put(
        "/api/v1/pricing/settings", json={"manual_discount_cap_bp": 500}, headers=cloud.hq
    )
    assert cap.get_json() == {"manual_discount_cap_bp": 500}
    assert kinds(s1) == ["product", "promotion", "pricing_settings", "price_version"]
    assert kinds(s2) == ["product", "promotion", "pricing_settings"]


def kinds(node: Any) -> list[str]:
    return [c["kind"] for c in node.request("GET", PULL, query="since=").get_json()["changes"]]


def priced_sale(store: str, sku: str, qty: int, unit: int, total: int, **line: Any) -> Any:
    event = sale_event(store, sku, qty, price=unit)
    sale = event["body"]["sale"]
    sale["lines"][0] |= {"total": total, "discount": unit * qty - total} | line
    sale["total"] = total
    sale["payments"] = [{"method": "cash", "amount": total}]
    return event


def mismatches(cloud: CloudUnderTest) -> list[dict[str, Any]]:
    answer = cloud.client.get("/api/v1/exceptions?kind=price_mismatch", headers=cloud.readonly)
    return list(answer.get_json()["items"])


def test_every_pushed_sale_is_priced_again(cloud: CloudUnderTest) -> None:
    node = cloud.node("S1")
    cloud.product("JUICE", price=250)
    pid = str(uuid.uuid4())
    cloud.client.put(f"{PROMOS}/{pid}", json=promotion(), headers=cloud.hq)
    right = priced_sale("S1", "JUICE", 3, 250, 500, promotions=[pid])
    stale = priced_sale("S1", "JUICE", 3, 250, 750)
    results = push(node, right, stale)
    assert [r["status"] for r in results] == ["accepted", "accepted"]  # the sale stands
    found = mismatches(cloud)
    assert [e["ref"] for e in found] == [stale["body"]["sale"]["id"]]
    assert "rules say 250/500" in found[0]["detail"]
    push(node, stale)  # a replay reports nothing new
    one_by_one = priced_sale("S1", "JUICE", 6, 250, 1500)
    push(node, one_by_one, one_by_one)  # the second copy goes one by one
    assert len(mismatches(cloud)) == 2


def test_a_changed_promotion_is_priced_with_at_the_next_push(cloud: CloudUnderTest) -> None:
    # The cloud keeps the promotions it parsed between pushes: a change must still count
    # at once (and an ended one stop counting).
    node = cloud.node("S1")
    cloud.product("JUICE", price=250)
    pid = str(uuid.uuid4())
    url = f"{PROMOS}/{pid}"
    cloud.client.put(url, json=promotion(), headers=cloud.hq)
    push(node, priced_sale("S1", "JUICE", 3, 250, 500, promotions=[pid]))
    four_for_three = promotion(params={"buy": 4, "pay": 3})
    assert cloud.client.put(url, json=four_for_three, headers=cloud.hq).status_code == 200
    push(node, priced_sale("S1", "JUICE", 4, 250, 750, promotions=[pid]))
    assert mismatches(cloud) == []
    stale = priced_sale("S1", "JUICE", 3, 250, 500, promotions=[pid])  # the old 3 for 2
    push(node, stale)
    assert [e["ref"] for e in mismatches(cloud)] == [stale["body"]["sale"]["id"]]
    cloud.client.post(f"{url}/end", json={}, headers=cloud.hq)
    push(node, priced_sale("S1", "JUICE", 4, 250, 1000))
    assert len(mismatches(cloud)) == 1


def test_manual_discounts_above_the_cap_need_a_manager(cloud: CloudUnderTest) -> None:
    node = cloud.node("S1")
    cloud.product("WINE", price=1000)
    within = priced_sale(
        "S1", "WINE", 1, 1000, 900, manual_discount={"percent_bp": 1000, "reason": "dent"}
    )
    over = priced_sale(
        "S1", "WINE", 1, 1000, 800, manual_discount={"percent_bp": 2000, "reason": "dent"}
    )
    approved = priced_sale(
        "S1",
        "WINE",
        1,
        1000,
        800,
        manual_discount={"percent_bp": 2000, "reason": "dent", "approved_by": "boss"},
    )
    push(node, within, over, approved)
    found = mismatches(cloud)
    assert [e["ref"] for e in found] == [over["body"]["sale"]["id"]]
    assert "above the cap" in found[0]["detail"]
