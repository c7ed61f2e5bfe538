"""SPEC §4 invariants 1 and 2 with real processes: the node sells through a cloud outage,
then both sides agree on sales, returns and on_hand per SKU."""

from __future__ import annotations

import random
import uuid
from collections import Counter

import pytest

from tests.harness import wait_for
from tests.system import MANAGER, System

pytestmark = pytest.mark.integration
STOCK = 50


def test_offline_sales_and_returns_reach_the_cloud_exactly_once(system: System) -> None:
    rng = random.Random(2)
    skus = system.create_products(20, STOCK)
    system.wait_pulled(skus, STOCK)
    system.cloud.stop()

    sold: Counter[str] = Counter()
    sales: list[dict] = []
    with system.lane() as lane:
        for _ in range(200):
            lines = [{"sku": sku, "qty": rng.randint(1, 2)} for sku in rng.sample(skus, 2)]
            body = {
                "id": str(uuid.uuid4()),
                "lines": lines,
                "payments": [{"method": "cash", "amount": 100_000}],
            }
            answer = lane.post("/sales", json=body)
            assert answer.status_code == 201, answer.text
            sales.append(answer.json())
            sold.update({line["sku"]: line["qty"] for line in lines})
        returns = []
        for sale in rng.sample(sales, 10):
            line = sale["lines"][0]
            body = {
                "id": str(uuid.uuid4()),
                "receipt_no": sale["receipt_no"],
                "lines": [{"sku": line["sku"], "qty": 1}],
            }
            answer = lane.post("/returns", json=body)
            assert answer.status_code == 201, answer.text
            returns.append(answer.json())
            sold[line["sku"]] -= 1
        assert lane.get("/sync/status").json()["outbox_pending"] == 210

    system.cloud.start()
    system.wait_synced()

    cloud_sales = system.cloud_sales()
    assert Counter(s["id"] for s in cloud_sales) == Counter(s["id"] for s in sales)
    by_id = {s["id"]: s for s in cloud_sales}
    for sale in sales:
        assert by_id[sale["id"]]["receipt_no"] == sale["receipt_no"]
        assert by_id[sale["id"]]["total"] == sale["total"]
    assert sorted(r["id"] for r in system.cloud_returns()) == sorted(r["id"] for r in returns)
    expected = {sku: STOCK - sold[sku] for sku in skus}
    assert system.edge_on_hand() == expected
    assert {sku: system.cloud_on_hand(sku) for sku in skus} == expected


def test_hq_changes_reach_the_node_and_status_reports_sync(system: System) -> None:
    skus = system.create_products(3, 5)
    system.wait_pulled(skus, 5)
    with system.hq() as hq:
        product = hq.get(f"/products/{skus[0]}").json()
        update = {k: product[k] for k in ("name", "vat_rate_bp", "barcodes")} | {"price": 999}
        assert hq.put(f"/products/{skus[0]}", json=update).status_code == 200
    with system.lane() as lane:
        wait_for(lambda: lane.get(f"/products/{skus[0]}").json()["price"] == 999, 20)
        status = lane.get("/sync/status").json()
    assert status["store"] == "S1"
    assert status["online"] is True
    assert status["cursor"]
    assert abs(status["clock_offset_s"]) < 5


def test_a_store_count_reaches_the_cloud_as_the_same_correction(system: System) -> None:
    skus = system.create_products(1, 20)
    system.wait_pulled(skus, 20)
    with system.lane(MANAGER) as lane:
        answer = lane.post(f"/stock/{skus[0]}/count", json={"id": str(uuid.uuid4()), "counted": 17})
        assert answer.status_code == 201 and answer.json()["movement"]["delta"] == -3
    system.wait_synced()
    assert system.cloud_on_hand(skus[0]) == 17 == system.edge_on_hand()[skus[0]]
