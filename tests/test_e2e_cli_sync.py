"""`omnistore edge sync --once` exits 0 only when the outbox is empty and the pull reached
the head; `edge status` shows what is pending."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.harness import Cloud, Edge
from tests.system import CASHIER

pytestmark = pytest.mark.integration


def sync_once(edge: Edge) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cli", "edge", "sync", "--data-dir", str(edge.data_dir), "--once"],
        capture_output=True,
        text=True,
        timeout=60,
    )


def status(edge: Edge) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "cli", "edge", "status", "--data-dir", str(edge.data_dir), "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    return dict(json.loads(out))


def test_sync_once_exit_codes(tmp_path: Path) -> None:
    cloud = Cloud(tmp_path).start()
    edge = Edge(tmp_path)
    try:
        edge.enroll(cloud.url, "S1", cloud.add_store("S1"))
        edge.add_staff(CASHIER[0], "cashier", CASHIER[1])
        with cloud.hq() as hq:
            hq.put("/products/MILK", json={"name": "Milk", "price": 99, "vat_rate_bp": 700})
        assert sync_once(edge).returncode == 0
        edge.start()  # the lane API, to sell; its own sync thread runs too
        with edge.lane(*CASHIER) as lane:
            body = {
                "id": str(uuid.uuid4()),
                "lines": [{"sku": "MILK"}],
                "payments": [{"method": "cash", "amount": 99}],
            }
            assert lane.post("/sales", json=body).status_code == 201
        edge.stop()
        cloud.stop()
        assert status(edge)["outbox_pending"] == 1
        failed = sync_once(edge)
        assert failed.returncode == 1
        assert status(edge)["online"] is False
        cloud.start()
        ok = sync_once(edge)
        assert ok.returncode == 0, ok.stdout + ok.stderr
        # the node may have pushed just before it stopped without hearing the answer: then
        # the retry is a duplicate; either way the cloud holds the sale exactly once
        assert "1 accepted" in ok.stdout or "1 duplicate" in ok.stdout, ok.stdout
        with cloud.hq() as hq:
            assert len(hq.get("/stores/S1/sales").json()["items"]) == 1
        after = status(edge)
        assert after["outbox_pending"] == 0 and after["online"] is True
        assert after["last_push_at"] and after["cursor"]
    finally:
        edge.stop()
        cloud.stop()
