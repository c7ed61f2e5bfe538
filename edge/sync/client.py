"""The node's HTTP client for the cloud's sync API: signs every request (RFC 9421), sends
gzip bodies, and learns the clock offset from each answer's `Date` header."""

from __future__ import annotations

import gzip
import json
import logging
import time
import uuid
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlencode

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from shared.signing import new_nonce, sign_request

TIMEOUT = httpx.Timeout(15.0, connect=3.0)
log = logging.getLogger("omnistore.edge.sync")


class CloudUnavailable(Exception):
    """The cloud could not be reached or failed (5xx): retry the whole batch later."""


class CloudRefused(Exception):
    """The cloud answered 4xx to a sync request: a problem to show, not to hammer."""

    def __init__(self, status: int, code: str, message: str, offset_s: float | None) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.offset_s = offset_s


@dataclass
class Answer:
    """A decoded JSON answer and the offset (cloud − device, seconds) measured with it."""

    status: int
    data: Any
    offset_s: float | None


class CloudClient:
    """One signed conversation with the cloud; thread-confined (one per sync thread)."""

    def __init__(
        self, base_url: str, keyid: str, key: Ed25519PrivateKey, *, timeout: Any = TIMEOUT
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.keyid = keyid
        self.key = key
        self.http = httpx.Client(timeout=timeout, headers={"User-Agent": "omnistore-edge"})

    def close(self) -> None:
        """Release the connection pool."""
        self.http.close()

    def call(
        self,
        method: str,
        path: str,
        *,
        offset_s: float,
        params: dict[str, str] | None = None,
        body: Any = None,
        extra: dict[str, str] | None = None,
    ) -> Answer:
        """Sign and send one request with time corrected by `offset_s`; `extra` headers are
        sent unsigned (what the node reports about itself, for HQ's fleet page)."""
        url = httpx.URL(self.base_url + path)
        query = urlencode(params or {})
        content = gzip.compress(json.dumps(body).encode(), 5) if body is not None else b""
        created = int(time.time() + offset_s)
        headers = sign_request(
            self.key, self.keyid, method, url.path, query, content, created, new_nonce()
        )
        if body is not None:
            headers |= {"Content-Type": "application/json", "Content-Encoding": "gzip"}
        request_id = uuid.uuid4().hex
        headers |= extra or {}
        headers["X-Request-Id"] = request_id  # the cloud logs it: one push, followed across
        sent = time.time()
        try:
            response = self.http.request(
                method,
                url.copy_with(query=query.encode() or None),
                content=content,
                headers=headers,
            )
        except httpx.HTTPError as exc:
            log.info("cloud call failed", extra={"request_id": request_id, "path": url.path})
            raise CloudUnavailable(f"{type(exc).__name__}: {exc}") from exc
        log.info(
            "cloud call",
            extra={"request_id": request_id, "path": url.path, "status": response.status_code},
        )
        offset = _measured_offset(response, sent, time.time())
        return _decode(response, offset)


def _measured_offset(response: httpx.Response, sent: float, received: float) -> float | None:
    """Cloud time minus device time; `Date` has whole seconds, so aim at the middle of it."""
    header = response.headers.get("Date")
    if not header:
        return None
    try:
        server = parsedate_to_datetime(header).timestamp() + 0.5
    except (TypeError, ValueError):
        return None
    return server - (sent + received) / 2


def _decode(response: httpx.Response, offset: float | None) -> Answer:
    if response.status_code >= 500:
        raise CloudUnavailable(f"cloud answered {response.status_code}")
    try:
        data = response.json()
    except ValueError as exc:
        raise CloudUnavailable(f"cloud answered {response.status_code} without JSON") from exc
    if response.status_code >= 400:
        error = data.get("error", {}) if isinstance(data, dict) else {}
        raise CloudRefused(
            response.status_code,
            str(error.get("code", "error")),
            str(error.get("message", "")),
            offset,
        )
    return Answer(response.status_code, data, offset)
