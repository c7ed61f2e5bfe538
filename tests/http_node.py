"""A store node as the cloud sees it, over real HTTP: enrols with a token and signs every
request (RFC 9421) with its own key. For tests that play a misbehaving or stolen store key
against a real `omnistore cloud serve` process."""

from __future__ import annotations

import gzip
import json
import time
from dataclasses import dataclass
from typing import Any

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from shared.signing import generate_private_key, new_nonce, public_key_to_text, sign_request

ENROLL, PUSH, PULL = "/api/v1/sync/enroll", "/api/v1/sync/push", "/api/v1/sync/pull"


def enroll(
    url: str, store: str, token: str, key: Ed25519PrivateKey | None = None
) -> httpx.Response:
    """POST /sync/enroll with a fresh (or the given) key."""
    key = key or generate_private_key()
    body = {"store": store, "token": token, "public_key": public_key_to_text(key.public_key())}
    return httpx.post(url + ENROLL, json=body, timeout=30)


@dataclass
class HttpNode:
    url: str
    store: str
    keyid: str
    key: Ed25519PrivateKey

    @classmethod
    def enrolled(cls, url: str, store: str, token: str) -> HttpNode:
        key = generate_private_key()
        answer = enroll(url, store, token, key)
        assert answer.status_code == 201, answer.text
        return cls(url, store, answer.json()["keyid"], key)

    def request(
        self, method: str, path: str, body: Any = None, query: str = "", raw: bytes | None = None
    ) -> httpx.Response:
        """Sign and send; a body travels as gzipped JSON unless `raw` gives the bytes."""
        content = raw if raw is not None else b""
        if body is not None:
            content = gzip.compress(json.dumps(body).encode())
        headers = sign_request(
            self.key, self.keyid, method, path, query, content, int(time.time()), new_nonce()
        )
        if body is not None or raw is not None:
            headers |= {"Content-Encoding": "gzip", "Content-Type": "application/json"}
        target = self.url + path + (f"?{query}" if query else "")
        return httpx.request(method, target, content=content, headers=headers, timeout=60)

    def push(self, *events: Any) -> list[dict[str, Any]]:
        """Push a batch; the answer must be 200; the per-event results."""
        answer = self.request("POST", PUSH, {"clock_offset_s": 0, "events": list(events)})
        assert answer.status_code == 200, answer.text
        return list(answer.json()["results"])
