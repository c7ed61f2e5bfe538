"""Pricing at the node: rules from the feed applied without a restart at the node's
corrected clock, promotions and coupons on sale lines, manual discounts within and above the
cap, price overrides, partial returns after a 3 for 2, and the shelf label queue."""

from __future__ import annotations

import itertools
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from edge import clock
from edge.storage.db import write
from edge.sync.pull import apply_change
from shared.clock import format_ts
from shared.models import Change
from tests.edge_fixtures import MANAGER, Node

PAST = "2020-01-01T00:00:00Z"
CASH = [{"method": "cash", "amount": 100_000}]


def feed(node: Node, kind: str, body: dict[str, Any]) -> None:
    """Apply one change as the puller does (in its transaction)."""
    from edge import node as node_config

    config = node_config.load(node.data_dir)
    with write(node.db):
        apply_change(node.db, config, Change(kind=kind, body=body))  # type: ignore[arg-type]


def promotion(**extra: Any) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "name": "3 for 2 milk",
        "kind": "multibuy",
        "skus": ["MILK"],
        "params": {"buy": 3, "pay": 2},
        "starts_at": PAST,
    } | extra


def sell(node: Node, auth: dict[str, str], lines: list[dict[str, Any]], **extra: Any) -> Any:
    body = {"id": str(uuid.uuid4()), "lines": lines, "payments": CASH} | extra
    return node.client.post("/api/v1/sales", json=body, headers=auth)


def sold(node: Node, auth: dict[str, str], lines: list[dict[str, Any]], **extra: Any) -> Any:
    answer = sell(node, auth, lines, **extra)
    assert answer.status_code == 201, answer.get_json()
    return answer.get_json()


def test_a_scheduled_price_switches_by_the_corrected_clock(lane_node: Node) -> None:
    starts = datetime.now(UTC) + timedelta(minutes=10)
    version = {"id": str(uuid.uuid4()), "sku": "MILK", "price": 99, "starts_at": format_ts(starts)}
    feed(lane_node, "price_version", version)
    auth = lane_node.token()
    assert sold(lane_node, auth, [{"sku": "MILK"}])["lines"][0]["unit_price"] == 129
    later = format_ts(starts + timedelta(minutes=1)).replace(":", "%3A")
    at = lane_node.client.get(f"/api/v1/products/MILK?at={later}", headers=auth).get_json()
    assert at["price"] == 99
    with write(lane_node.db):
        clock.set_offset(lane_node.db, 11 * 60)  # the cloud says we are 11 minutes behind
    assert sold(lane_node, auth, [{"sku": "MILK"}])["lines"][0]["unit_price"] == 99
    now = lane_node.client.get("/api/v1/products/MILK", headers=auth).get_json()
    assert now["price"] == 99


def test_promotions_and_coupons_price_the_lines(lane_node: Node) -> None:
    three = promotion()
    coupon = promotion(
        name="5 off wine", kind="amount_off", skus=["WINE"], params={"amount": 500}, coupon="W5"
    )
    feed(lane_node, "promotion", three)
    feed(lane_node, "promotion", coupon)
    auth = lane_node.token()
    sale = sold(lane_node, auth, [{"sku": "MILK", "qty": 3}, {"sku": "WINE"}])
    milk, wine = sale["lines"]
    assert (milk["unit_price"], milk["discount"], milk["total"]) == (129, 129, 258)
    assert milk["promotions"] == [three["id"]]
    assert milk["discounts"] == [{"source": three["id"], "name": "3 for 2 milk", "amount": 129}]
    assert wine["total"] == 899 and sale["total"] == 258 + 899
    with_coupon = sold(lane_node, auth, [{"sku": "WINE"}], coupons=["W5"])
    assert with_coupon["total"] == 399 and with_coupon["coupons"] == ["W5"]
    ended = three | {"ends_at": PAST.replace("2020", "2021")}
    feed(lane_node, "promotion", ended)  # HQ ended it: the next sale knows at once
    assert sold(lane_node, auth, [{"sku": "MILK", "qty": 3}])["total"] == 387


def test_manual_discounts_follow_the_cap(lane_node: Node) -> None:
    cashier = lane_node.token()
    small = sold(
        lane_node, cashier, [{"sku": "WINE", "discount": {"percent_bp": 1000, "reason": "dent"}}]
    )
    assert small["lines"][0]["total"] == 809  # 899 − 89.9 → 90
    assert small["lines"][0]["manual_discount"]["approved_by"] is None
    big = [{"sku": "WINE", "discount": {"amount": 200, "reason": "dent"}}]
    refused = sell(lane_node, cashier, big)
    assert refused.status_code == 403
    assert refused.get_json()["error"]["code"] == "manager_pin_required"
    approved = sold(lane_node, cashier, big, manager_pin=MANAGER[1])
    assert approved["lines"][0]["manual_discount"]["approved_by"] == MANAGER[0]
    feed(lane_node, "pricing_settings", {"manual_discount_cap_bp": 2500})
    assert sell(lane_node, cashier, big).status_code == 201  # HQ raised the cap
    basket = sold(
        lane_node,
        cashier,
        [{"sku": "MILK"}, {"sku": "BREAD"}],
        discount={"amount": 90, "reason": "loyal"},
    )
    assert [line["total"] for line in basket["lines"]] == [129 - 31, 250 - 59]


