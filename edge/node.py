"""A node's identity and files in its data dir: node.json, node_key.pem (0600), edge.db."""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from shared.errors import OmnistoreError
from shared.files import private_dir
from shared.signing import private_key_from_pem, private_key_to_pem

CONFIG_FILE = "node.json"
KEY_FILE = "node_key.pem"
DB_FILE = "edge.db"


@dataclass(frozen=True)
class NodeConfig:
    """What enrolment established: which store this node is and where its cloud is."""

    store: str
    name: str
    cloud_url: str
    keyid: str
    currency: str = "EUR"
    printer: str = "dummy"


class NotEnrolled(OmnistoreError):
    status = 409


def db_path(data_dir: Path) -> Path:
    """Where the node's SQLite database lives."""
    return data_dir / DB_FILE


def load(data_dir: Path) -> NodeConfig:
    """Read node.json; a data dir that was never enrolled is a clear error."""
    path = data_dir / CONFIG_FILE
    if not path.exists():
        raise NotEnrolled(
            "not_enrolled", f"{data_dir} holds no enrolled node: run `omnistore edge enroll` first"
        )
    data = json.loads(path.read_text())
    known = set(NodeConfig.__dataclass_fields__)
    return NodeConfig(**{k: v for k, v in data.items() if k in known})


def save(data_dir: Path, config: NodeConfig) -> None:
    """Write node.json atomically, readable by the node's user only."""
    private_dir(data_dir)
    tmp = data_dir / (CONFIG_FILE + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(json.dumps(asdict(config), indent=2) + "\n")
    os.chmod(tmp, 0o600)
    tmp.replace(data_dir / CONFIG_FILE)


def save_key(data_dir: Path, key: Ed25519PrivateKey) -> None:
    """The private key never leaves the data dir and only its owner may read it."""
    private_dir(data_dir)
    path = data_dir / KEY_FILE
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(private_key_to_pem(key))
    os.chmod(path, 0o600)


def load_key(data_dir: Path) -> Ed25519PrivateKey:
    """The node's signing key."""
    return private_key_from_pem((data_dir / KEY_FILE).read_bytes())


def web_secret(data_dir: Path) -> bytes:
    """The key that signs picker-page session cookies; made once, readable by the owner only."""
    path = data_dir / "web_secret"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(32))
    return path.read_bytes()
