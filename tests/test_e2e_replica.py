"""Reports and HQ lists read from a streaming replica (`cloud serve --read-db`): a sale
pushed to the primary shows in a report from the replica within a second; while replay is
paused the replica (not the primary) answers; with the replica killed, reports fall back to
the primary with a warning in the log, never a 5xx."""

from __future__ import annotations

import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.harness import Cloud, Edge, omnistore, wait_for
from tests.pg_cluster import Cluster, primary, remove, replica_of

CASHIER = ("ana", "1234")


@pytest.fixture
def clusters() -> Iterator[tuple[Cluster, Cluster]]:
    main = primary()
    standby = replica_of(main)
    try:
        yield main, standby
    finally:
        remove(standby)
        remove(main)


@pytest.mark.postgres
def test_reports_read_the_replica_and_fall_back(
    clusters: tuple[Cluster, Cluster], tmp_path: Path
) -> None:
    main, standby = clusters
    cloud = Cloud(tmp_path, db=main.url, env={"OMNISTORE_READ_DB": standby.url}).start()
    edge = Edge(tmp_path)
    try:
        hq = cloud.hq()
        product = {"name": "Tea", "price": 250, "vat_rate_bp": 700, "barcodes": []}
        assert hq.put("/products/TEA", json=product).status_code == 201
        token = omnistore("cloud", "add-store", "R1", "--db", main.url).strip().splitlines()[-1]
        edge.enroll(cloud.url, "R1", token)
        edge.add_staff(CASHIER[0], "cashier", CASHIER[1])
        edge.start()
        wait_for(lambda: _sales_on(hq) == 0, 20)

        _sell(edge)
        pushed_at = _wait_on_primary(main, 1)
        wait_for(lambda: _sales_on(hq) == 1, 10, 0.05)
        assert time.monotonic() - pushed_at < 1.0

        standby.sql("SELECT pg_wal_replay_pause()")
        _sell(edge)
        _wait_on_primary(main, 2)
        time.sleep(0.5)
        assert _sales_on(hq) == 1  # answered by the paused replica, not the primary
        standby.sql("SELECT pg_wal_replay_resume()")
        wait_for(lambda: _sales_on(hq) == 2, 10)

        doctor = subprocess.run(
            [sys.executable, "-m", "cli", "doctor", "--db", main.url, "--read-db", standby.url],
            capture_output=True,
            text=True,
        )
        assert doctor.returncode == 0 and "ok    replica:" in doctor.stdout, doctor.stdout
        standby.stop("immediate")
        answer = hq.get("/stores/R1/sales")
        assert answer.status_code == 200 and len(answer.json()["items"]) == 2
        assert "read replica unavailable" in cloud.log.read_text()
    finally:
        edge.stop()
        cloud.stop()


def _sales_on(hq: httpx.Client) -> int:
    answer = hq.get("/stores/R1/sales")
    assert answer.status_code == 200, answer.text
    return len(answer.json()["items"])


def _wait_on_primary(main: Cluster, count: int) -> float:
    wait_for(lambda: main.sql("SELECT count(*) FROM sales") == str(count), 20, 0.02)
    return time.monotonic()


def _sell(edge: Edge) -> None:
    with edge.lane(*CASHIER) as lane:
        sale = {
            "id": str(uuid.uuid4()),
            "lines": [{"sku": "TEA", "qty": 1}],
            "payments": [{"method": "cash", "amount": 250}],
        }
        assert lane.post("/sales", json=sale).status_code == 201
