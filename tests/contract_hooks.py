"""Schemathesis hooks for the contract runs (`tests/test_api_contract.py`): credentials for
every operation that needs them. Loaded by `st run` through SCHEMATHESIS_HOOKS; the harness
passes what it seeded through the environment.

Cloud: every HQ operation gets the `hq` bearer token (the role that may call all of them).
Node: a manager session, signed in again whenever an answer is 401 (a fuzzed sign-out,
`DELETE /sessions/current`, ends the session the run was using)."""

from __future__ import annotations

import os
from typing import Any

import httpx
import schemathesis

MODE = os.environ.get("OMNISTORE_CONTRACT_MODE", "")


@schemathesis.auth(refresh_interval=300, retry_on=[401])
class Credentials:
    """The HQ token (cloud) or a manager session (node)."""

    def get(self, case: Any, context: Any) -> str:
        if MODE == "node":
            answer = httpx.post(
                os.environ["OMNISTORE_CONTRACT_URL"] + "/api/v1/sessions",
                json={
                    "name": os.environ["OMNISTORE_CONTRACT_USER"],
                    "pin": os.environ["OMNISTORE_CONTRACT_PIN"],
                },
                timeout=10,
            )
            answer.raise_for_status()
            token: str = answer.json()["token"]
            return token
        return os.environ["OMNISTORE_CONTRACT_TOKEN"]

    def set(self, case: Any, data: str, context: Any) -> None:
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}
