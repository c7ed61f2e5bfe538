"""A transfer request queued while the cloud was away, which the cloud then refuses (the
other store does not exist): after the push it ends `cancelled` at the node, with the
reason among the node's rejected events, instead of waiting `requested` for ever."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from edge import node, status, transfers
from edge.storage.db import open_db
from shared.transfers import TransferIn
from tests.harness import Cloud, Edge, omnistore

pytestmark = pytest.mark.integration


def test_a_refused_queued_request_ends_cancelled(tmp_path: Path) -> None:
    cloud = Cloud(tmp_path).start()
    try:
        edge = Edge(tmp_path, "node-a")
        edge.enroll(cloud.url, "A", cloud.add_store("A"))
        with cloud.hq() as hq:
            product = {"name": "Tea", "price": 300, "vat_rate_bp": 700, "barcodes": []}
            assert hq.put("/products/TEA", json=product).status_code == 201
        omnistore("edge", "sync", "--data-dir", str(edge.data_dir), "--once")
        config = node.load(edge.data_dir)
        db = open_db(node.db_path(edge.data_dir))
        wanted = TransferIn.model_validate(
            {
                "id": str(uuid.uuid4()),
                "from": "NOPE",
                "to": "A",
                "lines": [{"sku": "TEA", "qty": 4}],
            }
        )
        queued, code = transfers.request(db, config, wanted, lambda body: None)  # cloud away
        assert code == 201 and queued.queued and queued.state == "requested"
        db.close()

        omnistore("edge", "sync", "--data-dir", str(edge.data_dir), "--once")

        db = open_db(node.db_path(edge.data_dir))
        after = transfers.get(db, wanted.id)
        assert after.state == "cancelled" and not after.queued
        refused = status.sync_status(db, config)["rejected_events"]
        assert [r["kind"] for r in refused] == ["transfer"] and "NOPE" in str(refused)
        assert transfers.list_transfers(db, "requested") == []
        db.close()
        with cloud.hq() as hq:
            assert hq.get(f"/transfers/{wanted.id}").status_code == 404
    finally:
        cloud.stop()
