"""Customers and loyalty end to end with real processes: one cloud, two stores behind links
we can cut. Sign-up offline + web order → one customer; double spend online and offline;
returns and voids give points back; erasure reaches the nodes; bad input changes nothing."""

from __future__ import annotations

import contextlib
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.harness import Cloud, Edge, wait_for
from tests.lossy_proxy import LossyProxy
from tests.system import CASHIER, MANAGER

pytestmark = pytest.mark.integration
PROGRAM = {"earn_per_unit": 1, "point_value": 1, "min_redeem": 10, "offline_redeem_cap": 300}
PRICE = 1000


def _id() -> str:
    return str(uuid.uuid4())


@dataclass
class Store:
    code: str
    edge: Edge
    link: LossyProxy

    def lane(self) -> httpx.Client:
        return self.edge.lane(*CASHIER)

    def manager(self) -> httpx.Client:
        return self.edge.lane(*MANAGER)

    def wait_synced(self) -> None:
        with self.lane() as lane:
            wait_for(
                lambda: (
                    (s := lane.get("/sync/status").json())["outbox_pending"] == 0 and s["online"]
                ),
                60,
                0.2,
            )

    def customer(self, cid: str) -> dict[str, Any]:
        with self.lane() as lane:
            return dict(lane.get(f"/customers/{cid}").json())

    def wait_points(self, cid: str, points: int) -> None:
        wait_for(lambda: self.customer(cid).get("points") == points, 30, 0.2)


@dataclass
class Chain:
    cloud: Cloud
    a: Store
    b: Store

    def hq(self) -> httpx.Client:
        return self.cloud.hq()

    def customer(self, cid: str) -> dict[str, Any]:
        with self.hq() as hq:
            return dict(hq.get(f"/customers/{cid}").json())

    def exception_ids(self, kind: str) -> set[str]:
        with self.hq() as hq:
            return {e["id"] for e in hq.get("/exceptions", params={"kind": kind}).json()["items"]}

    @contextlib.contextmanager
    def cut(self, *stores: Store) -> Iterator[None]:
        """The stores' links to the cloud are down inside the block, up again after it."""
        for store in stores:
            store.link.cut = True
        try:
            yield
        finally:
            for store in stores:
                store.link.cut = False


def _store(root: Path, cloud: Cloud, code: str, link: LossyProxy) -> Store:
    edge = Edge(root, name=f"edge-{code}")
    edge.enroll(link.url, code, cloud.add_store(code))
    edge.add_staff(CASHIER[0], "cashier", CASHIER[1])
    edge.add_staff(MANAGER[0], "manager", MANAGER[1])
    edge.start()
    return Store(code, edge, link)


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Chain]:
    """One chain for the module: every test makes its own customers and ids, and a test
    that cuts a link mends it in a `finally`."""
    tmp_path = tmp_path_factory.mktemp("chain")
    cloud = Cloud(tmp_path).start()
    with LossyProxy(cloud.url, 0) as link_a, LossyProxy(cloud.url, 0) as link_b:
        a = _store(tmp_path, cloud, "A", link_a)
        b = _store(tmp_path, cloud, "B", link_b)
        try:
            with cloud.hq() as hq:
                assert hq.put("/loyalty/program", json=PROGRAM).status_code == 200
                product = {"name": "Tea", "price": PRICE, "vat_rate_bp": 700, "barcodes": []}
                assert hq.put("/products/TEA", json=product).status_code == 201
                for code in ("A", "B"):
                    move = {"id": _id(), "sku": "TEA", "delta": 500, "reason": "receipt"}
                    hq.post(f"/stores/{code}/stock-movements", json=move)
            for store in (a, b):
                with store.lane() as lane:
                    wait_for(lambda lane=lane: lane.get("/stock/TEA").json().get("on_hand"), 30)
            yield Chain(cloud, a, b)
        finally:
            a.edge.stop()
            b.edge.stop()
            cloud.stop()


def sell(lane: httpx.Client, qty: int, cid: str | None, points: int = 0) -> httpx.Response:
    due = qty * PRICE
    payments: list[dict[str, Any]] = []
    if points:
        payments.append({"method": "points", "points": points, "amount": points})
    if due - points:
        payments.append({"method": "cash", "amount": due - points})
    body: dict[str, Any] = {
        "id": _id(),
        "lines": [{"sku": "TEA", "qty": qty}],
        "payments": payments,
    }
    if cid is not None:
        body["customer_id"] = cid
    return lane.post("/sales", json=body)


def funded(chain: Chain, points: int) -> str:
    """A customer HQ created and gave `points`, known to both nodes."""
    cid = _id()
    with chain.hq() as hq:
        hq.put(f"/customers/{cid}", json={"name": "Dee Vo", "email": f"{cid[:8]}@x.org"})
        hq.post(f"/customers/{cid}/points", json={"id": _id(), "delta": points})
    chain.a.wait_points(cid, points)
    chain.b.wait_points(cid, points)
    return cid


