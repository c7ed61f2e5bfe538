"""A whole system on loopback: one cloud, one enrolled node with staff, HQ data helpers."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from shared.barcodes import make_ean13
from tests.harness import Cloud, Edge, paged, wait_for

CASHIER = ("ana", "1234")
MANAGER = ("max", "9876")


@dataclass
class System:
    cloud: Cloud
    edge: Edge
    store: str = "S1"

    def hq(self) -> httpx.Client:
        return self.cloud.hq()

    def lane(self, who: tuple[str, str] = CASHIER, register: str = "1") -> httpx.Client:
        return self.edge.lane(*who, register=register)

    def create_products(self, count: int, stock: int, first: int = 0) -> list[str]:
        """HQ puts `count` products in the catalogue and receives `stock` of each; `first`
        numbers them from there (SKU and barcode), for a system that tests share."""
        skus = [f"SKU{first + n:04d}" for n in range(count)]
        with self.hq() as hq:
            for n, sku in enumerate(skus):
                product = {
                    "name": f"Product {n}",
                    "price": 100 + 37 * n,
                    "vat_rate_bp": 2000 if n % 3 == 0 else 700,
                    "barcodes": [make_ean13(f"40012345{first + n:04d}")],
                }
                assert hq.put(f"/products/{sku}", json=product).status_code == 201
                movement = {
                    "id": str(uuid.uuid4()),
                    "sku": sku,
                    "delta": stock,
                    "reason": "receipt",
                }
                answer = hq.post(f"/stores/{self.store}/stock-movements", json=movement)
                assert answer.status_code == 201, answer.text
        return skus

    def wait_pulled(self, skus: list[str], stock: int, timeout: float = 30) -> None:
        """Until the node shows every product with its received stock."""
        with self.lane() as lane:

            def done() -> bool:
                return all(lane.get(f"/stock/{sku}").json().get("on_hand") == stock for sku in skus)

            wait_for(done, timeout)

    def wait_synced(self, timeout: float = 60) -> dict[str, Any]:
        """Until the node's outbox is empty and its last push succeeded."""
        with self.lane() as lane:
            return dict(
                wait_for(
                    lambda: (
                        (s := lane.get("/sync/status").json())["outbox_pending"] == 0
                        and s["online"]
                        and s
                    ),
                    timeout,
                    0.2,
                )
            )

    def cloud_sales(self) -> list[dict[str, Any]]:
        with self.hq() as hq:
            return paged(hq, f"/stores/{self.store}/sales")

    def cloud_returns(self) -> list[dict[str, Any]]:
        with self.hq() as hq:
            return paged(hq, f"/stores/{self.store}/returns")

    def cloud_on_hand(self, sku: str) -> int:
        with self.hq() as hq:
            return int(hq.get(f"/stores/{self.store}/stock/{sku}").json()["on_hand"])

    def edge_on_hand(self) -> dict[str, int]:
        with self.lane() as lane:
            return {i["sku"]: i["on_hand"] for i in lane.get("/stock").json()["items"]}


def start_system(root: Path, edge_env: dict[str, str] | None = None) -> System:
    cloud = Cloud(root).start()
    token = cloud.add_store("S1")
    edge = Edge(root, env=edge_env)
    edge.enroll(cloud.url, "S1", token)
    edge.add_staff(CASHIER[0], "cashier", CASHIER[1])
    edge.add_staff(MANAGER[0], "manager", MANAGER[1])
    edge.start()
    return System(cloud, edge)


@pytest.fixture
def system(tmp_path: Path) -> Iterator[System]:
    running = start_system(tmp_path)
    try:
        yield running
    finally:
        running.edge.stop()
        running.cloud.stop()
