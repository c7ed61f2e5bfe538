"""A node whose clock is days off still syncs: it learns the offset from the cloud's `Date`
header, signs with corrected time, and stamps its sales with corrected `occurred_at`
(the raw device time is kept beside it). HQ sees one clock_skew exception."""

from __future__ import annotations

import json
import shutil
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from shared.clock import parse_ts
from tests.harness import Cloud, Edge, omnistore
from tests.system import CASHIER, System

pytestmark = pytest.mark.integration
THREE_DAYS = 3 * 86_400


def test_a_node_three_days_ahead_still_syncs(tmp_path: Path) -> None:
    if shutil.which("faketime") is None:
        pytest.fail("faketime is missing: `make test` installs it (Debian package faketime)")
    cloud = Cloud(tmp_path).start()
    edge = Edge(tmp_path, env={"FAKETIME_DONT_FAKE_MONOTONIC": "1"})
    edge.prefix = ["faketime", "-f", "+3d"]
    try:
        edge.enroll(cloud.url, "S1", cloud.add_store("S1"))
        edge.add_staff(CASHIER[0], "cashier", CASHIER[1])
        edge.start()
        system = System(cloud, edge)
        skus = system.create_products(1, 10)
        system.wait_pulled(skus, 10)
        with system.lane() as lane:
            body = {
                "id": str(uuid.uuid4()),
                "lines": [{"sku": skus[0]}],
                "payments": [{"method": "cash", "amount": 1000}],
            }
            assert lane.post("/sales", json=body).status_code == 201
        status = system.wait_synced()
        assert abs(status["clock_offset_s"] + THREE_DAYS) < 5
        (sale,) = system.cloud_sales()
        assert abs((parse_ts(sale["occurred_at"]) - datetime.now(UTC)).total_seconds()) < 30
        with system.hq() as hq:
            skew = hq.get("/exceptions", params={"kind": "clock_skew"}).json()["items"]
        assert len(skew) == 1 and skew[0]["store"] == "S1"
        report = json.loads(omnistore("edge", "status", "--data-dir", str(edge.data_dir), "--json"))
        assert abs(report["clock_offset_s"] + THREE_DAYS) < 5
        assert report["outbox_pending"] == 0 and report["store"] == "S1"
    finally:
        edge.stop()
        cloud.stop()
