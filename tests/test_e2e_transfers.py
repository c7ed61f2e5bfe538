"""Transfers between two stores end to end with real processes: HQ requests, the sending
node ships and the receiving node receives while both are offline, the cloud reconciles
stock, discrepancies, in-transit units and cancels that cross a shipment."""

from __future__ import annotations

import contextlib
import itertools
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from shared.barcodes import make_ean13
from tests.harness import Cloud, Edge, paged, wait_for
from tests.lossy_proxy import LossyProxy

pytestmark = pytest.mark.integration
PICKER = ("pia", "2468")
MANAGER = ("max", "9876")
_SKUS = itertools.count(1)


@dataclass
class Chain:
    """One chain for the module. Each test works on a product of its own (20 units at A,
    5 at B) and looks only at the transfers and exceptions made since it started."""

    cloud: Cloud
    edges: dict[str, Edge]
    links: dict[str, LossyProxy]
    before: set[str] = field(default_factory=set)

    def new_sku(self) -> str:
        """A product of this test's own: 20 units at A and 5 at B, pulled by both nodes."""
        n = next(_SKUS)
        sku = f"TRF{n}"
        with self.cloud.hq() as hq:
            product = {"name": "Transfer tea", "price": 450, "vat_rate_bp": 700}
            product["barcodes"] = [make_ean13(f"40012345{n:04d}")]  # type: ignore[assignment]
            assert hq.put(f"/products/{sku}", json=product).status_code == 201
            for store, qty in (("A", 20), ("B", 5)):
                move = {"id": str(uuid.uuid4()), "sku": sku, "delta": qty, "reason": "receipt"}
                assert hq.post(f"/stores/{store}/stock-movements", json=move).status_code == 201
        for store, qty in (("A", 20), ("B", 5)):
            wait_for(lambda store=store, qty=qty: _on_hand(self, store, sku) == qty, 30)
        return sku

    def remember(self) -> None:
        """What exists before a test: its checks see only what the test made."""
        with self.cloud.hq() as hq:
            exceptions = paged(hq, "/exceptions")
            transfers = paged(hq, "/transfers")
        self.before = {e["id"] for e in exceptions} | {t["id"] for t in transfers}

    def since(self, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [i for i in items if i["id"] not in self.before]

    @contextlib.contextmanager
    def cut(self, *stores: str) -> Iterator[None]:
        """The stores' links to the cloud are down inside the block, up again after it."""
        for store in stores:
            self.links[store].cut = True
        try:
            yield
        finally:
            for store in stores:
                self.links[store].cut = False

    def lane(self, store: str, who: tuple[str, str] = PICKER) -> httpx.Client:
        return self.edges[store].lane(*who)

    def hq_transfer(self, lines: list[tuple[str, int]], src: str = "A", dst: str = "B") -> str:
        transfer_id = str(uuid.uuid4())
        body = {
            "id": transfer_id,
            "from": src,
            "to": dst,
            "lines": [{"sku": sku, "qty": qty} for sku, qty in lines],
        }
        with self.cloud.hq() as hq:
            answer = hq.post("/transfers", json=body)
            assert answer.status_code == 201, answer.text
            assert answer.json()["state"] == "requested"
            assert hq.post("/transfers", json=body).status_code == 200  # replay
        return transfer_id

    def cloud_transfer(self, transfer_id: str) -> dict[str, Any]:
        with self.cloud.hq() as hq:
            return dict(hq.get(f"/transfers/{transfer_id}").json())

    def cloud_on_hand(self, store: str, sku: str) -> int:
        with self.cloud.hq() as hq:
            return int(hq.get(f"/stores/{store}/stock/{sku}").json()["on_hand"])

    def node_transfer(self, store: str, transfer_id: str) -> dict[str, Any]:
        with self.lane(store) as lane:
            return dict(lane.get(f"/transfers/{transfer_id}").json())

    def wait_node_state(self, store: str, transfer_id: str, state: str) -> None:
        wait_for(lambda: self.node_transfer(store, transfer_id).get("state") == state, 30)

    def wait_synced(self, store: str) -> None:
        with self.lane(store) as lane:
            wait_for(
                lambda: (
                    (s := lane.get("/sync/status").json())["outbox_pending"] == 0 and s["online"]
                ),
                60,
                0.2,
            )

    def exceptions(self, kind: str) -> list[dict[str, Any]]:
        with self.cloud.hq() as hq:
            return self.since(hq.get("/exceptions", params={"kind": kind}).json()["items"])


@pytest.fixture(scope="module")
def shared_chain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Chain]:
    tmp_path = tmp_path_factory.mktemp("chain")
    cloud = Cloud(tmp_path).start()
    with LossyProxy(cloud.url, 0) as link_a, LossyProxy(cloud.url, 0) as link_b:
        edges: dict[str, Edge] = {}
        for store, link in (("A", link_a), ("B", link_b)):
            edge = Edge(tmp_path, f"edge-{store}")
            edge.enroll(link.url, store, cloud.add_store(store))
            edge.add_staff(PICKER[0], "picker", PICKER[1])
            edge.add_staff(MANAGER[0], "manager", MANAGER[1])
            edges[store] = edge.start()
        try:
            yield Chain(cloud, edges, {"A": link_a, "B": link_b})
        finally:
            for edge in edges.values():
                edge.stop()
            cloud.stop()