def test_a_price_override_always_needs_a_manager(lane_node: Node) -> None:
    cashier = lane_node.token()
    line = [{"sku": "WINE", "price_override": {"price": 500, "reason": "price match"}}]
    refused = sell(lane_node, cashier, line)
    assert refused.status_code == 403
    wrong = sell(lane_node, cashier, line, manager_pin="0000")
    assert wrong.get_json()["error"]["code"] == "bad_manager_pin"
    sale = sold(lane_node, lane_node.token(MANAGER), line)
    assert sale["lines"][0]["unit_price"] == 500
    assert sale["lines"][0]["price_override"]["approved_by"] == MANAGER[0]


@pytest.mark.parametrize("qty", [3, 4, 5])
def test_every_way_of_returning_a_multibuy_refunds_at_most_what_was_paid(
    lane_node: Node, qty: int
) -> None:
    feed(lane_node, "promotion", promotion())
    auth = lane_node.token()
    sale = sold(
        lane_node, auth, [{"sku": "MILK", "qty": qty}], discount={"amount": 7, "reason": "x"}
    )
    paid = sale["lines"][0]["total"]
    # every way of splitting the qty into successive partial returns
    for parts in {p for n in range(1, qty + 1) for p in _splits(qty, n)}:
        fresh = sold(
            lane_node, auth, [{"sku": "MILK", "qty": qty}], discount={"amount": 7, "reason": "x"}
        )
        refunded = 0
        for part in parts:
            body = {
                "id": str(uuid.uuid4()),
                "sale_id": fresh["id"],
                "lines": [{"sku": "MILK", "qty": part}],
            }
            answer = lane_node.client.post("/api/v1/returns", json=body, headers=auth)
            assert answer.status_code == 201, answer.get_json()
            refunded += answer.get_json()["total"]
            assert refunded <= paid
        assert refunded == paid  # everything back: exactly what was paid, never the discount twice


def _splits(total: int, parts: int) -> set[tuple[int, ...]]:
    return {
        combo
        for combo in itertools.product(range(1, total + 1), repeat=parts)
        if sum(combo) == total
    }


def test_labels_are_queued_before_a_change_and_marked_printed(lane_node: Node) -> None:
    starts = datetime.now(UTC) + timedelta(hours=1)
    feed(
        lane_node,
        "price_version",
        {"id": str(uuid.uuid4()), "sku": "BREAD", "price": 199, "starts_at": format_ts(starts)},
    )
    feed(lane_node, "promotion", promotion(starts_at=format_ts(starts)))
    feed(lane_node, "promotion", promotion(name="coupon only", coupon="C1"))  # no shelf change
    auth = lane_node.token()
    items = lane_node.client.get("/api/v1/labels", headers=auth).get_json()["items"]
    assert [(i["sku"], i["price"], i["promotions"]) for i in items] == [
        ("BREAD", 199, []),
        ("MILK", 129, ["3 for 2 milk"]),
    ]
    answer = lane_node.client.post(
        "/api/v1/labels/printed", json={"ids": [items[0]["id"]]}, headers=auth
    )
    assert answer.get_json() == {"printed": 1}
    left = lane_node.client.get("/api/v1/labels", headers=auth).get_json()["items"]
    assert [i["sku"] for i in left] == ["MILK"]


def test_a_category_promotion_queues_labels_for_its_products(lane_node: Node) -> None:
    from edge.storage import catalog as catalog_rows

    with write(lane_node.db):
        for sku, category in (("MILK", "dairy/milk"), ("CHEESE", "dairy"), ("BREAD", "dairyfree")):
            product = catalog_rows.get_product(lane_node.db, sku)
            assert product is not None
            catalog_rows.upsert_product(
                lane_node.db, product.model_copy(update={"category": category})
            )
    feed(
        lane_node,
        "promotion",
        promotion(
            skus=None,
            categories=["dairy"],
            name="Dairy days",
            kind="percent_off",
            params={"percent_bp": 1000},
        ),
    )
    items = lane_node.client.get("/api/v1/labels", headers=lane_node.token()).get_json()["items"]
    assert sorted(i["sku"] for i in items) == ["CHEESE", "MILK"]


def test_wrong_manager_pins_for_an_override_lock_approvals(lane_node: Node) -> None:
    cashier = lane_node.token()
    line = [{"sku": "WINE", "price_override": {"price": 500, "reason": "price match"}}]
    codes = [
        sell(lane_node, cashier, line, manager_pin="0000").get_json()["error"]["code"]
        for _ in range(6)
    ]
    assert codes == ["bad_manager_pin"] * 5 + ["too_many_attempts"]
    locked = sell(lane_node, cashier, line, manager_pin=MANAGER[1])
    assert locked.status_code == 429 and lane_node.count("sales") == 0
