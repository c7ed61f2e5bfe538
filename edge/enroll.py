"""Enrolment: the node makes its Ed25519 key pair and registers the public half with the
cloud using HQ's one-time token."""

from __future__ import annotations

from pathlib import Path

import httpx

from edge import node
from edge.storage.db import open_db
from shared.errors import OmnistoreError
from shared.models import EnrollOut
from shared.signing import generate_private_key, public_key_to_text

ENROLL_PATH = "/api/v1/sync/enroll"


def enroll(data_dir: Path, cloud_url: str, store: str, token: str) -> node.NodeConfig:
    """Enrol once; the private key stays in the data dir with mode 0600."""
    key = generate_private_key()
    body = {"store": store, "token": token, "public_key": public_key_to_text(key.public_key())}
    try:
        response = httpx.post(cloud_url.rstrip("/") + ENROLL_PATH, json=body, timeout=15)
    except httpx.HTTPError as exc:
        raise OmnistoreError("cloud_unreachable", f"cannot reach {cloud_url}: {exc}") from exc
    if response.status_code != 201:
        try:
            error = response.json()["error"]
            code, message = str(error["code"]), str(error["message"])
        except (ValueError, KeyError, TypeError):
            code, message = "enrollment_failed", response.text[:200]
        raise OmnistoreError(code, f"enrolment refused ({response.status_code}): {message}")
    answer = EnrollOut.model_validate(response.json())
    config = node.NodeConfig(
        store=answer.store,
        name=answer.name,
        cloud_url=cloud_url.rstrip("/"),
        keyid=answer.keyid,
        currency=answer.currency,
    )
    node.save_key(data_dir, key)
    node.save(data_dir, config)
    open_db(node.db_path(data_dir)).close()
    return config
