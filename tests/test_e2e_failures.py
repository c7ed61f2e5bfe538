"""Invariants 1 and 3 under failure: lost answers and kill -9 of the node mid-push."""

from __future__ import annotations

import random
import threading
import uuid
from collections import Counter
from pathlib import Path

import httpx
import pytest

from tests.harness import Cloud, Edge, paged
from tests.lossy_proxy import LossyProxy
from tests.system import CASHIER, System, start_system

pytestmark = pytest.mark.integration


def sell(lane: httpx.Client, skus: list[str], rng: random.Random) -> dict:
    body = {
        "id": str(uuid.uuid4()),
        "lines": [{"sku": rng.choice(skus), "qty": 1}],
        "payments": [{"method": "cash", "amount": 10_000}],
    }
    answer = lane.post("/sales", json=body)
    assert answer.status_code == 201, answer.text
    return dict(answer.json())


def test_a_push_whose_answer_is_lost_is_retried_and_counted_once(tmp_path: Path) -> None:
    cloud = Cloud(tmp_path).start()
    try:
        with LossyProxy(cloud.url, drop_pushes=3) as proxy:
            edge = Edge(tmp_path)
            edge.enroll(proxy.url, "S1", cloud.add_store("S1"))
            edge.add_staff(*CASHIER[:1], "cashier", CASHIER[1])
            edge.start()
            system = System(cloud, edge)
            try:
                skus = system.create_products(3, 100)
                system.wait_pulled(skus, 100)
                rng = random.Random(7)
                with system.lane() as lane:
                    sales = [sell(lane, skus, rng) for _ in range(30)]
                system.wait_synced()
            finally:
                edge.stop()
        assert proxy.dropped == 3
        sent = Counter(i for batch in proxy.pushed_event_ids for i in batch)
        assert max(sent.values()) >= 2, "the lost pushes were sent again"
        cloud_ids = Counter(s["id"] for s in system.cloud_sales())
        assert cloud_ids == Counter(s["id"] for s in sales)
        sold = Counter(s["lines"][0]["sku"] for s in sales)
        assert {sku: system.cloud_on_hand(sku) for sku in skus} == {
            sku: 100 - sold[sku] for sku in skus
        }
    finally:
        cloud.stop()


def test_kill_9_of_the_node_while_it_pushes_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    system = start_system(tmp_path, edge_env={"OMNISTORE_PUSH_BATCH": "5"})
    rng = random.Random(11)
    answered: list[dict] = []
    try:
        skus = system.create_products(5, 1000)
        system.wait_pulled(skus, 1000)
        system.cloud.stop()
        with system.lane() as lane:
            answered += [sell(lane, skus, rng) for _ in range(60)]
        system.cloud.start()
        for _round in range(5):
            stop = threading.Event()
            seller = threading.Thread(target=_sell_until, args=(system, skus, stop, answered))
            seller.start()
            threading.Event().wait(rng.uniform(0.2, 0.8))
            system.edge.kill()
            stop.set()
            seller.join(timeout=30)
            system.edge.start()
        synced = system.wait_synced(90)
        assert synced["rejected"] == 0
        with system.lane() as lane:
            local = paged(lane, "/sales")
        cloud_ids = Counter(s["id"] for s in system.cloud_sales())
        assert all(n == 1 for n in cloud_ids.values())
        answered_ids = {s["id"] for s in answered}
        assert answered_ids <= {s["id"] for s in local}, "a sale answered 201 was lost"
        assert set(cloud_ids) == {s["id"] for s in local}
        numbers = sorted(int(s["receipt_no"].rsplit("-", 1)[1]) for s in local)
        assert numbers == list(range(1, len(local) + 1)), "receipt numbers are gapless"
        assert system.edge_on_hand() == {sku: system.cloud_on_hand(sku) for sku in skus}
    finally:
        system.edge.stop()
        system.cloud.stop()


def _sell_until(system: System, skus: list[str], stop: threading.Event, out: list[dict]) -> None:
    """Sell until the node dies; keep only sales whose 201 arrived."""
    rng = random.Random()
    try:
        with system.lane() as lane:
            while not stop.is_set():
                out.append(sell(lane, skus, rng))
    except (httpx.HTTPError, AssertionError):
        return
