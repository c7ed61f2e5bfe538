"""zeroconf advertisement and browsing on loopback, in-process and from `edge serve`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from edge.discovery import NodeAd, advertise, discover
from tests.harness import Cloud, Edge, free_port, wait_for


def test_register_and_browse_on_loopback() -> None:
    port = free_port()
    ad = NodeAd("S7", "Store 7", f"http://127.0.0.1:{port}", f"http://127.0.0.1:{port}/picker")
    zc = advertise(ad, "127.0.0.1", port)
    try:
        # browse again while other nodes of a parallel test run answer on the same loopback
        # and delay ours; every window is a full browse, so the check itself is unchanged
        assert wait_for(lambda: ad in discover(2.0, "127.0.0.1"), 15, 0)
    finally:
        zc.unregister_all_services()
        zc.close()


@pytest.mark.integration
def test_edge_serve_advertises_and_edge_discover_lists_it(tmp_path: Path) -> None:
    cloud = Cloud(tmp_path).start()
    edge = Edge(tmp_path)
    try:
        # a store code no other test uses: a name already advertised on the loopback (every
        # other system test is store S1) would make zeroconf probe for a new one first
        edge.enroll(cloud.url, "D9", cloud.add_store("D9"))
        edge.start()
        command = [sys.executable, "-m", "cli", "edge", "discover", "--timeout", "2"]
        command += ["--interface", "127.0.0.1"]

        def listed() -> bool:
            out = subprocess.run(command, capture_output=True, text=True, timeout=60).stdout
            return f"D9  Store D9  {edge.url}/picker" in out

        assert wait_for(listed, 20, 0)
    finally:
        edge.stop()
        cloud.stop()
