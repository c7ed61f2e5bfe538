"""Stores together with real processes: HQ places stores, stock elsewhere answers live
from the cloud and, with the cloud away, from the node's last copy; an endless-aisle order
placed at store A's node for store B is picked and collected at B."""

from __future__ import annotations

import contextlib
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from escpos.printer import Dummy

from hardware.slip import print_pickup_slip
from tests.harness import Cloud, Edge, wait_for
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
    """One chain for the module; a test that sells makes a product of its own, and a test
    that cuts A's link mends it in a `finally`."""

    cloud: Cloud
    edges: dict[str, Edge]
    link_a: LossyProxy

    def lane(self, store: str, who: tuple[str, str] = CASHIER) -> httpx.Client:
        return self.edges[store].lane(*who)

    def stocked(self, sku: str) -> None:
        """HQ makes `sku` (5 at A, 7 at B) and both nodes have pulled it."""
        _stock(self.cloud, (sku,), sku)
        for store, qty in (("A", 5), ("B", 7)):
            with self.lane(store) as lane:
                assert wait_for(lambda lane=lane, qty=qty: _on_hand(lane, sku) == qty, 30), store

    @contextlib.contextmanager
    def a_offline(self) -> Iterator[None]:
        self.link_a.cut = True
        try:
            yield
        finally:
            self.link_a.cut = False


def _stock(cloud: Cloud, skus: tuple[str, ...], stocked: str) -> None:
    with cloud.hq() as hq:
        for sku in skus:
            product = {"name": f"{sku.title()} jar", "price": 300, "vat_rate_bp": 700}
            assert hq.put(f"/products/{sku}", json=product).status_code == 201
        for store, qty in (("A", 5), ("B", 7)):
            move = {"id": str(uuid.uuid4()), "sku": stocked, "delta": qty, "reason": "receipt"}
            assert hq.post(f"/stores/{store}/stock-movements", json=move).status_code == 201


@pytest.fixture
def stores(tmp_path: Path) -> Iterator[Cloud]:
    """A cloud of its own with stores A and B and TEA (5 at A, 7 at B): the test places new
    stores, which no other test may have placed before."""
    cloud = Cloud(tmp_path).start()
    try:
        for store in ("A", "B"):
            cloud.add_store(store)
        _stock(cloud, ("TEA", "JAM"), "TEA")
        yield cloud
    finally:
        cloud.stop()


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Chain]:
    tmp_path = tmp_path_factory.mktemp("chain")
    cloud = Cloud(tmp_path).start()
    with LossyProxy(cloud.url, 0) as link_a:
        edges: dict[str, Edge] = {}
        for store in ("A", "B"):
            edge = Edge(tmp_path, f"edge-{store}")
            edge.enroll(link_a.url if store == "A" else cloud.url, store, cloud.add_store(store))
            edge.add_staff(CASHIER[0], "cashier", CASHIER[1])
            edge.add_staff(PICKER[0], "picker", PICKER[1])
            edges[store] = edge.start()
        try:
            _stock(cloud, ("TEA", "JAM"), "TEA")
            for store, qty in (("A", 5), ("B", 7)):  # both nodes have pulled catalogue and stock
                with edges[store].lane(*CASHIER) as lane:
                    assert wait_for(lambda lane=lane, qty=qty: _on_hand(lane, "TEA") == qty, 30), (
                        store
                    )
            yield Chain(cloud, edges, link_a)
        finally:
            for edge in edges.values():
                edge.stop()
            cloud.stop()


def _on_hand(lane: httpx.Client, sku: str) -> int | None:
    answer = lane.get(f"/stock/{sku}")
    return int(answer.json()["on_hand"]) if answer.status_code == 200 else None


