"""Four remote tills on one node, as real processes on loopback: each till is the remote
backend object itself (`RemoteSession`, the lane API over HTTP) driven from its own thread.
They sell 500 sales while the node's cloud is away and while the node is killed (kill -9)
and started again once. Every sale answered is in the node and then in the cloud exactly
once, receipt numbers are gapless per register, and no basket is sold twice."""

from __future__ import annotations

import random
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

import pytest

from pos_tui.basket import Basket
from pos_tui.lane_client import NodeLost
from pos_tui.remote import RemoteSession
from shared.errors import ServiceUnavailable
from shared.models import PaymentIn, Sale
from tests.harness import paged, wait_for
from tests.system import CASHIER, MANAGER, start_system

T = TypeVar("T")
TILLS = ("11", "12", "13", "14")
SALES_PER_TILL = 125
RETRYABLE = (NodeLost, ServiceUnavailable)  # no answer, or the node's database busy


def again(call: Callable[[], T], lost: list[str], what: str) -> T:
    """What a cashier does without a node: wait and press the key again."""
    while True:
        try:
            return call()
        except RETRYABLE:
            lost.append(what)
            time.sleep(0.1)


class Lane:
    """One till's thread: ring up baskets of 1–3 lines, pay cash, keep what was answered."""

    def __init__(self, session: RemoteSession, skus: list[str]) -> None:
        self.session = session
        self.skus = skus
        self.rng = random.Random(session.register)
        self.answered: list[Sale] = []
        self.retried: list[str] = []  # sale ids whose payment was sent more than once
        self.lost: list[str] = []
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            for _ in range(SALES_PER_TILL):
                self.sell_one()
        except BaseException as exc:  # reported by the test
            self.error = exc

    def sell_one(self) -> None:
        basket = Basket()
        for sku in self.rng.sample(self.skus, self.rng.randint(1, 3)):
            entry = f"{self.rng.randint(1, 3)}*{sku}"
            basket.add(again(partial(self.session.resolve, entry), self.lost, "resolve"))
        cash = [PaymentIn(method="cash", amount=basket.total + self.rng.choice([0, 50, 500]))]
        tries = 0

        def pay() -> Sale:
            nonlocal tries
            tries += 1
            return self.session.pay(basket, cash)

        sale = again(pay, self.lost, "pay")
        assert sale.id == basket.sale_id
        if tries > 1:
            self.retried.append(sale.id)
        self.answered.append(sale)


@pytest.mark.integration
@pytest.mark.timeout(900)
def test_four_remote_tills_sell_500_through_a_node_restart_while_the_cloud_is_away(
    tmp_path: Path,
) -> None:
    system = start_system(tmp_path)
    try:
        skus = system.create_products(12, 10_000)
        system.wait_pulled(skus, 10_000)
        system.cloud.stop()  # the cloud is away for every sale
        lanes = []
        for register in TILLS:
            session = RemoteSession(system.edge.url, register=register, enrolled=False)
            session.enrol(*MANAGER)
            session.sign_in(*CASHIER)
            session.open_shift(10_000)
            lanes.append(Lane(session, skus))
        threads = [threading.Thread(target=lane.run) for lane in lanes]
        for thread in threads:
            thread.start()
        wait_for(lambda: sum(len(lane.answered) for lane in lanes) >= 200, 300, 0.05)
        killed_at = time.time()
        system.edge.kill()  # mid-stream: some payments are in flight
        time.sleep(1.0)
        system.edge.start()
        for thread in threads:
            thread.join(600)
        assert [lane.error for lane in lanes] == [None] * 4
        answered = [sale for lane in lanes for sale in lane.answered]
        assert len(answered) == 500
        assert len({sale.id for sale in answered}) == 500
        assert sum(lane.lost.count("pay") for lane in lanes) > 0  # the restart was felt
        retried = {sale_id for lane in lanes for sale_id in lane.retried}
        # payments sent again whose first try had committed before the kill: the node
        # answered the first sale (same id, same receipt number), never a second one
        replayed = [
            s for s in answered if s.id in retried and s.occurred_at.timestamp() < killed_at
        ]
        print(
            f"\nretried payments {len(retried)}, of which answered by the first sale "
            f"{len(replayed)}; lost calls {sum(len(lane.lost) for lane in lanes)}"
        )

        with system.lane(MANAGER) as lane:
            at_node = paged(lane, "/sales")
            tills = lane.get("/tills").json()["items"]
        assert sorted(t["register"] for t in tills) == list(TILLS)
        assert_exactly_once(answered, at_node)

        system.cloud.start()
        system.wait_synced(180)
        assert_exactly_once(answered, system.cloud_sales())
    finally:
        system.edge.stop()
        system.cloud.stop()


def assert_exactly_once(answered: list[Sale], recorded: list[dict[str, object]]) -> None:
    """Each answered sale recorded once, with the receipt number the till was given, and the
    receipt numbers of each register 1..n without a gap; nothing recorded that no till was
    answered (no basket sold twice under two ids)."""
    counts = Counter(str(sale["id"]) for sale in recorded)
    assert set(counts) == {sale.id for sale in answered}
    assert max(counts.values()) == 1
    receipt = {str(sale["id"]): sale["receipt_no"] for sale in recorded}
    assert all(receipt[sale.id] == sale.receipt_no for sale in answered)
    numbers: dict[str, list[int]] = defaultdict(list)
    for sale in recorded:
        _store, register, n = str(sale["receipt_no"]).split("-")
        numbers[register].append(int(n))
    assert {r: sorted(n) for r, n in numbers.items()} == {
        r: list(range(1, SALES_PER_TILL + 1)) for r in TILLS
    }
