"""Stores together with real processes: HQ places stores, stock elsewhere answers live
from the cloud and, with the cloud away, from the node's last copy; an endless-aisle order
placed at store A's node for store B is picked and collected at B."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.harness import Cloud, Edge
from tests.lossy_proxy import LossyProxy

pytestmark = pytest.mark.integration
CASHIER = ("ana", "1234")
PICKER = ("pia", "2468")
PLACES = {
    "A": {"name": "Paris Bastille", "lat": 48.8532, "lon": 2.3692, "tz": "Europe/Paris"},
    "B": {"name": "Lyon Part-Dieu", "lat": 45.7606, "lon": 4.8594, "tz": "Europe/Paris"},
    "C": {"name": "Lille Flandres", "lat": 50.6366, "lon": 3.0707},
    "D": {"name": "Pop-up van"},
}


@dataclass
class Chain:
    cloud: Cloud
    edges: dict[str, Edge]
    link_a: LossyProxy

    def lane(self, store: str, who: tuple[str, str] = CASHIER) -> httpx.Client:
        return self.edges[store].lane(*who)


@pytest.fixture
def chain(tmp_path: Path) -> Iterator[Chain]:
    cloud = Cloud(tmp_path).start()
    with LossyProxy(cloud.url, 0) as link_a:
        edges: dict[str, Edge] = {}
        for store in ("A", "B"):
            edge = Edge(tmp_path, f"edge-{store}")
            edge.enroll(link_a.url if store == "A" else cloud.url, store, cloud.add_store(store))
            edge.add_staff(CASHIER[0], "cashier", CASHIER[1])
            edge.add_staff(PICKER[0], "picker", PICKER[1])
            edges[store] = edge.start()
        with cloud.hq() as hq:
            for sku in ("TEA", "JAM"):
                product = {"name": f"{sku.title()} jar", "price": 300, "vat_rate_bp": 700}
                assert hq.put(f"/products/{sku}", json=product).status_code == 201
            for store, qty in (("A", 5), ("B", 7)):
                move = {"id": str(uuid.uuid4()), "sku": "TEA", "delta": qty, "reason": "receipt"}
                assert hq.post(f"/stores/{store}/stock-movements", json=move).status_code == 201
        try:
            yield Chain(cloud, edges, link_a)
        finally:
            for edge in edges.values():
                edge.stop()
            cloud.stop()


def test_stores_are_placed_and_stock_elsewhere_is_nearest_first(chain: Chain) -> None:
    with chain.cloud.hq() as hq:
        for store, body in PLACES.items():
            answer = hq.put(f"/stores/{store}", json=body)
            assert answer.status_code == (201 if store in "CD" else 200), answer.text
        assert hq.put("/stores/A", json=PLACES["A"]).json() == {"code": "A", **PLACES["A"]}
        assert hq.get("/stores").json()["items"][2]["name"] == "Lille Flandres"
        for bad in ({"name": "x", "lat": 1.0}, {"name": "x", "tz": "Mars/Olympus"}, {"name": " "}):
            refused = hq.put("/stores/A", json=bad)
            assert refused.status_code == 422, bad
        assert hq.put("/stores/A", json=PLACES["A"] | {"lat": 91}).status_code == 422
        near = hq.get("/stock/TEA", params={"near": "A"}).json()
        assert near["live"] is True and near["sku"] == "TEA"
        assert [i["store"] for i in near["items"]] == ["A", "C", "B", "D"]
        by_store = {i["store"]: i for i in near["items"]}
        assert by_store["A"]["distance_km"] == 0.0
        assert 200 < by_store["C"]["distance_km"] < 210  # Paris – Lille
        assert 385 < by_store["B"]["distance_km"] < 400  # Paris – Lyon
        assert by_store["D"]["distance_km"] is None
        assert (by_store["B"]["on_hand"], by_store["B"]["available"]) == (7, 7)
        plain = hq.get("/stock/TEA").json()
        assert [i["store"] for i in plain["items"]] == ["A", "B", "C", "D"]
        assert {i["distance_km"] for i in plain["items"]} == {None}
        assert hq.get("/stock/NOPE").status_code == 404
        assert (
            hq.get("/stock/TEA", params={"near": "ZZ"}).json()["error"]["code"] == "unknown_store"
        )


def test_node_answers_live_then_its_last_copy_offline(chain: Chain) -> None:
    with chain.cloud.hq() as hq:
        for store, body in PLACES.items():
            assert hq.put(f"/stores/{store}", json=body).status_code in (200, 201)
    with chain.lane("A") as lane:
        live = lane.get("/stock/TEA/elsewhere")
        assert live.status_code == 200, live.text
        first = live.json()
        assert first["live"] is True
        assert [(i["store"], i["on_hand"]) for i in first["items"]] == [
            ("C", 0),
            ("B", 7),
            ("D", 0),
        ]
        assert lane.get("/stock/NOPE/elsewhere").status_code == 404
        chain.link_a.cut = True
        kept = lane.get("/stock/TEA/elsewhere")
        assert kept.status_code == 200, kept.text
        assert kept.json() == first | {"live": False}
        never = lane.get("/stock/JAM/elsewhere")
        assert never.status_code == 503
        assert never.json()["error"]["code"] == "cloud_unavailable"
        chain.link_a.cut = False
        again = lane.get("/stock/TEA/elsewhere").json()
        assert again["live"] is True and again["as_of"] > first["as_of"]
