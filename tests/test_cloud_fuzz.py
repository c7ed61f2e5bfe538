"""Schemathesis fuzzes the cloud API from its own OpenAPI document (invariant 7): whatever
it sends, no answer is a 5xx, and every refusal has the SPEC §4 error shape."""

from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings

from cloud.app import create_app
from cloud.services.tokens import create_api_token, create_store

_DB = Path(tempfile.mkdtemp(prefix="omnistore-fuzz-")) / "cloud.db"
APP = create_app(str(_DB), config={"HQ_RATE_PER_S": 1e6, "HQ_RATE_BURST": 1_000_000})
with APP.extensions["omnistore_engine"].begin() as _conn:
    TOKEN = create_api_token(_conn, "fuzz", "hq")
    create_store(_conn, "S1", "Store 1")
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", APP)


@schema.parametrize()
@settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_no_input_produces_a_5xx(case: schemathesis.Case) -> None:
    case.headers = {**(case.headers or {}), "Authorization": f"Bearer {TOKEN}"}
    response = case.call()
    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        error = response.json()["error"]
        assert error["code"] and error["message"]