@pytest.fixture
def chain(shared_chain: Chain) -> Chain:
    shared_chain.remember()
    return shared_chain


def test_ship_and_receive_offline_reconcile_with_one_discrepancy(chain: Chain) -> None:
    sku = chain.new_sku()
    transfer_id = chain.hq_transfer([(sku, 10)])
    chain.wait_node_state("A", transfer_id, "requested")
    chain.wait_node_state("B", transfer_id, "requested")
    wait_for(lambda: chain.node_transfer("B", transfer_id) and _on_hand(chain, "B", sku) == 5, 30)
    with chain.cut("A", "B"):
        _ship_and_receive_offline(chain, transfer_id, sku)
        # B comes back first: the cloud takes the receipt before it has seen the shipment
        chain.links["B"].cut = False
        chain.wait_synced("B")
        assert chain.cloud_transfer(transfer_id)["state"] == "received"
        assert chain.exceptions("transfer_discrepancy") == []
    chain.wait_synced("A")
    assert chain.cloud_on_hand("A", sku) == 10 and chain.cloud_on_hand("B", sku) == 14
    done = chain.cloud_transfer(transfer_id)
    assert done["state"] == "received"
    assert done["lines"] == [{"sku": sku, "qty": 10, "shipped": 10, "received": 9, "in_transit": 0}]
    found = chain.exceptions("transfer_discrepancy")
    assert [(e["store"], e["ref"]) for e in found] == [("B", transfer_id)]
    assert "shipped 10, received 9 (-1)" in found[0]["detail"]
    with chain.cloud.hq() as hq:
        assert chain.since(hq.get("/transfers", params={"state": "shipped"}).json()["items"]) == []
    for store in ("A", "B"):
        chain.wait_node_state(store, transfer_id, "received")
    assert chain.node_transfer("A", transfer_id)["lines"][0]["received"] == 9


def _ship_and_receive_offline(chain: Chain, transfer_id: str, sku: str) -> None:
    with chain.lane("A") as lane:
        over = lane.post(
            f"/transfers/{transfer_id}/ship", json={"lines": [{"sku": sku, "qty": 11}]}
        )
        assert over.status_code == 422 and over.json()["error"]["code"] == "over_ship"
        wrong_end = lane.post(
            f"/transfers/{transfer_id}/receive", json={"lines": [{"sku": sku, "qty": 1}]}
        )
        assert wrong_end.status_code == 403
        shipped = lane.post(
            f"/transfers/{transfer_id}/ship", json={"lines": [{"sku": sku, "qty": 10}]}
        )
        assert shipped.status_code == 200, shipped.text
        assert shipped.json()["state"] == "shipped"
        assert shipped.json()["lines"][0]["in_transit"] == 10
        again = lane.post(
            f"/transfers/{transfer_id}/ship", json={"lines": [{"sku": sku, "qty": 10}]}
        )
        assert again.status_code == 409 and again.json()["error"]["code"] == "already_shipped"
    with chain.lane("B") as lane:
        got = lane.post(
            f"/transfers/{transfer_id}/receive", json={"lines": [{"sku": sku, "qty": 9}]}
        )
        assert got.status_code == 200, got.text
        assert got.json()["state"] == "received"
    assert _on_hand(chain, "A", sku) == 10 and _on_hand(chain, "B", sku) == 14


