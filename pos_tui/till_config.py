"""A remote till's own small config file (mode 0600): the node it chose, its register and
name, whether it is enrolled, its printer. Written when the cashier picks a node (found by
mDNS or given with `--node`) and after the manager enrols the till, read at every start."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from edge.discovery import NodeAd, discover
from shared.files import private_dir

Ask = Callable[[list[NodeAd]], NodeAd | None]


@dataclass(frozen=True)
class TillConfig:
    node_url: str = ""
    store: str = ""
    store_name: str = ""  # the node's name and currency as last seen, to start without it
    currency: str = ""
    register: str = "1"
    name: str = ""
    enrolled: bool = False
    printer: str = "dummy"


def default_path() -> Path:
    """`$XDG_CONFIG_HOME/omnistore/till.json` (else `~/.config/...`)."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "omnistore" / "till.json"


def load(path: Path) -> TillConfig:
    """The saved config, or the defaults for a till never started."""
    if not path.exists():
        return TillConfig()
    data = json.loads(path.read_text())
    known = set(TillConfig.__dataclass_fields__)
    return TillConfig(**{k: v for k, v in data.items() if k in known})


def save(path: Path, config: TillConfig) -> None:
    """Atomically, readable by this user only."""
    private_dir(path.parent)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(json.dumps(asdict(config), indent=2) + "\n")
    os.chmod(tmp, 0o600)
    tmp.replace(path)


def choose_node(
    path: Path,
    ask: Ask,
    *,
    timeout_s: float = 3.0,
    interface: str | None = None,
    store: str | None = None,
) -> TillConfig | None:
    """Browse the LAN for nodes, let the cashier pick one (`ask`), remember it. Given the
    store, its one node is taken without asking. A node other than the one remembered
    starts a new enrolment."""
    found = [ad for ad in discover(timeout_s, interface) if store in (None, ad.store)]
    if store is not None and len(found) == 1:
        return remember(path, found[0].url, found[0].store)
    chosen = ask(found) if found else None
    if chosen is None:
        return None
    return remember(path, chosen.url, chosen.store)


def remember(path: Path, node_url: str, store: str) -> TillConfig:
    """Keep the node this till works with (a new node: enrol again)."""
    config = load(path)
    if config.node_url.rstrip("/") != node_url.rstrip("/"):
        config = replace(config, node_url=node_url.rstrip("/"), store=store, enrolled=False)
    save(path, config)
    return config
