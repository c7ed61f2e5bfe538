"""End to end (issue 9): HQ schedules a price for 10 minutes ahead and a 3 for 2; the node
holds both before they start; the cloud goes away; the node's clock passes the start (its
learned offset moves, as after a sync with a cloud whose clock is ahead; no restart); the
till sells at the new price with the promotion; after sync the cloud's re-pricing agrees.
A second node that never got the rules (its clock passed the start while the cloud was
away) produces exactly one `price_mismatch` per affected sale."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from edge import node as node_config
from shared.clock import format_ts
from tests.harness import Cloud, Edge, wait_for
from tests.system import CASHIER, System

pytestmark = pytest.mark.integration
ELEVEN_MINUTES = 11 * 60


def set_offset(edge: Edge, seconds: float) -> None:
    """Move the node's corrected clock, as a sync that learnt a new offset would."""
    with sqlite3.connect(node_config.db_path(edge.data_dir), timeout=30) as conn:
        conn.execute(
            "INSERT INTO sync_state(key, value) VALUES ('clock_offset_s', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [f"{seconds:.3f}"],
        )


def sell(edge: Edge, sku: str, qty: int) -> dict:
    with edge.lane(*CASHIER) as lane:
        body = {
            "id": str(uuid.uuid4()),
            "lines": [{"sku": sku, "qty": qty}],
            "payments": [{"method": "cash", "amount": 10_000}],
        }
        answer = lane.post("/sales", json=body)
        assert answer.status_code == 201, answer.text
        return dict(answer.json())


def test_scheduled_price_and_multibuy_offline_then_reprice_in_the_cloud(tmp_path: Path) -> None:
    cloud = Cloud(tmp_path).start()
    nodes = {code: Edge(tmp_path, name=f"edge-{code}") for code in ("S1", "S2")}
    try:
        for code, edge in nodes.items():
            edge.enroll(cloud.url, code, cloud.add_store(code))
            edge.add_staff(CASHIER[0], "cashier", CASHIER[1])
            edge.start()
        s1, s2 = System(cloud, nodes["S1"], "S1"), System(cloud, nodes["S2"], "S2")
        with cloud.hq() as hq:
            for sku, price in (("JUICE", 250), ("BREAD", 300)):
                product = {"name": sku, "price": price, "vat_rate_bp": 700, "category": "food"}
                assert hq.put(f"/products/{sku}", json=product).status_code == 201
                for code in nodes:
                    movement = {
                        "id": str(uuid.uuid4()),
                        "sku": sku,
                        "delta": 50,
                        "reason": "receipt",
                    }
                    assert (
                        hq.post(f"/stores/{code}/stock-movements", json=movement).status_code == 201
                    )
        s1.wait_pulled(["JUICE", "BREAD"], 50)
        s2.wait_pulled(["JUICE", "BREAD"], 50)
        nodes["S2"].stop()  # S2 will never hear of the rules before it sells

        starts = datetime.now(UTC) + timedelta(minutes=10)
        with cloud.hq() as hq:
            version = {
                "id": str(uuid.uuid4()),
                "sku": "JUICE",
                "price": 200,
                "starts_at": format_ts(starts),
            }
            assert hq.post("/prices", json=version).status_code == 201
            promo = {
                "name": "Juice 3 for 2",
                "kind": "multibuy",
                "skus": ["JUICE"],
                "params": {"buy": 3, "pay": 2},
                "starts_at": format_ts(starts),
            }
            promo_id = str(uuid.uuid4())
            assert hq.put(f"/promotions/{promo_id}", json=promo).status_code == 201

        with nodes["S1"].lane(*CASHIER) as lane:  # the node holds the rules before the start
            wait_for(lambda: [i["sku"] for i in lane.get("/labels").json()["items"]] == ["JUICE"])
            assert lane.get("/products/JUICE").json()["price"] == 250

        cloud.stop()  # offline from here
        set_offset(nodes["S1"], ELEVEN_MINUTES)
        set_offset(nodes["S2"], ELEVEN_MINUTES)
        nodes["S2"].start()

        with nodes["S1"].lane(*CASHIER) as lane:
            assert lane.get("/products/JUICE").json()["price"] == 200  # switched, no restart
        fresh = sell(nodes["S1"], "JUICE", 3)
        assert fresh["total"] == 400 and fresh["lines"][0]["promotions"] == [promo_id]
        stale = [sell(nodes["S2"], "JUICE", 3), sell(nodes["S2"], "JUICE", 1)]
        assert [s["total"] for s in stale] == [750, 250]  # yesterday's rules
        unaffected = sell(nodes["S2"], "BREAD", 2)

        cloud.start()
        s1.wait_synced()
        s2.wait_synced()
        with cloud.hq() as hq:
            found = hq.get("/exceptions", params={"kind": "price_mismatch"}).json()["items"]
            (hq_sale,) = hq.get("/stores/S1/sales").json()["items"]
        assert sorted(e["ref"] for e in found) == sorted(s["id"] for s in stale)
        assert all(e["store"] == "S2" for e in found)
        assert unaffected["id"] not in {e["ref"] for e in found}
        line = hq_sale["lines"][0]
        assert line["discount"] == 200 and line["discounts"][0]["source"] == promo_id
    finally:
        for edge in nodes.values():
            edge.stop()
        cloud.stop()
