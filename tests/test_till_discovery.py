"""A remote till started without --node finds its node by mDNS on loopback, remembers it
in its own config file (0600) and uses it again on the next start without looking."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from edge.discovery import NodeAd, advertise
from pos_tui import till_config
from tests.harness import Cloud, Edge, free_port, wait_for


def pos(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "cli", "pos", "--till-config", str(config), "--check"]
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, timeout=60, input="y\n"
    )


@pytest.mark.integration
def test_a_till_without_node_finds_it_by_mdns_and_remembers_it(tmp_path: Path) -> None:
    cloud = Cloud(tmp_path).start()
    edge = Edge(tmp_path)
    config = tmp_path / "till" / "till.json"
    try:
        # a store code no other test advertises (zeroconf would probe for a new name)
        edge.enroll(cloud.url, "T7", cloud.add_store("T7"))
        edge.start()
        look = ("--interface", "127.0.0.1", "--timeout", "2", "--store", "T7")

        def found() -> str:
            run = pos(config, *look, "--register", "5", "--till-name", "Lane 5")
            return run.stdout if run.returncode == 0 else ""

        out = wait_for(found, 30, 0)  # browse again while parallel tests crowd the loopback
        assert f"node T7 Store T7 at {edge.url}" in out
        assert "till register 5 (Lane 5): not enrolled" in out
        assert stat.S_IMODE(config.stat().st_mode) == 0o600
        saved = json.loads(config.read_text())
        assert (saved["node_url"], saved["store"], saved["register"]) == (edge.url, "T7", "5")
        again = pos(config)  # no mDNS options: the remembered node, no browsing
        assert again.returncode == 0, again.stderr
        assert f"node T7 Store T7 at {edge.url}" in again.stdout
        edge.stop()  # the node away: the till still starts, with what it remembers
        lost = pos(config)
        assert lost.returncode == 1
        assert f"node T7 Store T7 at {edge.url}: NODE LOST" in lost.stdout
    finally:
        edge.stop()
        cloud.stop()


def test_the_cashier_picks_among_the_nodes_seen_and_the_choice_is_kept(tmp_path: Path) -> None:
    port = free_port()
    ad = NodeAd("T8", "Store T8", f"http://127.0.0.1:{port}", f"http://127.0.0.1:{port}/picker")
    zc = advertise(ad, "127.0.0.1", port)
    path = tmp_path / "till.json"
    seen: list[list[NodeAd]] = []

    def ask(found: list[NodeAd]) -> NodeAd | None:
        seen.append(found)
        return next((a for a in found if a.store == "T8"), None)

    try:
        chosen = wait_for(
            lambda: till_config.choose_node(path, ask, timeout_s=2, interface="127.0.0.1"), 20, 0
        )
    finally:
        zc.unregister_all_services()
        zc.close()
    assert ad in seen[-1]  # the cashier was shown what was found
    assert (chosen.node_url, chosen.store, chosen.enrolled) == (ad.url, "T8", False)
    assert till_config.load(path) == chosen
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
