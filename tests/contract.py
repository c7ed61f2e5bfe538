"""The API contract run: each app served on loopback by a real WSGI server in a thread, and
`st run --checks all` (every phase, stateful included, a fixed seed and a bounded number of
examples) against its own `/api/v1/openapi.json`, as an integrator would run it.

`python -m tests.contract cloud|node` runs one by hand and prints schemathesis's report."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from flask import Flask
from werkzeug.serving import BaseWSGIServer, make_server

ROOT = Path(__file__).resolve().parent.parent
SEED = 20261201
MAX_EXAMPLES = int(os.environ.get("OMNISTORE_CONTRACT_EXAMPLES", "25"))


@dataclass
class Run:
    returncode: int
    output: str
    seconds: float


@contextmanager
def serving(app: Flask) -> Iterator[str]:
    """The app on 127.0.0.1:<free port>, threaded, until the block ends."""
    server: BaseWSGIServer = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(5)


def cloud_app() -> tuple[Flask, dict[str, str]]:
    """A fresh cloud with store S1, a few products and an `hq` token."""
    from cloud.app import create_app
    from cloud.services import catalog, stock
    from cloud.services.tokens import create_api_token, create_store
    from shared.ids import new_id
    from shared.models import ProductIn, StockMovementIn

    db = Path(tempfile.mkdtemp(prefix="omnistore-contract-")) / "cloud.db"
    # The rate limit is tested on its own (tests/test_cloud_rate_limit.py); here it would only
    # turn part of the run into 429s.
    config = {"TESTING": True, "HQ_RATE_PER_S": 1e6, "HQ_RATE_BURST": 1_000_000}
    app = create_app(str(db), config=config)
    with app.extensions["omnistore_engine"].begin() as conn:
        token = create_api_token(conn, "contract", "hq")
        create_store(conn, "S1", "Store 1")
        for sku in ("MILK", "BREAD"):
            catalog.put_product(conn, sku, ProductIn(name=sku, price=100, vat_rate_bp=700))
            receipt = StockMovementIn(id=new_id(), sku=sku, delta=1000, reason="receipt")
            stock.post_movement(conn, "S1", receipt)
    return app, {"OMNISTORE_CONTRACT_TOKEN": token}


def node_app() -> tuple[Flask, dict[str, str]]:
    """A node of store S1 with the usual test catalogue and a manager."""
    from edge import node, staff
    from edge.storage.db import open_db
    from edge.web.app import create_app
    from shared.signing import generate_private_key
    from tests.edge_fixtures import MANAGER, seed

    data = Path(tempfile.mkdtemp(prefix="omnistore-contract-node-"))
    node.save_key(data, generate_private_key())
    config = node.NodeConfig(store="S1", name="S1", cloud_url="http://127.0.0.1:9", keyid="k")
    node.save(data, config)
    db = open_db(node.db_path(data))
    seed(db)
    staff.add_staff(db, MANAGER[0], "manager", MANAGER[1])
    db.close()
    env = {"OMNISTORE_CONTRACT_USER": MANAGER[0], "OMNISTORE_CONTRACT_PIN": MANAGER[1]}
    return create_app(data), env


def run(kind: str, max_examples: int = MAX_EXAMPLES, extra: tuple[str, ...] = ()) -> Run:
    """Serve one app and run schemathesis against it; the whole report comes back."""
    app, env = cloud_app() if kind == "cloud" else node_app()
    with serving(app) as url:
        started = time.monotonic()
        answer = subprocess.run(
            [
                str(Path(sys.executable).parent / "st"),
                "--config-file",
                str(ROOT / "tests" / f"schemathesis-{kind}.toml"),
                "run",
                f"{url}/api/v1/openapi.json",
                "--checks",
                "all",
                "--phases",
                "examples,coverage,fuzzing,stateful",
                "--seed",
                str(SEED),
                "--max-examples",
                str(max_examples),
                "--workers",
                "1",
                "--generation-database",
                "none",
                "--no-color",
                *extra,
            ],
            env={
                **os.environ,
                **env,
                "SCHEMATHESIS_HOOKS": "tests.contract_hooks",
                "OMNISTORE_CONTRACT_MODE": kind,
                "OMNISTORE_CONTRACT_URL": url,
                "PYTHONPATH": str(ROOT),
            },
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
        )
        seconds = time.monotonic() - started
    return Run(answer.returncode, answer.stdout + answer.stderr, seconds)


if __name__ == "__main__":
    result = run(sys.argv[1], extra=tuple(sys.argv[2:]))
    print(result.output)
    print(f"exit {result.returncode} after {result.seconds:.1f} s")
    sys.exit(result.returncode)
