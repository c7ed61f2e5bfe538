"""A node restored from an older backup learns back what it pushed after the backup before
it sells again: receipt numbers go on after the highest the cloud holds, no id is reused,
the cloud holds every sale once, and both ledgers agree."""

from __future__ import annotations

import os
import stat
import uuid
from collections import Counter
from pathlib import Path

import httpx

from tests.harness import omnistore, wait_for
from tests.system import System


def sell(lane: httpx.Client, sku: str) -> dict:
    sale = {
        "id": str(uuid.uuid4()),
        "lines": [{"sku": sku, "qty": 1}],
        "payments": [{"method": "cash", "amount": 5000}],
    }
    answer = lane.post("/sales", json=sale)
    assert answer.status_code == 201, answer.text
    return dict(answer.json())


def test_a_restored_node_sells_on_after_the_80th_receipt(system: System, tmp_path: Path) -> None:
    skus = system.create_products(2, 500)
    system.wait_pulled(skus, 500)
    with system.lane() as lane:
        for n in range(50):
            sell(lane, skus[n % 2])
    backup = tmp_path / "node-backup.db"
    data_dir = str(system.edge.data_dir)
    omnistore("edge", "backup", "--data-dir", data_dir, str(backup))  # while serving
    assert stat.S_IMODE(os.stat(backup).st_mode) == 0o600
    with system.lane() as lane:
        later = [sell(lane, skus[n % 2]) for n in range(30)]
    assert later[-1]["receipt_no"] == "S1-1-80"
    system.wait_synced()

    system.edge.stop()
    omnistore("edge", "restore", "--data-dir", data_dir, str(backup))
    system.edge.start()
    with system.lane() as lane:

        def sells_again() -> dict | None:
            sale = {
                "id": str(uuid.uuid4()),
                "lines": [{"sku": skus[0], "qty": 1}],
                "payments": [{"method": "cash", "amount": 5000}],
            }
            answer = lane.post("/sales", json=sale)
            if answer.status_code == 503:
                assert answer.json()["error"]["code"] == "restoring"
                return None
            assert answer.status_code == 201, answer.text
            return dict(answer.json())

        first = wait_for(sells_again, 30, 0.3)
        assert first["receipt_no"] == "S1-1-81"
        replay = lane.get(f"/sales/{later[0]['id']}")
        assert replay.status_code == 200  # a sale made after the backup is known again
    system.wait_synced()
    receipts = Counter(sale["receipt_no"] for sale in system.cloud_sales())
    assert len(receipts) == 81 and max(receipts.values()) == 1
    on_hand = system.edge_on_hand()
    for sku in skus:
        assert on_hand[sku] == system.cloud_on_hand(sku)
    assert on_hand[skus[0]] + on_hand[skus[1]] == 1000 - 81


def test_restore_refuses_a_running_node_and_a_corrupt_backup(
    system: System, tmp_path: Path
) -> None:
    corrupt = tmp_path / "bad.db"
    corrupt.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    failed = _run("edge", "restore", "--data-dir", str(system.edge.data_dir), str(corrupt))
    assert failed != 0
    good = tmp_path / "good.db"
    omnistore("edge", "backup", "--data-dir", str(system.edge.data_dir), str(good))
    running = _run("edge", "restore", "--data-dir", str(system.edge.data_dir), str(good))
    assert running != 0


def _run(*args: str) -> int:
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "cli", *args], capture_output=True, text=True, timeout=60
    ).returncode
