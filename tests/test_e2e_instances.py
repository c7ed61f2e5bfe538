"""Two `omnistore cloud serve` instances on one PostgreSQL behind HAProxy, five store nodes
selling through it; one instance is killed with `kill -9` mid-push and restarted. Every
sale reaches the cloud exactly once, stock converges, and a nonce used on one instance is
refused on the other."""

from __future__ import annotations

import shutil
import subprocess
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import httpx
import pytest

from edge import node
from shared.signing import new_nonce, sign_request
from tests.harness import Cloud, Edge, free_port, omnistore, paged, wait_for
from tests.test_e2e_webhooks import ALLOW_LOOPBACK, Receiver

STORES = [f"L{n}" for n in range(5)]
SALES_EACH = 30
HAPROXY_CFG = Path(__file__).resolve().parents[1] / "packaging" / "haproxy" / "haproxy.cfg"
CASHIER = ("ana", "1234")


def start_haproxy(root: Path, a: Cloud, b: Cloud) -> tuple[subprocess.Popen[bytes], str]:
    if shutil.which("haproxy") is None:
        pytest.fail("haproxy is missing: `make test` installs it (Debian package haproxy)")
    port = free_port()
    config = (
        HAPROXY_CFG.read_text()
        .replace("{{LISTEN}}", f"127.0.0.1:{port}")
        .replace("{{CLOUD_A}}", f"127.0.0.1:{a.port}")
        .replace("{{CLOUD_B}}", f"127.0.0.1:{b.port}")
    )
    path = root / "haproxy.cfg"
    path.write_text(config)
    proc = subprocess.Popen(
        ["haproxy", "-f", str(path), "-db"],
        stdout=(root / "haproxy.log").open("ab"),
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    wait_for(lambda: httpx.get(url + "/healthz", timeout=2).status_code == 200, 20)
    return proc, url


@pytest.mark.postgres
def test_instances_behind_a_load_balancer_survive_kill_9(pg_database: str, tmp_path: Path) -> None:
    a = Cloud(_dir(tmp_path, "a"), db=pg_database, env=ALLOW_LOOPBACK).start()
    b = Cloud(_dir(tmp_path, "b"), db=pg_database, env=ALLOW_LOOPBACK).start()
    receiver = Receiver(failures=0)
    haproxy, url = start_haproxy(tmp_path, a, b)
    edges: list[Edge] = []
    try:
        hq = httpx.Client(
            base_url=url + "/api/v1", headers={"Authorization": f"Bearer {a.hq_token}"}
        )
        product = {"name": "Tea", "price": 250, "vat_rate_bp": 700, "barcodes": []}
        assert hq.put("/products/TEA", json=product).status_code == 201
        assert hq.post("/webhooks", json={"url": receiver.url}).status_code == 201
        for store in STORES:
            token = (
                omnistore("cloud", "add-store", store, "--db", pg_database).strip().splitlines()[-1]
            )
            edge = Edge(tmp_path, name=f"edge-{store}")
            edge.enroll(url, store, token)
            edge.add_staff(CASHIER[0], "cashier", CASHIER[1])
            edge.start()
            edges.append(edge)
            movement = {"id": str(uuid.uuid4()), "sku": "TEA", "delta": 100, "reason": "receipt"}
            assert hq.post(f"/stores/{store}/stock-movements", json=movement).status_code == 201
        sellers = [threading.Thread(target=_sell, args=(edge,)) for edge in edges]
        for seller in sellers:
            seller.start()
        time.sleep(1.0)
        a.kill()  # mid-push: HAProxy sends the rest to b
        time.sleep(1.0)
        a.start()
        for seller in sellers:
            seller.join(120)
        for store, edge in zip(STORES, edges, strict=True):
            _wait_synced(edge)
            receipts = Counter(s["receipt_no"] for s in paged(hq, f"/stores/{store}/sales"))
            assert len(receipts) == SALES_EACH and set(receipts.values()) == {1}, store
            cloud_on_hand = hq.get(f"/stores/{store}/stock/TEA").json()["on_hand"]
            with edge.lane(*CASHIER) as lane:
                assert lane.get("/stock/TEA").json()["on_hand"] == cloud_on_hand == 100 - SALES_EACH
        _nonce_is_refused_across_instances(edges[0], a, b)
        assert httpx.get(url + "/metrics").status_code == 403  # never through the balancer
        _each_webhook_event_arrives_once(hq, receiver)
    finally:
        for edge in edges:
            edge.stop()
        receiver.server.shutdown()
        haproxy.terminate()
        haproxy.wait(10)
        a.stop()
        b.stop()


def _dir(root: Path, name: str) -> Path:
    path = root / name
    path.mkdir()
    return path


def _sell(edge: Edge) -> None:
    with edge.lane(*CASHIER) as lane:
        for _ in range(SALES_EACH):
            sale = {
                "id": str(uuid.uuid4()),
                "lines": [{"sku": "TEA", "qty": 1}],
                "payments": [{"method": "cash", "amount": 250}],
            }
            assert lane.post("/sales", json=sale).status_code == 201
            time.sleep(0.05)


def _wait_synced(edge: Edge) -> None:
    with edge.lane(*CASHIER) as lane:
        wait_for(lambda: lane.get("/sync/status").json()["outbox_pending"] == 0, 90, 0.3)


def _nonce_is_refused_across_instances(edge: Edge, a: Cloud, b: Cloud) -> None:
    config = node.load(edge.data_dir)
    key = node.load_key(edge.data_dir)
    path = "/api/v1/sync/pull"
    headers = sign_request(key, config.keyid, "GET", path, "", b"", int(time.time()), new_nonce())
    first = httpx.get(a.url + path, headers=headers)
    assert first.status_code == 200, first.text
    again = httpx.get(b.url + path, headers=headers)
    assert again.status_code == 401 and again.json()["error"]["code"] == "replayed_nonce"


def _each_webhook_event_arrives_once(hq: httpx.Client, receiver: Receiver) -> None:
    """Both instances run the delivery job; the lease lets one of them send each event."""
    for _ in range(5):
        order = {
            "id": str(uuid.uuid4()),
            "store": STORES[0],
            "customer": {"name": "Cy"},
            "lines": [{"sku": "TEA", "qty": 1}],
        }
        placed = hq.post("/orders", json=order)
        assert placed.status_code == 201, placed.text
        assert hq.post(f"/orders/{order['id']}/cancel").status_code == 200
    wait_for(lambda: len(receiver.calls) >= 5, 30, 0.2)
    time.sleep(2)  # room for a second copy to arrive, if any would
    ids = Counter(headers["X-Omnistore-Event-Id"] for _, headers, _ in receiver.calls)
    assert len(ids) >= 5 and set(ids.values()) == {1}, ids
