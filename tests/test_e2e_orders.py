"""Click-and-collect end to end with real processes: placement, picking, handover, the
races the spec names, expiry on both sides, and duplicate submissions."""

from __future__ import annotations

import contextlib
import itertools
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.harness import Cloud, Edge, paged, wait_for
from tests.lossy_proxy import LossyProxy
from tests.system import CASHIER, System

pytestmark = pytest.mark.integration


@dataclass
class Shop:
    """A cloud, a node behind a link we can cut, and HQ helpers. The module shares one: each
    test makes products of its own and sees only the exceptions raised since it started."""

    system: System
    link: LossyProxy
    numbers: Iterator[int] = field(default_factory=lambda: itertools.count(0, 10))
    before: set[str] = field(default_factory=set)

    def products(self, count: int, stock: int) -> list[str]:
        """`count` new products with `stock` each, pulled by the node."""
        skus = self.system.create_products(count, stock, first=next(self.numbers))
        self.system.wait_pulled(skus, stock)
        return skus

    def remember(self) -> None:
        with self.system.hq() as hq:
            self.before = {e["id"] for e in paged(hq, "/exceptions")}

    @contextlib.contextmanager
    def offline(self) -> Iterator[None]:
        """The node's link to the cloud is down inside the block, up again after it."""
        self.link.cut = True
        try:
            yield
        finally:
            self.link.cut = False

    def place(self, lines: list[tuple[str, int]], order_id: str | None = None) -> httpx.Response:
        body = {
            "id": order_id or str(uuid.uuid4()),
            "store": "S1",
            "customer": {"name": "Ada", "phone": "+100"},
            "lines": [{"sku": sku, "qty": qty} for sku, qty in lines],
        }
        with self.system.hq() as hq:
            return hq.post("/orders", json=body)

    def cloud_order(self, order_id: str) -> dict[str, Any]:
        with self.system.hq() as hq:
            return dict(hq.get(f"/orders/{order_id}").json())

    def cloud_stock(self, sku: str) -> dict[str, Any]:
        with self.system.hq() as hq:
            return dict(hq.get(f"/stores/S1/stock/{sku}").json())

    def edge_order(self, lane: httpx.Client, order_id: str) -> dict[str, Any]:
        return dict(lane.get(f"/orders/{order_id}").json())

    def wait_edge_status(self, lane: httpx.Client, order_id: str, status: str) -> None:
        wait_for(lambda: lane.get(f"/orders/{order_id}").json().get("status") == status, 30)

    def wait_cloud_status(self, order_id: str, status: str) -> None:
        wait_for(lambda: self.cloud_order(order_id)["status"] == status, 30)

    def exceptions(self, kind: str) -> list[dict[str, Any]]:
        with self.system.hq() as hq:
            items = hq.get("/exceptions", params={"kind": kind}).json()["items"]
        return [e for e in items if e["id"] not in self.before]


@pytest.fixture(scope="module")
def shared_shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Shop]:
    tmp_path = tmp_path_factory.mktemp("shop")
    cloud = Cloud(tmp_path, env={"OMNISTORE_ORDER_HOLD_S": "600"}).start()
    with LossyProxy(cloud.url, drop_pushes=0) as link:
        edge = Edge(tmp_path)
        edge.enroll(link.url, "S1", cloud.add_store("S1"))
        edge.add_staff(CASHIER[0], "cashier", CASHIER[1])
        edge.add_staff("pia", "picker", "2468")
        edge.start()
        try:
            yield Shop(System(cloud, edge), link)
        finally:
            edge.stop()
            cloud.stop()


@pytest.fixture
def shop(shared_shop: Shop) -> Shop:
    shared_shop.remember()
    return shared_shop


def test_order_is_reserved_picked_and_collected_once(shop: Shop) -> None:
    skus = shop.products(2, 5)
    placed = shop.place([(skus[0], 2), (skus[1], 1)])
    assert placed.status_code == 201, placed.text
    order = placed.json()
    code = order["pickup_code"]
    assert len(code) == 6 and order["status"] == "placed"
    assert order["pickup_qr"] == f"OMNISTORE:PICKUP:{order['id']}:{code}"
    read_back = shop.cloud_order(order["id"])
    assert "pickup_code" not in read_back and "pickup_qr" not in read_back
    assert shop.cloud_stock(skus[0])["reserved"] == 2
    with shop.system.lane(("pia", "2468")) as lane:
        shop.wait_edge_status(lane, order["id"], "accepted")
        assert lane.get(f"/stock/{skus[0]}").json() == {
            "sku": skus[0],
            "on_hand": 5,
            "reserved": 2,
            "available": 3,
        }
        assert lane.post(f"/orders/{order['id']}/ready").status_code == 409
        picks = [{"sku": skus[0], "qty": 2}, {"sku": skus[1], "qty": 1}]
        assert lane.post(f"/orders/{order['id']}/pick", json={"lines": picks}).status_code == 200
        over = lane.post(f"/orders/{order['id']}/pick", json={"lines": [picks[1]]})
        assert over.status_code == 422 and over.json()["error"]["code"] == "over_pick"
        assert lane.post(f"/orders/{order['id']}/ready").json()["status"] == "ready"
        wrong = "000000" if code != "000000" else "111111"
        answer = lane.post(f"/orders/{order['id']}/collect", json={"pickup_code": wrong})
        assert answer.status_code == 422
        assert answer.json()["error"]["code"] == "wrong_pickup_code"
        done = lane.post(f"/orders/{order['id']}/collect", json={"pickup_code": code})
        assert done.status_code == 200 and done.json()["status"] == "collected"
        again = lane.post(f"/orders/{order['id']}/collect", json={"pickup_code": code})
        assert again.status_code == 409
    shop.wait_cloud_status(order["id"], "collected")
    shop.system.wait_synced()
    assert shop.cloud_stock(skus[0]) == {
        "store": "S1",
        "sku": skus[0],
        "on_hand": 3,
        "reserved": 0,
        "available": 3,
    }
    assert shop.system.edge_on_hand()[skus[0]] == 3


