"""Remote till benchmark: a sale rung up and paid through the lane API (`RemoteSession`:
a lookup by SKU and `POST /sales`) against the same sale through the edge services on the
node's own machine (`PosSession`), both on one running `edge serve`; and four remote tills
selling at once against one remote till alone (throughput). Reported as p50/p99 and ratios
measured in the same run. OMNISTORE_BENCH_TILL_SALES sets the sales per till (CI: short)."""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from pos_tui.basket import Basket
from pos_tui.remote import RemoteSession
from pos_tui.session import PosSession
from shared.models import PaymentIn
from tests.system import CASHIER, System, start_system

SALES = int(os.environ.get("OMNISTORE_BENCH_TILL_SALES", "300"))


def sell(till: Any, sku: str) -> None:
    basket = Basket()
    basket.add(till.resolve(sku))
    till.pay(basket, [PaymentIn(method="cash", amount=basket.total)])


def timed(call: Callable[[], None], n: int) -> list[float]:
    out = []
    for _ in range(n):
        start = time.perf_counter()
        call()
        out.append(time.perf_counter() - start)
    return out


def p99(samples: list[float]) -> float:
    return sorted(samples)[min(len(samples) - 1, int(0.99 * len(samples)))]


def remote(system: System, register: str) -> RemoteSession:
    till = RemoteSession(system.edge.url, register=register)
    till.sign_in(*CASHIER)
    return till


def measure(system: System, sku: str) -> dict[str, float]:
    local = PosSession(system.edge.data_dir, register="21")
    local.sign_in(*CASHIER)
    one = remote(system, "22")
    local_times = timed(lambda: sell(local, sku), SALES)
    remote_times = timed(lambda: sell(one, sku), SALES)
    one_per_s = SALES / sum(remote_times)
    tills = [remote(system, str(31 + n)) for n in range(4)]
    threads = [
        threading.Thread(target=timed, args=(partial(sell, till, sku), SALES)) for till in tills
    ]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    four_per_s = 4 * SALES / (time.perf_counter() - start)
    return {
        "till_sales": SALES,
        "local_sale_p50_ms": statistics.median(local_times) * 1000,
        "remote_sale_p50_ms": statistics.median(remote_times) * 1000,
        "remote_sale_p99_ms": p99(remote_times) * 1000,
        "remote_vs_local_p50": statistics.median(remote_times) / statistics.median(local_times),
        "four_tills_sales_per_s": four_per_s,
        "four_tills_vs_one": four_per_s / one_per_s,
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as root:
        system = start_system(Path(root))
        try:
            skus = system.create_products(1, 1_000_000)
            system.wait_pulled(skus, 1_000_000)
            figures = measure(system, skus[0])
        finally:
            system.edge.stop()
            system.cloud.stop()
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
