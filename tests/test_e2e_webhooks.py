"""Order webhooks from a real cloud process: a receiver that fails twice then succeeds gets
the event, the HMAC signature verifies, and no event id arrives twice once accepted; a
receiver that never answers delays neither the other receivers nor order expiry. The
receivers listen on 127.0.0.1, which the cloud refuses unless the deployment allows it
(`OMNISTORE_WEBHOOK_ALLOW`)."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.harness import Cloud, wait_for

pytestmark = pytest.mark.integration
ALLOW_LOOPBACK = {"OMNISTORE_WEBHOOK_ALLOW": "127.0.0.1"}


class Receiver:
    """Answers 500 to the first `failures` deliveries, then 204; records everything."""

    def __init__(self, failures: int, hang: threading.Event | None = None) -> None:
        self.failures = failures
        self.arrived: list[float] = []
        self.calls: list[tuple[int, dict[str, str], bytes]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                return

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.arrived.append(time.monotonic())
                if hang is not None:
                    hang.wait(60)  # never answers (until the test ends)
                status = 500 if len(receiver.calls) < receiver.failures else 204
                receiver.calls.append((status, dict(self.headers), body))
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def test_webhook_retried_until_delivered_signed_and_once(tmp_path: Path) -> None:
    receiver = Receiver(failures=2)
    cloud = Cloud(tmp_path, env=ALLOW_LOOPBACK).start()
    try:
        cloud.add_store("S1")
        with cloud.hq() as hq:
            hook = hq.post("/webhooks", json={"url": receiver.url}).json()
            assert hook["secret"].startswith("whsec_")
            assert hq.get("/webhooks").json()["items"][0]["secret"] is None
            hq.put("/products/MILK", json={"name": "Milk", "price": 99, "vat_rate_bp": 700})
            hq.post(
                "/stores/S1/stock-movements",
                json={"id": str(uuid.uuid4()), "sku": "MILK", "delta": 50, "reason": "receipt"},
            )
            # the store never synced: the largest safety buffer (20) applies, 50 covers it
            order = hq.post(
                "/orders",
                json={
                    "id": str(uuid.uuid4()),
                    "store": "S1",
                    "customer": {"name": "Cy"},
                    "lines": [{"sku": "MILK", "qty": 1}],
                },
            )
            if order.status_code == 409:
                pytest.fail(f"order refused: {order.text}")
            assert hq.post(f"/orders/{order.json()['id']}/cancel").status_code == 200
        wait_for(lambda: any(status == 204 for status, _, _ in receiver.calls), 45, 0.2)
        threading.Event().wait(2)  # nothing more may arrive after the success
        statuses = [status for status, _, _ in receiver.calls]
        assert statuses == [500, 500, 204]
        event_ids = {headers["X-Omnistore-Event-Id"] for _, headers, _ in receiver.calls}
        assert len(event_ids) == 1, "retries carry the same event id"
        _, headers, body = receiver.calls[-1]
        stamp, mac = (part.split("=", 1)[1] for part in headers["X-Omnistore-Signature"].split(","))
        expected = hmac.new(
            hook["secret"].encode(), f"{stamp}.".encode() + body, hashlib.sha256
        ).hexdigest()
        assert hmac.compare_digest(mac, expected)
        event = json.loads(body)
        assert event["type"] == "order.cancelled" and event["id"] in event_ids
        assert "pickup_code" not in event["order"] and "pickup_code_hash" not in event["order"]
    finally:
        cloud.stop()
        receiver.server.shutdown()


def test_a_receiver_that_hangs_delays_neither_others_nor_expiry(tmp_path: Path) -> None:
    release = threading.Event()
    hanging, good = Receiver(failures=0, hang=release), Receiver(failures=0)
    cloud = Cloud(tmp_path, env=ALLOW_LOOPBACK | {"OMNISTORE_ORDER_HOLD_S": "4"}).start()
    try:
        cloud.add_store("S1")
        with cloud.hq() as hq:
            for receiver in (hanging, good):  # the hanging one first: it is served first
                assert hq.post("/webhooks", json={"url": receiver.url}).status_code == 201
            hq.put("/products/MILK", json={"name": "Milk", "price": 99, "vat_rate_bp": 700})
            hq.post(
                "/stores/S1/stock-movements",
                json={"id": str(uuid.uuid4()), "sku": "MILK", "delta": 50, "reason": "receipt"},
            )

            def place() -> str:
                body = {
                    "id": str(uuid.uuid4()),
                    "store": "S1",
                    "customer": {"name": "Cy"},
                    "lines": [{"sku": "MILK", "qty": 1}],
                }
                answer = hq.post("/orders", json=body)
                assert answer.status_code == 201, answer.text
                return str(answer.json()["id"])

            cancelled, waiting = place(), place()
            placed_at = time.monotonic()
            assert hq.post(f"/orders/{cancelled}/cancel").status_code == 200
            cancelled_at = time.monotonic()
            wait_for(lambda: hanging.arrived, 5, 0.05)
            wait_for(lambda: good.calls, 10, 0.05)
            assert good.arrived[0] - cancelled_at < 2.5, "the good receiver waited"

            # the second order expires at its hold time although the hanging receiver
            # still holds its delivery of the first event
            wait_for(lambda: hq.get(f"/orders/{waiting}").json()["status"] == "expired", 15)
            assert time.monotonic() - placed_at < 4 + 3, "expiry waited for webhooks"
            assert not release.is_set() and len(hanging.calls) == 0
        wait_for(lambda: len(good.calls) == 2, 10, 0.1)
        types = [json.loads(body)["type"] for _, _, body in good.calls]
        assert types == ["order.cancelled", "order.expired"]
    finally:
        release.set()
        cloud.stop()
        hanging.server.shutdown()
        good.server.shutdown()