def test_wrong_codes_are_throttled_per_order(shop: Shop) -> None:
    skus = shop.products(1, 5)
    order = shop.place([(skus[0], 1)]).json()
    with shop.system.lane(("pia", "2468")) as lane:
        shop.wait_edge_status(lane, order["id"], "accepted")
        lane.post(f"/orders/{order['id']}/pick", json={"lines": [{"sku": skus[0], "qty": 1}]})
        lane.post(f"/orders/{order['id']}/ready")
        wrong = f"{(int(order['pickup_code']) + 1) % 1_000_000:06d}"
        codes = [
            lane.post(f"/orders/{order['id']}/collect", json={"pickup_code": wrong}).status_code
            for _ in range(5)
        ]
        assert codes == [422] * 5
        locked = lane.post(
            f"/orders/{order['id']}/collect", json={"pickup_code": order["pickup_code"]}
        )
        assert locked.status_code == 429 and int(locked.headers["Retry-After"]) > 800


def test_duplicate_submissions_make_one_order(shop: Shop) -> None:
    skus = shop.products(1, 5)
    order_id = str(uuid.uuid4())
    first, again = shop.place([(skus[0], 1)], order_id), shop.place([(skus[0], 1)], order_id)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["pickup_code"] == again.json()["pickup_code"]
    other = shop.place([(skus[0], 2)], order_id)
    assert other.status_code == 422
    assert other.json()["error"]["code"] == "idempotency_conflict"
    assert shop.cloud_stock(skus[0])["reserved"] == 1


def test_an_order_the_store_cannot_cover_is_refused(shop: Shop) -> None:
    skus = shop.products(1, 2)
    refused = shop.place([(skus[0], 3)])
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "insufficient_stock"


def test_last_unit_sold_offline_while_the_cloud_placed_an_order(shop: Shop) -> None:
    skus = shop.products(1, 1)
    shop.system.wait_synced()
    with shop.offline():
        with shop.system.lane() as lane:
            sale = {
                "id": str(uuid.uuid4()),
                "lines": [{"sku": skus[0]}],
                "payments": [{"method": "cash", "amount": 1000}],
            }
            assert lane.post("/sales", json=sale).status_code == 201
        placed = shop.place([(skus[0], 1)])
        assert placed.status_code in (201, 409)
    if placed.status_code == 201:
        order_id = placed.json()["id"]
        shop.wait_cloud_status(order_id, "short")
        (short,) = shop.exceptions("order_short")
        assert short["ref"] == order_id and "not enough stock" in short["detail"]
    shop.system.wait_synced()
    wait_for(lambda: shop.cloud_stock(skus[0])["on_hand"] == 0, 20)
    assert shop.system.edge_on_hand()[skus[0]] == 0
    with shop.system.lane() as lane:
        assert lane.get(f"/stock/{skus[0]}").json()["reserved"] == 0
    assert shop.cloud_stock(skus[0])["reserved"] == 0


def test_collect_offline_wins_over_a_cancel_from_hq(shop: Shop) -> None:
    skus = shop.products(1, 4)
    order = shop.place([(skus[0], 2)]).json()
    with shop.system.lane(("pia", "2468")) as lane:
        shop.wait_edge_status(lane, order["id"], "accepted")
        lane.post(f"/orders/{order['id']}/pick", json={"lines": [{"sku": skus[0], "qty": 2}]})
        lane.post(f"/orders/{order['id']}/ready")
        shop.system.wait_synced()
        with shop.offline():
            done = lane.post(
                f"/orders/{order['id']}/collect", json={"pickup_code": order["pickup_code"]}
            )
            assert done.status_code == 200
            with shop.system.hq() as hq:
                cancelled = hq.post(f"/orders/{order['id']}/cancel")
            assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
        shop.wait_cloud_status(order["id"], "collected")
        shop.system.wait_synced()
        assert shop.edge_order(lane, order["id"])["status"] == "collected"
    (conflict,) = shop.exceptions("cancel_lost_to_collect")
    assert conflict["ref"] == order["id"]
    with shop.system.hq() as hq:
        assert hq.post(f"/orders/{order['id']}/cancel").status_code == 409
    assert shop.cloud_stock(skus[0]) == {
        "store": "S1",
        "sku": skus[0],
        "on_hand": 2,
        "reserved": 0,
        "available": 2,
    }
    assert shop.system.edge_on_hand()[skus[0]] == 2