def test_in_transit_at_hq_then_received_in_full(chain: Chain) -> None:
    sku = chain.new_sku()
    transfer_id = chain.hq_transfer([(sku, 2)])
    chain.wait_node_state("A", transfer_id, "requested")
    with chain.lane("A") as lane:
        ok = lane.post(f"/transfers/{transfer_id}/ship", json={"lines": [{"sku": sku, "qty": 2}]})
        assert ok.status_code == 200, ok.text
    wait_for(lambda: chain.cloud_transfer(transfer_id)["state"] == "shipped", 30)
    with chain.cloud.hq() as hq:
        moving = chain.since(
            hq.get("/transfers", params={"state": "shipped", "store": "B"}).json()["items"]
        )
        assert [(t["id"], t["lines"][0]["in_transit"]) for t in moving] == [(transfer_id, 2)]
        cancel = hq.post(f"/transfers/{transfer_id}/cancel")
        assert cancel.status_code == 409 and cancel.json()["error"]["code"] == "already_shipped"
    chain.wait_node_state("B", transfer_id, "shipped")
    with chain.lane("B") as lane:
        got = lane.post(
            f"/transfers/{transfer_id}/receive", json={"lines": [{"sku": sku, "qty": 2}]}
        )
        assert got.status_code == 200, got.text
    wait_for(lambda: chain.cloud_transfer(transfer_id)["state"] == "received", 30)
    assert chain.cloud_transfer(transfer_id)["lines"][0]["in_transit"] == 0
    assert chain.exceptions("transfer_discrepancy") == []
    chain.wait_synced("B")
    assert chain.cloud_on_hand("A", sku) == 18 and chain.cloud_on_hand("B", sku) == 7


def test_cancel_before_shipping_and_a_shipment_that_crosses_a_cancel(chain: Chain) -> None:
    sku = chain.new_sku()
    cancelled = chain.hq_transfer([(sku, 3)])
    with chain.cloud.hq() as hq:
        first = hq.post(f"/transfers/{cancelled}/cancel")
        assert first.status_code == 200 and first.json()["state"] == "cancelled"
        assert hq.post(f"/transfers/{cancelled}/cancel").status_code == 200
    chain.wait_node_state("A", cancelled, "cancelled")
    with chain.lane("A") as lane:
        refused = lane.post(
            f"/transfers/{cancelled}/ship", json={"lines": [{"sku": sku, "qty": 3}]}
        )
        assert refused.status_code == 409
        assert refused.json()["error"]["code"] == "transfer_cancelled"
    crossed = chain.hq_transfer([(sku, 4)])
    chain.wait_node_state("A", crossed, "requested")
    with chain.cut("A"):
        with chain.lane("A") as lane:
            ok = lane.post(f"/transfers/{crossed}/ship", json={"lines": [{"sku": sku, "qty": 4}]})
            assert ok.status_code == 200, ok.text
        with chain.cloud.hq() as hq:
            assert hq.post(f"/transfers/{crossed}/cancel").json()["state"] == "cancelled"
    chain.wait_synced("A")
    assert chain.cloud_transfer(crossed)["state"] == "shipped"
    lost = chain.exceptions("cancel_lost_to_ship")
    assert [(e["store"], e["ref"]) for e in lost] == [("A", crossed)]
    chain.wait_node_state("B", crossed, "shipped")
    assert chain.node_transfer("A", crossed)["state"] == "shipped"
    assert chain.cloud_on_hand("A", sku) == 16


def test_manager_request_is_forwarded_online_and_queued_offline(chain: Chain) -> None:
    sku = chain.new_sku()
    body = {"id": str(uuid.uuid4()), "from": "A", "to": "B", "lines": [{"sku": sku, "qty": 1}]}
    with chain.lane("B", MANAGER) as lane:
        answer = lane.post("/transfers", json=body)
        assert answer.status_code == 201, answer.text
        assert answer.json()["state"] == "requested" and answer.json()["queued"] is False
        assert lane.post("/transfers", json=body).status_code == 200
        other = lane.post("/transfers", json=body | {"lines": [{"sku": sku, "qty": 2}]})
        assert other.status_code == 422
        foreign = body | {"id": str(uuid.uuid4()), "from": "A", "to": "C"}
        assert lane.post("/transfers", json=foreign).json()["error"]["code"] == "not_this_store"
    with chain.lane("B") as picker:
        assert picker.post("/transfers", json=body).status_code == 403
    assert chain.cloud_transfer(body["id"])["state"] == "requested"
    queued = body | {"id": str(uuid.uuid4())}
    with chain.cut("B"), chain.lane("B", MANAGER) as lane:
        answer = lane.post("/transfers", json=queued)
        assert answer.status_code == 201, answer.text
        assert answer.json()["queued"] is True
        assert lane.get(f"/transfers/{queued['id']}").json()["state"] == "requested"
    chain.wait_synced("B")
    assert chain.cloud_transfer(queued["id"])["state"] == "requested"
    chain.wait_node_state("A", queued["id"], "requested")


def _on_hand(chain: Chain, store: str, sku: str) -> int:
    with chain.lane(store) as lane:
        return int(lane.get(f"/stock/{sku}").json().get("on_hand", 0))
