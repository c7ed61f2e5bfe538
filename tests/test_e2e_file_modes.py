"""Every file the node or the cloud creates is readable by its own user only (SPEC §13):
after enrolment, serving and a sale, and after `cloud serve` on a SQLite path, every
file under the data dirs is 0600 and every directory 0700, whatever the caller's umask."""

from __future__ import annotations

import os
import stat
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.harness import Cloud, Edge
from tests.system import CASHIER, System

pytestmark = pytest.mark.integration


@pytest.fixture(autouse=True)
def _permissive_umask() -> Iterator[None]:
    """The callers of old: a umask that lets everyone read what is created."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def modes(root: Path) -> dict[str, str]:
    """Every path under `root` (itself included) with its permission bits, as octal."""
    found = {".": oct(stat.S_IMODE(root.stat().st_mode))}
    for path in root.rglob("*"):
        found[str(path.relative_to(root))] = oct(stat.S_IMODE(path.lstat().st_mode))
    return found


def test_data_files_are_0600_and_dirs_0700(tmp_path: Path) -> None:
    cloud_dir = tmp_path / "cloud" / "var"  # neither exists yet: the cloud makes both
    cloud = Cloud(tmp_path, db=str(cloud_dir / "cloud.db")).start()
    edge = Edge(tmp_path, name="node")
    try:
        edge.enroll(cloud.url, "S1", cloud.add_store("S1"))
        edge.add_staff(CASHIER[0], "cashier", CASHIER[1])
        edge.start()
        system = System(cloud, edge)
        skus = system.create_products(1, 5)
        system.wait_pulled(skus, 5)
        with system.lane() as lane:
            sale = {
                "id": str(uuid.uuid4()),
                "lines": [{"sku": skus[0], "qty": 1}],
                "payments": [{"method": "cash", "amount": 10_000}],
            }
            assert lane.post("/sales", json=sale).status_code == 201
        system.wait_synced()
        node_files = modes(edge.data_dir)
        cloud_files = modes(tmp_path / "cloud")
    finally:
        edge.stop()
        cloud.stop()
    # (-wal and -shm files, present while a connection is open, are checked when present)
    assert {"node.json", "node_key.pem", "edge.db", "web_secret"} <= set(node_files), node_files
    assert "var/cloud.db" in cloud_files, cloud_files
    for root, found in ((edge.data_dir, node_files), (tmp_path / "cloud", cloud_files)):
        for name, mode in found.items():
            expected = "0o700" if (root / name).is_dir() else "0o600"
            assert mode == expected, f"{root / name} is {mode}: {found}"
