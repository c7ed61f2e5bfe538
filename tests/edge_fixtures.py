"""An enrolled node in a temp dir without a cloud: for in-process tests of edge services."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlite_utils import Database

from edge import node, staff, stock
from edge.storage import catalog
from edge.storage.db import open_db, write
from edge.web.app import create_app
from shared.barcodes import make_ean13
from shared.clock import format_ts, from_epoch
from shared.ids import new_id
from shared.models import Product, StockMovement
from shared.signing import generate_private_key

CASHIER = ("ana", "1234")
MANAGER = ("max", "9876")
PICKER = ("pia", "2468")
PRODUCTS = [
    # sku, name, price, vat, barcode body
    ("MILK", "Milk 1L", 129, 700, "400000000001"),
    ("BREAD", "Bread", 250, 700, "400000000002"),
    ("WINE", "Red wine", 899, 2000, "400000000003"),
    ("CHEESE", "Cheese by price", 1000, 700, "210000100000"),
    ("APPLES", "Apples per kg", 299, 700, "250000200000"),
]


@dataclass
class Node:
    data_dir: Path
    client: FlaskClient
    db: Database

    def token(self, who: tuple[str, str] = CASHIER, register: str = "1") -> dict[str, str]:
        answer = self.client.post(
            "/api/v1/sessions", json={"name": who[0], "pin": who[1], "register": register}
        )
        assert answer.status_code == 201, answer.get_json()
        return {"Authorization": f"Bearer {answer.get_json()['token']}"}

    def count(self, table: str) -> int:
        return int(self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def snapshot(self) -> dict[str, Any]:
        """Row counts of every table that a write could touch."""
        tables = ["sales", "returns", "voids", "movements", "outbox", "registers", "sessions"]
        return {t: self.count(t) for t in tables}


def seed(db: Database) -> None:
    now = format_ts(from_epoch(1_800_000_000))
    with write(db):
        for sku, name, price, vat, body in PRODUCTS:
            catalog.upsert_product(
                db,
                Product(
                    sku=sku,
                    name=name,
                    price=price,
                    vat_rate_bp=vat,
                    barcodes=[make_ean13(body)],
                    updated_at=now,
                ),
            )
            stock.record(
                db,
                StockMovement(
                    id=new_id(), store="S1", sku=sku, delta=10, reason="receipt", occurred_at=now
                ),
                "cloud",
            )


@pytest.fixture
def lane_node(tmp_path: Path) -> Node:
    data_dir = tmp_path / "node"
    node.save_key(data_dir, generate_private_key())
    node.save(
        data_dir,
        node.NodeConfig(
            store="S1", name="Store 1", cloud_url="http://127.0.0.1:9", keyid="S1.test"
        ),
    )
    db = open_db(node.db_path(data_dir))
    seed(db)
    staff.add_staff(db, CASHIER[0], "cashier", CASHIER[1])
    staff.add_staff(db, MANAGER[0], "manager", MANAGER[1])
    staff.add_staff(db, PICKER[0], "picker", PICKER[1])
    app = create_app(data_dir)
    return Node(data_dir, app.test_client(), db)
