"""`/metrics` on both sides, scraped from real processes and parsed with prometheus_client's
own parser; one JSON log line per request, and one push followed from the node into the
cloud by its request id."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.edge_fixtures import MANAGER, Node
from tests.harness import wait_for
from tests.system import System, start_system


@pytest.fixture(scope="module")
def system(tmp_path_factory: pytest.TempPathFactory) -> Iterator[System]:
    running = start_system(tmp_path_factory.mktemp("metrics"))
    try:
        running.wait_pulled(running.create_products(1, 50), 50)
        yield running
    finally:
        running.edge.stop()
        running.cloud.stop()


def scrape(url: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    answer = httpx.get(url + "/metrics")
    assert answer.status_code == 200 and answer.headers["Content-Type"].startswith("text/plain")
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(answer.text)
        for sample in family.samples
    }


def test_both_sides_expose_their_figures(system: System) -> None:
    skus = ["SKU0000"]
    with system.lane() as lane:
        sale = {
            "id": str(uuid.uuid4()),
            "lines": [{"sku": skus[0], "qty": 2}],
            "payments": [{"method": "cash", "amount": 1000}],
        }
        assert lane.post("/sales", json=sale).status_code == 201
    system.wait_synced()
    node = scrape(system.edge.url)
    assert node[("omnistore_outbox_pending", ())] == 0
    assert node[("omnistore_outbox_oldest_pending_seconds", ())] == 0
    assert 0 <= node[("omnistore_sync_push_lag_seconds", ())] < 60
    sold = (
        "omnistore_http_requests_total",
        (("method", "POST"), ("route", "/api/v1/sales"), ("status", "201")),
    )
    assert node[sold] == 1
    cloud = scrape(system.cloud.url)
    assert cloud[("omnistore_sync_events_total", (("result", "accepted"),))] >= 1
    assert cloud[("omnistore_sync_push_batch_events_count", ())] >= 1
    assert ("omnistore_webhook_backlog", ()) in cloud


def test_one_push_is_followed_across_both_logs_by_its_request_id(system: System) -> None:
    skus = ["SKU0000"]
    with system.lane() as lane:
        sale = {
            "id": str(uuid.uuid4()),
            "lines": [{"sku": skus[0], "qty": 1}],
            "payments": [{"method": "cash", "amount": 1000}],
        }
        assert lane.post("/sales", json=sale).status_code == 201
    system.wait_synced()

    def pushes() -> set[str]:
        sent = {
            line["request_id"]
            for line in json_lines(system.edge.log)
            if line.get("message") == "cloud call" and line.get("path") == "/api/v1/sync/push"
        }
        received = {
            line["request_id"]
            for line in json_lines(system.cloud.log)
            if line.get("message") == "request" and line.get("path") == "/api/v1/sync/push"
        }
        return sent & received

    assert wait_for(pushes, 10)
    for log in (system.edge.log, system.cloud.log):
        requests = [line for line in json_lines(log) if line.get("message") == "request"]
        assert requests and all(
            {"time", "level", "logger", "request_id", "status"} <= set(r) for r in requests
        )


def json_lines(path: Path) -> list[dict[str, Any]]:
    """Every log line that is a JSON object (gunicorn's own start-up lines are not)."""
    found = []
    for line in path.read_text().splitlines():
        if line.startswith("{"):
            found.append(json.loads(line))
    return found


def test_metrics_from_elsewhere_need_a_manager(lane_node: Node) -> None:
    remote = {"REMOTE_ADDR": "10.1.2.3"}
    assert lane_node.client.get("/metrics", environ_base=remote).status_code == 401
    cashier = lane_node.token()
    assert lane_node.client.get("/metrics", environ_base=remote, headers=cashier).status_code == 403
    manager = lane_node.token(MANAGER)
    assert lane_node.client.get("/metrics", environ_base=remote, headers=manager).status_code == 200
    assert lane_node.client.get("/metrics").status_code == 200  # loopback
