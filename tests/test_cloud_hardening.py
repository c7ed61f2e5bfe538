"""Odd input that used to crash cloud workers, tried again over real HTTP against a real
`omnistore cloud serve`: every answer is a 4xx with the error shape, never a 500."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.harness import Cloud

DEEP = b"[" * 50_000 + b"]" * 50_000
DEEP_OBJECT = b'{"a":' * 20_000 + b"1" + b"}" * 20_000


@pytest.fixture(scope="module")
def cloud(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cloud]:
    running = Cloud(Path(tmp_path_factory.mktemp("cloud-hardening"))).start()
    try:
        yield running
    finally:
        running.stop()


@pytest.mark.parametrize("body", [DEEP, DEEP_OBJECT], ids=["array", "object"])
@pytest.mark.parametrize(
    ("method", "path", "auth"),
    [
        ("POST", "/api/v1/sync/enroll", False),
        ("PUT", "/api/v1/products/X", True),
        ("POST", "/api/v1/orders", True),
    ],
)
def test_deeply_nested_json_is_400(
    cloud: Cloud, method: str, path: str, auth: bool, body: bytes
) -> None:
    headers = {"Content-Type": "application/json"}
    if auth:
        headers["Authorization"] = f"Bearer {cloud.hq_token}"
    answer = httpx.request(method, cloud.url + path, content=body, headers=headers, timeout=30)
    assert answer.status_code == 400, answer.text
    assert answer.json()["error"]["code"] == "malformed_json"


@pytest.mark.parametrize("limit", ["%C2%B2", "%EF%BC%91", "0", "1001", "-1", "1e3"])
def test_limits_that_are_not_plain_digits_are_400(cloud: Cloud, limit: str) -> None:
    answer = httpx.get(
        f"{cloud.url}/api/v1/products?limit={limit}",
        headers={"Authorization": f"Bearer {cloud.hq_token}"},
    )
    assert answer.status_code == 400, answer.text
    assert answer.json()["error"]["code"] == "bad_limit"


def test_a_wrong_method_is_405_with_allow(cloud: Cloud) -> None:
    answer = httpx.delete(f"{cloud.url}/api/v1/products/X")
    assert answer.status_code == 405
    assert set(answer.headers["Allow"].replace(" ", "").split(",")) >= {"GET", "PUT"}
    assert answer.json()["error"]["code"] == "method_not_allowed"
