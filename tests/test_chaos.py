"""Chaos: seeded rounds of random faults while a till keeps selling. `make test` runs a
short version; `make chaos` runs many rounds (OMNISTORE_CHAOS_ROUNDS, OMNISTORE_CHAOS_SEED).

Faults per round, chosen by the seed: kill -9 of the node, stop/start of the cloud, and
answers lost between them (a proxy drops some pushes). After the last round everything
heals and the invariants must hold: every sale answered 201 reached the cloud exactly once,
receipt numbers are gapless, and on_hand agrees on both sides."""

from __future__ import annotations

import os
import random
import threading
import uuid
from collections import Counter
from pathlib import Path

import httpx
import pytest

from tests.harness import Cloud, Edge, paged
from tests.lossy_proxy import LossyProxy
from tests.system import CASHIER, System

pytestmark = [pytest.mark.integration, pytest.mark.chaos]
ROUNDS = int(os.environ.get("OMNISTORE_CHAOS_ROUNDS", "4"))
SEED = int(os.environ.get("OMNISTORE_CHAOS_SEED", "1234"))


class Till(threading.Thread):
    """Sells one item after another, through faults; keeps the sales that were answered 201."""

    def __init__(self, edge: Edge, skus: list[str], seed: int) -> None:
        super().__init__(daemon=True)
        self.edge, self.skus, self.rng = edge, skus, random.Random(seed)
        self.answered: list[dict] = []
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                with self.edge.lane(*CASHIER) as lane:
                    while not self.stop.is_set():
                        self._sell(lane)
            except (httpx.HTTPError, AssertionError):
                self.stop.wait(0.2)

    def _sell(self, lane: httpx.Client) -> None:
        body = {
            "id": str(uuid.uuid4()),
            "lines": [{"sku": self.rng.choice(self.skus), "qty": self.rng.randint(1, 3)}],
            "payments": [{"method": "cash", "amount": 100_000}],
        }
        answer = lane.post("/sales", json=body)
        if answer.status_code == 201:
            self.answered.append(answer.json())
        self.stop.wait(self.rng.uniform(0, 0.05))


def test_invariants_hold_through_random_faults(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    cloud = Cloud(tmp_path).start()
    token = cloud.add_store("S1")
    with LossyProxy(cloud.url, drop_pushes=0) as proxy:
        edge = Edge(tmp_path, env={"OMNISTORE_PUSH_BATCH": "7"})
        edge.enroll(proxy.url, "S1", token)
        edge.add_staff(CASHIER[0], "cashier", CASHIER[1])
        edge.start()
        system = System(cloud, edge)
        till: Till | None = None
        try:
            skus = system.create_products(6, 500)
            system.wait_pulled(skus, 500)
            till = Till(edge, skus, SEED)
            till.start()
            for _ in range(ROUNDS):
                fault = rng.choice(["kill_node", "cloud_outage", "lose_answers"])
                _inject(fault, system, proxy, rng)
            till.stop.set()
            till.join(timeout=30)
            proxy.drop_pushes = proxy.dropped
            edge.wait_healthy() if edge.proc else edge.start()
            if cloud.proc is None:
                cloud.start()
            status = system.wait_synced(120)
            assert status["rejected"] == 0
            _check(system, skus, till.answered)
        finally:
            if till is not None:
                till.stop.set()
            edge.stop()
            cloud.stop()


def _inject(fault: str, system: System, proxy: LossyProxy, rng: random.Random) -> None:
    threading.Event().wait(rng.uniform(0.3, 1.0))
    if fault == "kill_node":
        system.edge.kill()
        threading.Event().wait(rng.uniform(0, 0.5))
        system.edge.start()
    elif fault == "cloud_outage":
        system.cloud.stop()
        threading.Event().wait(rng.uniform(0.5, 2.0))
        system.cloud.start()
    else:
        proxy.drop_pushes = proxy.dropped + rng.randint(1, 3)


def _check(system: System, skus: list[str], answered: list[dict]) -> None:
    with system.lane() as lane:
        local = paged(lane, "/sales")
    local_ids = {s["id"] for s in local}
    assert {s["id"] for s in answered} <= local_ids, "a sale answered 201 was lost"
    cloud_ids = Counter(s["id"] for s in system.cloud_sales())
    assert set(cloud_ids) == local_ids
    assert max(cloud_ids.values(), default=1) == 1
    numbers = sorted(int(s["receipt_no"].rsplit("-", 1)[1]) for s in local)
    assert numbers == list(range(1, len(local) + 1))
    sold = Counter[str]()
    for sale in local:
        for line in sale["lines"]:
            sold[line["sku"]] += line["qty"]
    expected = {sku: 500 - sold[sku] for sku in skus}
    assert system.edge_on_hand() == expected
    assert {sku: system.cloud_on_hand(sku) for sku in skus} == expected