def test_stores_are_placed_and_stock_elsewhere_is_nearest_first(stores: Cloud) -> None:
    with stores.hq() as hq:
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
        with chain.a_offline():
            kept = lane.get("/stock/TEA/elsewhere")
            assert kept.status_code == 200, kept.text
            assert kept.json() == first | {"live": False}
            never = lane.get("/stock/JAM/elsewhere")
            assert never.status_code == 503
            assert never.json()["error"]["code"] == "cloud_unavailable"
        again = lane.get("/stock/TEA/elsewhere").json()
        assert again["live"] is True and again["as_of"] > first["as_of"]


@contextlib.contextmanager
def picker_page(url: str, who: tuple[str, str]) -> Iterator[httpx.Client]:
    """A browser-like client signed in on a node's picker page (cookie + CSRF token)."""
    with httpx.Client(base_url=url + "/picker", timeout=30, follow_redirects=True) as page:
        page.post("/login", data={"csrf": _csrf(page), "name": who[0], "pin": who[1]})
        yield page


def _csrf(page: httpx.Client) -> str:
    match = re.search(r'name="csrf-token" content="([^"]+)"', page.get("/").text)
    assert match is not None
    return match[1]


def test_endless_aisle_order_from_a_is_collected_at_b(chain: Chain) -> None:
    chain.stocked("MUG")  # the other tests count TEA
    body = {
        "id": str(uuid.uuid4()),
        "store": "B",
        "customer": {"name": "Kim Lee", "phone": "+33 6 12 34 56 78"},
        "lines": [{"sku": "MUG", "qty": 2}],
    }
    with chain.lane("A") as lane:
        own = lane.post("/orders", json=body | {"id": str(uuid.uuid4()), "store": "A"})
        assert own.json()["error"]["code"] == "own_store"
        short = lane.post(
            "/orders", json=body | {"id": str(uuid.uuid4()), "lines": [{"sku": "MUG", "qty": 99}]}
        )
        assert short.status_code == 409 and short.json()["error"]["code"] == "insufficient_stock", (
            short.text
        )
        placed = lane.post("/orders", json=body)
        assert placed.status_code == 201, placed.text
        order = placed.json()
        code = order["pickup_code"]
        assert order["pickup_qr"] == f"OMNISTORE:PICKUP:{order['id']}:{code}"
        assert "pickup_code_hash" not in order
        again = lane.post("/orders", json=body)  # the till retries: same order, same code
        assert again.status_code == 200 and again.json()["pickup_code"] == code
        with chain.a_offline():
            away = lane.post("/orders", json=body | {"id": str(uuid.uuid4())})
            assert away.status_code == 503 and away.json()["error"]["code"] == "cloud_unavailable"
    with chain.lane("A", PICKER) as picker:
        assert picker.post("/orders", json=body).status_code == 403
    slip = Dummy()
    print_pickup_slip(
        slip,
        order_id=order["id"],
        pickup_code=code,
        pickup_qr=order["pickup_qr"],
        pickup_store="Store B",
        customer="Kim Lee",
        lines=[("Mug jar", 2)],
        placed_at="Store A",
        expires_at=order["expires_at"],
    )
    printed = bytes(slip.output)
    assert code.encode() in printed and order["pickup_qr"].encode() in printed

    with picker_page(chain.edges["B"].url, PICKER) as page:
        wait_for(
            lambda: order["id"] in {o["id"] for o in page.get("/api/orders").json()["orders"]}, 30
        )
        with chain.lane("B", PICKER) as lane:
            picked = lane.post(f"/orders/{order['id']}/pick", json={"lines": body["lines"]})
            assert picked.status_code == 200, picked.text
            assert lane.post(f"/orders/{order['id']}/ready").json()["status"] == "ready"
        handed = page.post(
            "/handover", data={"csrf": _csrf(page), "order_id": order["id"], "code": code}
        )
        assert "handed over" in handed.text
    with chain.cloud.hq() as hq:
        wait_for(lambda: hq.get(f"/orders/{order['id']}").json()["status"] == "collected", 30)
        wait_for(lambda: hq.get("/stores/B/stock/MUG").json()["on_hand"] == 5, 30)
