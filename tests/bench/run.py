"""`make bench`: throughput and latency of the node and the sync path, as ratios against
baselines measured in the same run (so figures compare across machines).

- lane sale latency vs a bare `GET /healthz` on the same node (p50, p99);
- push throughput: how long the node takes to push N queued sales to the cloud, vs the time
  of as many bare signed requests as the batches need (the per-request floor).

- catch-up ingest (tests/bench/catchup.py): 10,000 offline three-line sales from 20 stores
  through the cloud's push service, on PostgreSQL and SQLite, vs a plain multi-row insert.
- reports (tests/bench/reports.py): `sales_by_store_day` and `top_products` over 5,000,000
  generated sale lines on PostgreSQL (p50, p95) vs a scan of the raw lines, and the ingest
  rate with and without the report rollups.

OMNISTORE_BENCH_SALES sets N (default 2000; CI uses a short run), and
OMNISTORE_BENCH_CATCHUP_SALES / _STORES the catch-up's size."""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from edge import node
from edge.sync.client import CloudClient
from edge.sync.push import BATCH
from edge.sync.runner import sync_once
from tests.bench.catchup import catchup
from tests.system import System, start_system

SALES = int(os.environ.get("OMNISTORE_BENCH_SALES", "2000"))


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def timed(call: object, n: int) -> list[float]:
    out = []
    for _ in range(n):
        start = time.perf_counter()
        call()  # type: ignore[operator]
        out.append(time.perf_counter() - start)
    return out


def lane_latency(system: System, skus: list[str]) -> dict[str, float]:
    with system.lane() as lane:
        baseline = timed(lambda: lane.get(system.edge.url + "/healthz"), max(50, SALES // 4))

        def sell() -> None:
            body = {
                "id": str(uuid.uuid4()),
                "lines": [{"sku": skus[0], "qty": 1}],
                "payments": [{"method": "cash", "amount": 10_000}],
            }
            assert lane.post("/sales", json=body).status_code == 201

        sales = timed(sell, max(50, SALES // 4))
    return {
        "healthz_p50_ms": statistics.median(baseline) * 1000,
        "sale_p50_ms": statistics.median(sales) * 1000,
        "sale_p99_ms": percentile(sales, 0.99) * 1000,
        "sale_p50_vs_healthz": statistics.median(sales) / statistics.median(baseline),
    }


def push_throughput(system: System, skus: list[str]) -> dict[str, float]:
    """Queue N sales offline, then time one `sync --once` (push + pull) in-process against
    the same number of bare signed requests the batches need (the request floor)."""
    system.cloud.stop()
    with system.lane() as lane:
        for n in range(SALES):
            body = {
                "id": str(uuid.uuid4()),
                "lines": [{"sku": skus[n % len(skus)], "qty": 1}],
                "payments": [{"method": "cash", "amount": 10_000}],
            }
            assert lane.post("/sales", json=body).status_code == 201
    system.edge.stop()
    system.cloud.start()
    data_dir = system.edge.data_dir
    start = time.perf_counter()
    ok, message = sync_once(data_dir)
    pushed = time.perf_counter() - start
    assert ok, message
    config = node.load(data_dir)
    client = CloudClient(config.cloud_url, config.keyid, node.load_key(data_dir))
    batches = max(1, -(-SALES // BATCH)) + 1
    floor = timed(
        lambda: client.call(
            "GET", "/api/v1/sync/pull", offset_s=0.0, params={"since": "c999999.s999999"}
        ),
        batches * 5,
    )
    client.close()
    system.edge.start()
    return {
        "push_s": pushed,
        "pushed_events_per_s": SALES / pushed,
        "signed_request_p50_ms": statistics.median(floor) * 1000,
        "push_vs_request_floor": pushed / (statistics.median(floor) * batches),
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        system = start_system(Path(tmp))
        try:
            skus = system.create_products(10, 1_000_000)
            system.wait_pulled(skus, 1_000_000)
            results = {"sales": SALES} | lane_latency(system, skus)
            results |= push_throughput(system, skus)
        finally:
            system.edge.stop()
            system.cloud.stop()
    results |= catchup()
    results |= reports_bench()
    print(json.dumps({k: round(v, 3) for k, v in results.items()}, indent=2))


def reports_bench() -> dict[str, float]:
    """Imported late: tests/bench/reports.py imports `percentile` from here."""
    from tests.bench.reports import bench

    return bench()


if __name__ == "__main__":
    main()