def test_offline_signup_and_web_order_become_one_customer(chain: Chain) -> None:
    till_id = _id()
    with chain.cut(chain.a):
        with chain.a.lane() as lane:
            signed = lane.post(
                "/customers", json={"id": till_id, "name": "Kim", "phone": "+49 151 12345678"}
            )
            assert signed.status_code == 201, signed.text
            found = lane.get("/customers/lookup", params={"q": "+4915112345678"}).json()
            assert found["id"] == till_id
            sale = sell(lane, 2, till_id)
            assert sale.status_code == 201, sale.text
            assert sale.json()["loyalty"] == {"earned": 20, "redeemed": 0, "balance": 20}
        order = {
            "id": _id(),
            "store": "B",
            "customer": {"name": "Kim Lee", "phone": "0151 12345678"},
            "lines": [{"sku": "TEA", "qty": 1}],
        }
        with chain.hq() as hq:
            placed = hq.post("/orders", json=order)
        assert placed.status_code == 201, placed.text
        web_id = placed.json()["customer_id"]
        assert web_id != till_id
    chain.a.wait_synced()
    assert chain.customer(till_id)["merged_into"] == web_id
    assert chain.customer(web_id)["points"] == 20
    for store in (chain.a, chain.b):
        wait_for(lambda store=store: store.customer(till_id).get("points") == 20, 30, 0.2)
        assert store.customer(till_id)["id"] == web_id
        assert store.customer(web_id)["id"] == web_id
    with chain.hq() as hq:
        timeline = hq.get(f"/customers/{till_id}/timeline").json()["items"]
        found = hq.get("/customers", params={"q": "+4915112345678"}).json()["items"]
    kinds = {(t["kind"], t["store"], t["channel"]) for t in timeline}
    assert {("sale", "A", "store"), ("order", "B", "web")} <= kinds
    assert [c["id"] for c in found] == [web_id]


