"""Schemathesis fuzzes the node's lane API from its own OpenAPI document, as it does the
cloud's: whatever it sends, no answer is a 5xx (but the documented 503 `cloud_unavailable`
of the routes that need the cloud, which this node cannot reach), and every refusal has the
error shape. Each
case runs with a fresh manager session (the manager may call every lane route), so a fuzzed
sign-out does not end the run's credentials."""

from __future__ import annotations

import hashlib
import secrets
import tempfile
import time
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings

from edge import node, staff
from edge.storage import staff as staff_rows
from edge.storage.db import open_db, write
from edge.web.app import create_app
from shared.signing import generate_private_key
from tests.edge_fixtures import MANAGER, seed

_DIR = Path(tempfile.mkdtemp(prefix="omnistore-node-fuzz-"))
node.save_key(_DIR, generate_private_key())
node.save(_DIR, node.NodeConfig(store="S1", name="S1", cloud_url="http://127.0.0.1:9", keyid="k"))
_DB = open_db(node.db_path(_DIR))
seed(_DB)
staff.add_staff(_DB, MANAGER[0], "manager", MANAGER[1])
APP = create_app(_DIR)
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", APP)


def _session() -> str:
    token = "ss_" + secrets.token_urlsafe(24)
    row = staff_rows.SessionRow(MANAGER[0], "manager", "1", time.time() + 3600)
    with write(_DB):
        staff_rows.insert_session(_DB, hashlib.sha256(token.encode()).hexdigest(), row)
    return token


@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_no_input_produces_a_5xx(case: schemathesis.Case) -> None:
    case.headers = {**(case.headers or {}), "Authorization": f"Bearer {_session()}"}
    response = case.call()
    if response.status_code == 503:  # this node's cloud is away (127.0.0.1:9): documented
        assert response.json()["error"]["code"] == "cloud_unavailable", response.text
        return
    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        error = response.json()["error"]
        assert error["code"] and error["message"]