def test_expiry_releases_the_reservation_on_both_sides(tmp_path: Path) -> None:
    cloud = Cloud(tmp_path, env={"OMNISTORE_ORDER_HOLD_S": "3"}).start()
    edge = Edge(tmp_path)
    try:
        edge.enroll(cloud.url, "S1", cloud.add_store("S1"))
        edge.add_staff(CASHIER[0], "cashier", CASHIER[1])
        edge.start()
        system = System(cloud, edge)
        skus = system.create_products(1, 3)
        system.wait_pulled(skus, 3)
        with system.hq() as hq:
            body = {
                "id": str(uuid.uuid4()),
                "store": "S1",
                "customer": {"name": "Bo"},
                "lines": [{"sku": skus[0], "qty": 2}],
            }
            order = hq.post("/orders", json=body).json()
            with system.lane() as lane:
                wait_for(lambda: lane.get(f"/stock/{skus[0]}").json()["reserved"] == 2, 20)
                wait_for(lambda: hq.get(f"/orders/{order['id']}").json()["status"] == "expired", 30)
                wait_for(
                    lambda: lane.get(f"/orders/{order['id']}").json()["status"] == "expired", 20
                )
                assert lane.get(f"/stock/{skus[0]}").json()["reserved"] == 0
            assert hq.get(f"/stores/S1/stock/{skus[0]}").json()["reserved"] == 0
            assert hq.post(f"/orders/{order['id']}/cancel").status_code == 200
    finally:
        edge.stop()
        cloud.stop()


def test_hq_accepts_the_part_of_a_short_order_and_it_is_collected(shop: Shop) -> None:
    skus = shop.products(2, 5)
    placed = shop.place([(skus[0], 2), (skus[1], 3)])
    assert placed.status_code == 201, placed.text
    order_id, code = placed.json()["id"], placed.json()["pickup_code"]
    with shop.system.lane(("pia", "2468")) as lane:
        shop.wait_edge_status(lane, order_id, "accepted")
        picks = [{"sku": skus[0], "qty": 2}, {"sku": skus[1], "qty": 1}]
        assert lane.post(f"/orders/{order_id}/pick", json={"lines": picks}).status_code == 200
        gone = {"lines": [{"sku": skus[1], "reason": "two jars broken"}]}
        assert lane.post(f"/orders/{order_id}/short", json=gone).json()["status"] == "short"
    shop.wait_cloud_status(order_id, "short")
    with shop.system.hq() as hq:
        accepted = hq.post(f"/orders/{order_id}/accept-part")
        assert accepted.status_code == 200, accepted.text
        again = hq.post(f"/orders/{order_id}/accept-part")
        assert again.status_code == 200 and again.json()["lines"] == accepted.json()["lines"]
    body = accepted.json()
    assert body["status"] == "picking"
    assert [(ln["sku"], ln["qty"], ln["picked"]) for ln in body["lines"]] == [
        (skus[0], 2, 2),
        (skus[1], 1, 1),
    ]
    assert body["lines"][1]["short_reason"] == "two jars broken"  # the order's history
    with shop.system.lane(("pia", "2468")) as lane:
        shop.wait_edge_status(lane, order_id, "picking")
        assert lane.get(f"/stock/{skus[1]}").json()["reserved"] == 1
        assert lane.post(f"/orders/{order_id}/ready").json()["status"] == "ready"
        done = lane.post(f"/orders/{order_id}/collect", json={"pickup_code": code})
        assert done.status_code == 200 and done.json()["status"] == "collected"
    shop.wait_cloud_status(order_id, "collected")
    shop.system.wait_synced()
    for sku, left in ((skus[0], 3), (skus[1], 4)):
        wait_for(lambda sku=sku, left=left: shop.cloud_stock(sku)["on_hand"] == left, 20)
        assert shop.cloud_stock(sku)["reserved"] == 0
    healthy = shop.place([(skus[0], 1)])
    with shop.system.hq() as hq:
        refused = hq.post(f"/orders/{healthy.json()['id']}/accept-part")
        assert refused.status_code == 409 and refused.json()["error"]["code"] == "not_short"
    empty = shop.place([(skus[1], 1)]).json()["id"]
    with shop.system.lane(("pia", "2468")) as lane:
        shop.wait_edge_status(lane, empty, "accepted")
        gone = {"lines": [{"sku": skus[1], "reason": "not on the shelf"}]}
        assert lane.post(f"/orders/{empty}/short", json=gone).json()["status"] == "short"
    shop.wait_cloud_status(empty, "short")
    with shop.system.hq() as hq:
        refused = hq.post(f"/orders/{empty}/accept-part")
        assert refused.status_code == 409 and refused.json()["error"]["code"] == "nothing_held"
        assert hq.post(f"/orders/{empty}/cancel").json()["status"] == "cancelled"