def test_double_spend_online_then_offline_cap(chain: Chain) -> None:
    earlier = chain.exception_ids("points_overdraft")  # the chain is shared by the module
    cid = funded(chain, 1000)
    answers: list[httpx.Response] = []
    lanes = [chain.a.lane(), chain.b.lane()]
    start = threading.Barrier(2)

    def spend(lane: httpx.Client) -> None:
        start.wait()
        answers.append(sell(lane, 1, cid, points=800))

    threads = [threading.Thread(target=spend, args=(lane,)) for lane in lanes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(a.status_code for a in answers) == [201, 409], [a.text for a in answers]
    refused = next(a for a in answers if a.status_code == 409)
    assert refused.json()["error"]["code"] == "insufficient_points"
    for store in (chain.a, chain.b):
        store.wait_synced()
    balance = 1000 - 800 + 2  # 2.00 paid in cash earns 2
    chain.a.wait_points(cid, balance)
    chain.b.wait_points(cid, balance)
    with chain.cut(chain.a, chain.b):
        for lane in lanes:
            over = sell(lane, 1, cid, points=balance + 1)
            assert over.status_code == 409, over.text
            assert sell(lane, 1, cid, points=balance).status_code == 201
            assert sell(lane, 1, cid, points=10).status_code == 409  # the allowance is used up
            lane.close()
    for store in (chain.a, chain.b):
        store.wait_synced()
    earned = 2 * ((PRICE - balance) // 100)
    expected = balance - 2 * balance + earned
    assert chain.customer(cid)["points"] == expected
    assert expected >= -PROGRAM["offline_redeem_cap"] * 2
    overdrafts = chain.exception_ids("points_overdraft") - earlier
    assert len(overdrafts) == 1


def test_returns_and_voids_give_points_back_in_proportion(chain: Chain) -> None:
    cid = funded(chain, 100)
    with chain.a.lane() as lane:
        sale = sell(lane, 3, cid, points=30).json()  # 30.00 due: 30 points + 29.70 cash
        assert sale["loyalty"] == {"earned": 29, "redeemed": 30, "balance": 99}
        back = {"id": _id(), "sale_id": sale["id"], "lines": [{"sku": "TEA", "qty": 1}]}
        first = lane.post("/returns", json=back)
        assert first.status_code == 201, first.text
        assert first.json()["loyalty"] == {"earned": -10, "redeemed": -10, "balance": 99}
        assert first.json()["refunds"] == [{"method": "cash", "amount": 990, "ref": None}]
        rest = lane.post("/returns", json=dict(back, id=_id(), lines=[{"sku": "TEA", "qty": 2}]))
        assert rest.json()["loyalty"] == {"earned": -19, "redeemed": -20, "balance": 100}
        other = sell(lane, 2, cid).json()
        assert other["loyalty"]["earned"] == 20
    with chain.a.manager() as manager:
        void = manager.post(f"/sales/{other['id']}/void", json={"id": _id()})
        assert void.status_code == 201, void.text
    chain.a.wait_synced()
    chain.a.wait_points(cid, 100)
    assert chain.customer(cid)["points"] == 100


def test_returns_at_another_store_give_points_back_once(chain: Chain) -> None:
    # 3 teas at A for 30 points + 29.70 cash: 29 earned, 30 redeemed. One comes back at A,
    # two at B (which finds the sale through the cloud): each gives 10 redeemed points back
    # and keeps them out of the cash refund; the earned points come back 10, 10, then 9,
    # because B learns from the cloud that A's return took 10 already.
    cid = funded(chain, 100)
    with chain.a.lane() as lane:
        sale = sell(lane, 3, cid, points=30).json()
        assert sale["loyalty"] == {"earned": 29, "redeemed": 30, "balance": 99}
        back = {"id": _id(), "sale_id": sale["id"], "lines": [{"sku": "TEA", "qty": 1}]}
        assert lane.post("/returns", json=back).json()["loyalty"]["earned"] == -10
    chain.a.wait_synced()
    with chain.b.lane() as lane:
        given = []
        for _ in range(2):
            body = {"id": _id(), "receipt_no": sale["receipt_no"], "lines": back["lines"]}
            answer = lane.post("/returns", json=body)
            assert answer.status_code == 201, answer.text
            assert answer.json()["customer_id"] == cid
            assert answer.json()["refunds"] == [{"method": "cash", "amount": 990, "ref": None}]
            given.append(answer.json()["loyalty"])
        assert [(g["earned"], g["redeemed"]) for g in given] == [(-10, -10), (-9, -10)]
    chain.b.wait_synced()
    chain.b.wait_points(cid, 100)
    assert chain.customer(cid)["points"] == 100  # all of it back, nothing twice


def test_erasure_reaches_every_node_and_export_holds_everything(chain: Chain) -> None:
    cid = _id()
    with chain.hq() as hq:
        hq.put(f"/customers/{cid}", json={"name": "Gil", "phone": "+33612345678"})
    with chain.b.lane() as lane:
        wait_for(
            lambda: lane.get("/customers/lookup", params={"q": "+33612345678"}).status_code == 200,
            30,
        )
        assert sell(lane, 1, cid).status_code == 201
    chain.b.wait_synced()
    with chain.hq() as hq:
        exported = hq.get(f"/customers/{cid}/export").json()
        assert exported["customer"]["phone"] == "+33612345678"
        assert [p["delta"] for p in exported["points"]] == [10]
        assert [t["kind"] for t in exported["timeline"] if t["kind"] == "sale"] == ["sale"]
        assert hq.delete(f"/customers/{cid}").status_code == 200
    for store in (chain.a, chain.b):
        with store.lane() as lane:
            wait_for(
                lambda lane=lane: (
                    lane.get("/customers/lookup", params={"q": "+33612345678"}).status_code == 404
                ),
                30,
            )
            kept = lane.get(f"/customers/{cid}").json()
            assert (kept["name"], kept["phone"], kept["erased"]) == (None, None, True)


BAD_INPUT: list[tuple[dict[str, Any], int, str]] = [
    ({"customer": {"name": "X", "phone": "12"}}, 422, "bad_phone"),
    ({"customer": {"name": "X", "email": "nobody"}}, 422, "bad_email"),
    ({"customer": {"name": "X", "card": "4006381333932"}}, 422, "bad_card"),
    ({"sale": {"customer_id": "unknown"}}, 422, "unknown_customer"),
    ({"sale": {"points": 20}}, 422, "points_need_customer"),
    ({"sale": {"points": 20, "customer_id": "known", "amount": 21}}, 422, "bad_points_amount"),
    ({"sale": {"points": 5, "customer_id": "known"}}, 422, "below_min_redeem"),
    ({"sale": {"points": 1500, "customer_id": "known"}}, 409, "insufficient_points"),
    ({"sale": {"points": 1001, "customer_id": "known", "qty": 1}}, 422, "overpayment"),
]


def _bad_request(lane: httpx.Client, body: dict[str, Any], known: str) -> httpx.Response:
    if "customer" in body:
        return lane.post("/customers", json={"id": _id(), **body["customer"]})
    spec = body["sale"]
    cid = {"unknown": _id(), "known": known}.get(spec.get("customer_id", ""))
    qty = spec.get("qty", 2)
    payments: list[dict[str, Any]] = []
    if "points" in spec:
        amount = spec.get("amount", spec["points"])
        payments.append({"method": "points", "points": spec["points"], "amount": amount})
    payments.append({"method": "cash", "amount": qty * PRICE})
    sale: dict[str, Any] = {
        "id": _id(),
        "lines": [{"sku": "TEA", "qty": qty}],
        "payments": payments,
    }
    if cid is not None:
        sale["customer_id"] = cid
    return lane.post("/sales", json=sale)


def test_bad_input_at_the_till_changes_nothing(chain: Chain) -> None:
    known = funded(chain, 1000)
    chain.a.wait_synced()  # nothing of an earlier test on the shared chain still to push
    with chain.a.lane() as lane:

        def state() -> tuple[int, int]:
            status = lane.get("/sync/status").json()
            return status["outbox_pending"], len(lane.get("/sales").json()["items"])

        before = state()
        for body, status, code in BAD_INPUT:
            answer = _bad_request(lane, body, known)
            assert answer.status_code == status, (body, answer.text)
            assert answer.json()["error"]["code"] == code, body
        assert state() == before
        assert lane.get(f"/customers/{_id()}").json()["error"]["code"] == "unknown_customer"
    assert chain.customer(known)["points"] == 1000
