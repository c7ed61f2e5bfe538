"""`omnistore demo --no-pos`: a cloud and a node with sample data, usable as printed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.harness import free_port, wait_for

pytestmark = pytest.mark.integration


def test_demo_runs_headless_with_sample_data(tmp_path: Path) -> None:
    cloud_port, edge_port = free_port(), free_port()
    log = tmp_path / "demo.out"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "cli",
                "demo",
                "--no-pos",
                "--dir",
                str(tmp_path / "demo"),
                "--cloud-port",
                str(cloud_port),
                "--edge-port",
                str(edge_port),
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_for(lambda: "Press Ctrl-C" in log.read_text(), 120, 0.5)
        text = log.read_text()
        token = next(line.split()[-1] for line in text.splitlines() if "HQ token" in line)
        assert "seeded 240 products" in text and 'cashier "cashier" PIN 1234' in text
        hq = {"Authorization": f"Bearer {token}"}
        stock = httpx.get(
            f"http://127.0.0.1:{cloud_port}/api/v1/stores/DEMO1/stock/DAIRY-011", headers=hq
        ).json()
        assert stock["on_hand"] == 40
        session = httpx.post(
            f"http://127.0.0.1:{edge_port}/api/v1/sessions", json={"name": "cashier", "pin": "1234"}
        )
        assert session.status_code == 201
        lane = {"Authorization": f"Bearer {session.json()['token']}"}
        wait_for(
            lambda: (
                httpx.get(f"http://127.0.0.1:{edge_port}/api/v1/stock/DAIRY-011", headers=lane)
                .json()
                .get("on_hand")
                == 40
            ),
            30,
        )
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    assert proc.returncode is not None
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"http://127.0.0.1:{cloud_port}/healthz", timeout=2)
