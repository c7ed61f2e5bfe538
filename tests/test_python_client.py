"""The typed Python clients in clients/python/ are what openapi-python-client makes of the
apps' documents today (regenerated and compared file by file), and they work: the cloud
client creates a product, reads it back as a typed model and follows the availability feed."""

from __future__ import annotations

import filecmp
import importlib
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests import contract

CLIENTS = Path(__file__).resolve().parent.parent / "clients" / "python"
PACKAGES = ("omnistore_cloud_client", "omnistore_node_client")


def differences(left: Path, right: Path) -> list[str]:
    """Files that differ, or exist on one side only, below two directories."""
    found: list[str] = []

    def walk(cmp: filecmp.dircmp[str], where: str) -> None:
        found.extend(f"{where}{n}" for n in cmp.left_only + cmp.right_only + cmp.diff_files)
        found.extend(f"{where}{n}" for n in cmp.funny_files)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{where}{name}/")

    walk(filecmp.dircmp(left, right, ignore=["__pycache__"]), "")
    return found


def test_the_clients_are_up_to_date(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(CLIENTS / "generate.py"), str(tmp_path)], check=True, timeout=120
    )
    for package in PACKAGES:
        changed = differences(CLIENTS / package, tmp_path / package)
        assert not changed, (
            f"{package} is stale ({changed[:5]}): run .venv/bin/python clients/python/generate.py"
        )


@pytest.fixture
def cloud_client() -> Any:
    sys.path.insert(0, str(CLIENTS))
    try:
        package = importlib.import_module("omnistore_cloud_client")
        app, env = contract.cloud_app()
        transport = httpx.WSGITransport(app=app)
        client = package.AuthenticatedClient(
            base_url="http://cloud.test/api/v1",
            token=env["OMNISTORE_CONTRACT_TOKEN"],
            httpx_args={"transport": transport},
        )
        yield client
    finally:
        sys.path.remove(str(CLIENTS))


def test_the_cloud_client_speaks_to_the_cloud(cloud_client: Any) -> None:
    from omnistore_cloud_client.api.products import get_products_sku, put_products_sku
    from omnistore_cloud_client.api.stock import (
        get_stores_store_stock,
        post_stores_store_stock_movements,
    )
    from omnistore_cloud_client.models import (
        ErrorBody,
        Product,
        ProductIn,
        StockAvailabilityPage,
        StockMovementIn,
        StockMovementInReason,
    )

    made = put_products_sku.sync_detailed(
        "TEA", client=cloud_client, body=ProductIn(name="Tea", price=250, vat_rate_bp=700)
    )
    assert made.status_code == 201 and isinstance(made.parsed, Product)
    read = get_products_sku.sync("TEA", client=cloud_client)
    assert isinstance(read, Product) and read.price == 250
    missing = get_products_sku.sync("NOPE", client=cloud_client)
    assert isinstance(missing, ErrorBody) and missing.error.code == "unknown_product"
    moved = post_stores_store_stock_movements.sync_detailed(
        "S1",
        client=cloud_client,
        body=StockMovementIn(
            id="0d5b7f3e-5a1b-4c2d-9e8f-112233445566",
            sku="TEA",
            delta=12,
            reason=StockMovementInReason.RECEIPT,
        ),
    )
    assert moved.status_code == 201
    page = get_stores_store_stock.sync("S1", client=cloud_client)
    assert isinstance(page, StockAvailabilityPage)
    assert (page.items[-1].sku, page.items[-1].available) == ("TEA", 12)  # the latest change


def test_the_example_places_an_order_and_verifies_a_real_webhook(tmp_path: Path) -> None:
    """clients/python/example.py against a real cloud: an order placed through the client,
    and the webhook of its cancellation verified with the example's check (and a tampered
    body refused)."""
    from tests.harness import Cloud, wait_for
    from tests.test_e2e_webhooks import ALLOW_LOOPBACK, Receiver

    receiver = Receiver(failures=0)
    cloud = Cloud(tmp_path, env=ALLOW_LOOPBACK).start()
    sys.path.insert(0, str(CLIENTS))
    try:
        import example
        from omnistore_cloud_client import AuthenticatedClient

        cloud.add_store("S1")
        with cloud.hq() as hq:
            hook = hq.post("/webhooks", json={"url": receiver.url}).json()
            hq.put("/products/TEA", json={"name": "Tea", "price": 250, "vat_rate_bp": 700})
            movement = {"id": str(uuid.uuid4()), "sku": "TEA", "delta": 50, "reason": "receipt"}
            assert hq.post("/stores/S1/stock-movements", json=movement).status_code == 201
        client = AuthenticatedClient(base_url=cloud.url + "/api/v1", token=cloud.hq_token)
        order = example.place_order(client, "S1", "TEA")
        assert order.status.value == "placed" and len(str(order.pickup_code)) == 6
        cancelled = httpx.post(
            f"{cloud.url}/api/v1/orders/{order.id}/cancel",
            headers={"Authorization": f"Bearer {cloud.hq_token}"},
        )
        assert cancelled.status_code == 200
        wait_for(lambda: receiver.calls, 30, 0.2)
        _, headers, body = receiver.calls[0]
        header = headers["X-Omnistore-Signature"]
        assert example.verify_signature(hook["secret"], header, body)
        assert not example.verify_signature(hook["secret"], header, body + b" ")
        assert not example.verify_signature("whsec_wrong", header, body)
    finally:
        sys.path.remove(str(CLIENTS))
        cloud.stop()
        receiver.server.shutdown()
