"""Transfers between two stores end to end with real processes: HQ requests, the sending
node ships and the receiving node receives while both are offline, the cloud reconciles
stock, discrepancies, in-transit units and cancels that cross a shipment."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from shared.barcodes import make_ean13
from tests.harness import Cloud, Edge, wait_for
from tests.lossy_proxy import LossyProxy

pytestmark = pytest.mark.integration
PICKER = ("pia", "2468")
MANAGER = ("max", "9876")
SKU = "TRF1"


@dataclass
class Chain:
    cloud: Cloud
    edges: dict[str, Edge]
    links: dict[str, LossyProxy]

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

    def cloud_on_hand(self, store: str, sku: str = SKU) -> int:
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
            return list(hq.get("/exceptions", params={"kind": kind}).json()["items"])


@pytest.fixture
def chain(tmp_path: Path) -> Iterator[Chain]:
    cloud = Cloud(tmp_path).start()
    with LossyProxy(cloud.url, 0) as link_a, LossyProxy(cloud.url, 0) as link_b:
        edges: dict[str, Edge] = {}
        for store, link in (("A", link_a), ("B", link_b)):
            edge = Edge(tmp_path, f"edge-{store}")
            edge.enroll(link.url, store, cloud.add_store(store))
            edge.add_staff(PICKER[0], "picker", PICKER[1])
            edge.add_staff(MANAGER[0], "manager", MANAGER[1])
            edges[store] = edge.start()
        with cloud.hq() as hq:
            product = {"name": "Transfer tea", "price": 450, "vat_rate_bp": 700}
            product["barcodes"] = [make_ean13("400123459999")]  # type: ignore[assignment]
            assert hq.put(f"/products/{SKU}", json=product).status_code == 201
            for store, qty in (("A", 20), ("B", 5)):
                move = {"id": str(uuid.uuid4()), "sku": SKU, "delta": qty, "reason": "receipt"}
                assert hq.post(f"/stores/{store}/stock-movements", json=move).status_code == 201
        try:
            yield Chain(cloud, edges, {"A": link_a, "B": link_b})
        finally:
            for edge in edges.values():
                edge.stop()
            cloud.stop()


def test_ship_and_receive_offline_reconcile_with_one_discrepancy(chain: Chain) -> None:
    transfer_id = chain.hq_transfer([(SKU, 10)])
    chain.wait_node_state("A", transfer_id, "requested")
    chain.wait_node_state("B", transfer_id, "requested")
    wait_for(lambda: chain.node_transfer("B", transfer_id) and _on_hand(chain, "B") == 5, 30)
    chain.links["A"].cut = chain.links["B"].cut = True
    with chain.lane("A") as lane:
        over = lane.post(
            f"/transfers/{transfer_id}/ship", json={"lines": [{"sku": SKU, "qty": 11}]}
        )
        assert over.status_code == 422 and over.json()["error"]["code"] == "over_ship"
        wrong_end = lane.post(
            f"/transfers/{transfer_id}/receive", json={"lines": [{"sku": SKU, "qty": 1}]}
        )
        assert wrong_end.status_code == 403
        shipped = lane.post(
            f"/transfers/{transfer_id}/ship", json={"lines": [{"sku": SKU, "qty": 10}]}
        )
        assert shipped.status_code == 200, shipped.text
        assert shipped.json()["state"] == "shipped"
        assert shipped.json()["lines"][0]["in_transit"] == 10
        again = lane.post(
            f"/transfers/{transfer_id}/ship", json={"lines": [{"sku": SKU, "qty": 10}]}
        )
        assert again.status_code == 409 and again.json()["error"]["code"] == "already_shipped"
    with chain.lane("B") as lane:
        got = lane.post(
            f"/transfers/{transfer_id}/receive", json={"lines": [{"sku": SKU, "qty": 9}]}
        )
        assert got.status_code == 200, got.text
        assert got.json()["state"] == "received"
    assert _on_hand(chain, "A") == 10 and _on_hand(chain, "B") == 14
    # B comes back first: the cloud takes the receipt before it has seen the shipment
    chain.links["B"].cut = False
    chain.wait_synced("B")
    assert chain.cloud_transfer(transfer_id)["state"] == "received"
    assert chain.exceptions("transfer_discrepancy") == []
    chain.links["A"].cut = False
    chain.wait_synced("A")
    assert chain.cloud_on_hand("A") == 10 and chain.cloud_on_hand("B") == 14
    done = chain.cloud_transfer(transfer_id)
    assert done["state"] == "received"
    assert done["lines"] == [{"sku": SKU, "qty": 10, "shipped": 10, "received": 9, "in_transit": 0}]
    found = chain.exceptions("transfer_discrepancy")
    assert [(e["store"], e["ref"]) for e in found] == [("B", transfer_id)]
    assert "shipped 10, received 9 (-1)" in found[0]["detail"]
    with chain.cloud.hq() as hq:
        assert hq.get("/transfers", params={"state": "shipped"}).json()["items"] == []
    for store in ("A", "B"):
        chain.wait_node_state(store, transfer_id, "received")
    assert chain.node_transfer("A", transfer_id)["lines"][0]["received"] == 9


def test_in_transit_at_hq_then_received_in_full(chain: Chain) -> None:
    transfer_id = chain.hq_transfer([(SKU, 2)])
    chain.wait_node_state("A", transfer_id, "requested")
    with chain.lane("A") as lane:
        ok = lane.post(f"/transfers/{transfer_id}/ship", json={"lines": [{"sku": SKU, "qty": 2}]})
        assert ok.status_code == 200, ok.text
    wait_for(lambda: chain.cloud_transfer(transfer_id)["state"] == "shipped", 30)
    with chain.cloud.hq() as hq:
        moving = hq.get("/transfers", params={"state": "shipped", "store": "B"}).json()["items"]
        assert [(t["id"], t["lines"][0]["in_transit"]) for t in moving] == [(transfer_id, 2)]
        cancel = hq.post(f"/transfers/{transfer_id}/cancel")
        assert cancel.status_code == 409 and cancel.json()["error"]["code"] == "already_shipped"
    chain.wait_node_state("B", transfer_id, "shipped")
    with chain.lane("B") as lane:
        got = lane.post(
            f"/transfers/{transfer_id}/receive", json={"lines": [{"sku": SKU, "qty": 2}]}
        )
        assert got.status_code == 200, got.text
    wait_for(lambda: chain.cloud_transfer(transfer_id)["state"] == "received", 30)
    assert chain.cloud_transfer(transfer_id)["lines"][0]["in_transit"] == 0
    assert chain.exceptions("transfer_discrepancy") == []
    chain.wait_synced("B")
    assert chain.cloud_on_hand("A") == 18 and chain.cloud_on_hand("B") == 7


def test_cancel_before_shipping_and_a_shipment_that_crosses_a_cancel(chain: Chain) -> None:
    cancelled = chain.hq_transfer([(SKU, 3)])
    with chain.cloud.hq() as hq:
        first = hq.post(f"/transfers/{cancelled}/cancel")
        assert first.status_code == 200 and first.json()["state"] == "cancelled"
        assert hq.post(f"/transfers/{cancelled}/cancel").status_code == 200
    chain.wait_node_state("A", cancelled, "cancelled")
    with chain.lane("A") as lane:
        refused = lane.post(
            f"/transfers/{cancelled}/ship", json={"lines": [{"sku": SKU, "qty": 3}]}
        )
        assert refused.status_code == 409
        assert refused.json()["error"]["code"] == "transfer_cancelled"
    crossed = chain.hq_transfer([(SKU, 4)])
    chain.wait_node_state("A", crossed, "requested")
    chain.links["A"].cut = True
    with chain.lane("A") as lane:
        ok = lane.post(f"/transfers/{crossed}/ship", json={"lines": [{"sku": SKU, "qty": 4}]})
        assert ok.status_code == 200, ok.text
    with chain.cloud.hq() as hq:
        assert hq.post(f"/transfers/{crossed}/cancel").json()["state"] == "cancelled"
    chain.links["A"].cut = False
    chain.wait_synced("A")
    assert chain.cloud_transfer(crossed)["state"] == "shipped"
    lost = chain.exceptions("cancel_lost_to_ship")
    assert [(e["store"], e["ref"]) for e in lost] == [("A", crossed)]
    chain.wait_node_state("B", crossed, "shipped")
    assert chain.node_transfer("A", crossed)["state"] == "shipped"
    assert chain.cloud_on_hand("A") == 16


def test_manager_request_is_forwarded_online_and_queued_offline(chain: Chain) -> None:
    body = {"id": str(uuid.uuid4()), "from": "A", "to": "B", "lines": [{"sku": SKU, "qty": 1}]}
    with chain.lane("B", MANAGER) as lane:
        answer = lane.post("/transfers", json=body)
        assert answer.status_code == 201, answer.text
        assert answer.json()["state"] == "requested" and answer.json()["queued"] is False
        assert lane.post("/transfers", json=body).status_code == 200
        other = lane.post("/transfers", json=body | {"lines": [{"sku": SKU, "qty": 2}]})
        assert other.status_code == 422
        foreign = body | {"id": str(uuid.uuid4()), "from": "A", "to": "C"}
        assert lane.post("/transfers", json=foreign).json()["error"]["code"] == "not_this_store"
    with chain.lane("B") as picker:
        assert picker.post("/transfers", json=body).status_code == 403
    assert chain.cloud_transfer(body["id"])["state"] == "requested"
    chain.links["B"].cut = True
    queued = body | {"id": str(uuid.uuid4())}
    with chain.lane("B", MANAGER) as lane:
        answer = lane.post("/transfers", json=queued)
        assert answer.status_code == 201, answer.text
        assert answer.json()["queued"] is True
        assert lane.get(f"/transfers/{queued['id']}").json()["state"] == "requested"
    chain.links["B"].cut = False
    chain.wait_synced("B")
    assert chain.cloud_transfer(queued["id"])["state"] == "requested"
    chain.wait_node_state("A", queued["id"], "requested")


def _on_hand(chain: Chain, store: str) -> int:
    with chain.lane(store) as lane:
        return int(lane.get(f"/stock/{SKU}").json().get("on_hand", 0))
