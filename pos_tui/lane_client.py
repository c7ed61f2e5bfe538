"""The remote till's HTTP client for the node's lane API: the node's refusals come back as
the same `OmnistoreError` classes the edge services raise (so the UI handles both backends
alike), and a node that cannot be reached is `NodeLost`, which the till shows at once."""

from __future__ import annotations

import threading
from typing import Any
from urllib.parse import quote

import httpx

from shared.errors import (
    BadRequest,
    Conflict,
    Forbidden,
    NotFound,
    OmnistoreError,
    ServiceUnavailable,
    TooManyRequests,
    Unauthorized,
    Unprocessable,
)

ERROR_CLASSES: dict[int, type[OmnistoreError]] = {
    400: BadRequest,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    422: Unprocessable,
    429: TooManyRequests,
    503: ServiceUnavailable,
}
TIMEOUT = httpx.Timeout(10.0, connect=2.0)


class NodeLost(OmnistoreError):
    """The node did not answer: nothing was recorded by this call as far as the till knows
    (a sale is sent again with the same id when the node is back, so it is never twice)."""

    status = 503


def segment(value: str) -> str:
    """A path segment, escaped (a typed SKU may hold anything)."""
    return quote(value, safe="")


class LaneClient:
    """One node, one session token at a time; `online` says whether the last call got an
    answer (any answer: a refusal is an answer)."""

    def __init__(self, url: str, *, timeout: httpx.Timeout = TIMEOUT) -> None:
        self.url = url.rstrip("/")
        self.http = httpx.Client(base_url=self.url + "/api/v1", timeout=timeout)
        self.token: str | None = None
        self.online = True
        self.lost_reason = ""
        self._lock = threading.Lock()

    def call(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        params: dict[str, Any] | None = None,
        token: str | None = None,
        timeout: httpx.Timeout | None = None,
    ) -> Any:
        """The answer's JSON (None for 204); a refusal raises the node's error."""
        bearer = token or self.token
        headers = {"Authorization": f"Bearer {bearer}"} if bearer else {}
        try:
            answer = self.http.request(
                method,
                path,
                json=body,
                params=params,
                headers=headers,
                timeout=timeout or self.http.timeout,
            )
        except httpx.HTTPError as exc:
            self._lost(exc)
            raise NodeLost(
                "node_lost", f"the store node does not answer ({exc.__class__.__name__})"
            ) from exc
        except RuntimeError as exc:  # closed while a thread of the till was still polling
            if not self.http.is_closed:
                raise
            raise NodeLost("node_lost", "the till has closed its connection") from exc
        self.online = True
        if answer.status_code == 204:
            return None
        if answer.status_code >= 400:
            raise _refusal(answer)
        return answer.json()

    def _lost(self, exc: Exception) -> None:
        with self._lock:
            self.online = False
            self.lost_reason = str(exc) or exc.__class__.__name__

    def close(self) -> None:
        self.http.close()


def _refusal(answer: httpx.Response) -> OmnistoreError:
    """The node's error shape as the exception its service raised."""
    try:
        error = answer.json()["error"]
        code, message = str(error["code"]), str(error["message"])
    except (ValueError, KeyError, TypeError):
        code, message = "node_error", f"the node answered {answer.status_code}"
    kind = ERROR_CLASSES.get(answer.status_code, OmnistoreError)
    return kind(code, message, status=answer.status_code)
