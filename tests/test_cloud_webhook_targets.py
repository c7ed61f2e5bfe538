"""Webhook targets: no subscription may make the cloud POST into its own network (SSRF),
neither at registration nor at send time, unless the deployment allows it."""

from __future__ import annotations

import socket
import threading
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from cloud.services import webhook_targets, webhooks
from cloud.storage import webhooks as rows
from cloud.storage.schema import webhook_deliveries
from tests.cloud_fixtures import CloudUnderTest

FORBIDDEN = [
    "http://127.0.0.1:8700/hook",
    "http://127.0.0.2/hook",
    "http://localhost/hook",
    "http://api.localhost/hook",
    "http://0x7f000001/hook",
    "http://2130706433/hook",
    "http://0177.0.0.1/hook",
    "http://127.1/hook",
    "http://0/hook",
    "http://0.0.0.0/hook",
    "http://10.1.2.3/hook",
    "http://172.16.0.9/hook",
    "http://192.168.1.1/hook",
    "http://169.254.169.254/latest/meta-data",
    "http://100.64.0.1/hook",
    "http://224.0.0.1/hook",
    "http://[::1]/hook",
    "http://[::]/hook",
    "http://[fe80::1]/hook",
    "http://[fc00::1]/hook",
    "http://[ff02::1]/hook",
    "http://[::ffff:127.0.0.1]/hook",
    "http://[::ffff:7f00:1]/hook",
    "http://[2002:7f00:1::]/hook",
    "http://localhost./hook",
    "https://127.0.0.1./hook",
]


@pytest.fixture(autouse=True)
def _no_allow_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(webhook_targets.ALLOW_ENV, raising=False)


@pytest.mark.parametrize("cloud", ["sqlite"], indirect=True)
def test_registration_refuses_private_and_loopback_targets(cloud: CloudUnderTest) -> None:
    for url in FORBIDDEN:
        answer = cloud.client.post("/api/v1/webhooks", headers=cloud.hq, json={"url": url})
        assert answer.status_code == 422, (url, answer.get_json())
        assert answer.get_json()["error"]["code"] == "forbidden_webhook_target", url
    assert cloud.counts()["webhooks"] == 0
    public = ["https://hooks.example.com/omnistore", "http://93.184.215.14:8080/x"]
    for url in public:
        answer = cloud.client.post("/api/v1/webhooks", headers=cloud.hq, json={"url": url})
        assert answer.status_code == 201, (url, answer.get_json())


@pytest.mark.parametrize("cloud", ["sqlite"], indirect=True)
def test_allow_list_admits_networks_and_hosts(
    cloud: CloudUnderTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(webhook_targets.ALLOW_ENV, "127.0.0.0/8, 10.0.0.5 receiver.internal")
    for url in ["http://127.0.0.1:9/h", "http://10.0.0.5/h", "http://receiver.internal/h"]:
        answer = cloud.client.post("/api/v1/webhooks", headers=cloud.hq, json={"url": url})
        assert answer.status_code == 201, (url, answer.get_json())
    answer = cloud.client.post(
        "/api/v1/webhooks", headers=cloud.hq, json={"url": "http://10.0.0.6/"}
    )
    assert answer.get_json()["error"]["code"] == "forbidden_webhook_target"


def test_schemes_other_than_http_are_refused() -> None:
    for url in ["ftp://example.com/x", "file:///etc/passwd", "gopher://example.com/", "//x/"]:
        with pytest.raises(webhook_targets.ForbiddenTarget):
            webhook_targets.check_url(url)


@pytest.mark.parametrize("cloud", ["sqlite"], indirect=True)
def test_a_url_that_cannot_be_parsed_is_422_not_a_failure(cloud: CloudUnderTest) -> None:
    """Found by schemathesis: an unbalanced `[` made urlsplit raise (a 500)."""
    for url in ["http://[/hook", "https://[::1/hook", "http://x]:80/"]:
        answer = cloud.client.post("/api/v1/webhooks", json={"url": url}, headers=cloud.hq)
        assert answer.status_code == 422, (url, answer.get_json())


def test_send_time_check_refuses_a_public_name_that_resolves_to_a_private_address(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A name passes the registration check (no DNS lookup there) but every address it
    resolves to is checked before any byte is sent: one private address is enough."""
    webhook_targets.check_url("https://hooks.example.com/x")

    def fake_getaddrinfo(host: str, port: int, **_: object) -> list[tuple[object, ...]]:
        assert host == "hooks.example.com"
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", port)),
        ]

    monkeypatch.setattr(webhook_targets.socket, "getaddrinfo", fake_getaddrinfo)
    with pytest.raises(webhook_targets.ForbiddenTarget, match=r"10\.0\.0\.7"):
        webhook_targets.resolve("https://hooks.example.com/x")
    monkeypatch.setenv(webhook_targets.ALLOW_ENV, "10.0.0.0/24")
    target = webhook_targets.resolve("https://user:pw@hooks.example.com:8443/x?a=1")
    assert target.url == "https://user:pw@93.184.215.14:8443/x?a=1"
    assert (target.host_header, target.server_name) == (
        "hooks.example.com:8443",
        "hooks.example.com",
    )


def test_send_time_check_refuses_localhost() -> None:
    with pytest.raises(webhook_targets.ForbiddenTarget):
        webhook_targets.resolve("http://localhost/x")
    with pytest.raises(webhook_targets.ForbiddenTarget):
        webhook_targets.resolve("http://0x7f000001/x")


class _Receiver:
    def __init__(self) -> None:
        self.calls: list[dict[str, str]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                return

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers["Content-Length"]))
                receiver.calls.append(dict(self.headers))
                self.send_response(204)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def receiver() -> Iterator[_Receiver]:
    server = _Receiver()
    yield server
    server.server.shutdown()


@pytest.mark.parametrize("cloud", ["sqlite"], indirect=True)
def test_a_stored_loopback_target_is_never_posted_to(
    cloud: CloudUnderTest, receiver: _Receiver, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A subscription that got into the database some other way (an older version, a
    restore) is checked again at send time: nothing is sent, the error is recorded, and
    allowing the address lets the retry through (to the address that was checked)."""
    url = f"http://localhost:{receiver.port}/hook"
    with cloud.engine.begin() as conn:
        rows.add(
            conn,
            {"id": "h1", "url": url, "secret": "whsec_" + "x" * 20, "created_at": "2026-01-01"},
        )
        rows.enqueue(
            conn,
            {
                "id": str(uuid.uuid4()),
                "webhook_id": "h1",
                "event_id": "e1",
                "payload": "{}",
                "attempts": 0,
                "next_attempt_at": 0,
            },
        )
    with httpx.Client(timeout=webhooks.SEND_TIMEOUT) as client:
        assert webhooks.deliver_due(cloud.engine, client) == 0
        assert receiver.calls == []
        with cloud.engine.connect() as conn:
            error = conn.execute(sa.select(webhook_deliveries.c.last_error)).scalar_one()
        assert error.startswith("forbidden_webhook_target")

        monkeypatch.setenv(webhook_targets.ALLOW_ENV, "127.0.0.1 ::1")
        with cloud.engine.begin() as conn:
            conn.execute(sa.update(webhook_deliveries).values(next_attempt_at=0))
        assert webhooks.deliver_due(cloud.engine, client) == 1
    assert receiver.calls[0]["Host"] == f"localhost:{receiver.port}"
