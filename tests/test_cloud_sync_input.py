"""Bad input on the sync API (SQLite and PostgreSQL): every refusal is a 4xx with the SPEC §4
error shape and changes nothing; plus the transport rules (gzip both ways, `Date`, keys)."""

from __future__ import annotations

import gzip
import json
from typing import Any

import pytest

from cloud.services.enrolment import reset_store
from shared.signing import generate_private_key, public_key_to_text
from tests.cloud_fixtures import PULL, PUSH, CloudUnderTest, push, sale_event

ENROLL = "/api/v1/sync/enroll"
VALID_KEY = public_key_to_text(generate_private_key().public_key())


def _events(**changes: Any) -> dict[str, Any]:
    return {"clock_offset_s": 0, "events": [sale_event("S1") | changes]}


SIGNED_BAD = [
    # method, path, query, raw body (None: no body), status, code
    ("POST", PUSH, "", b"{", 400, "malformed_json"),
    ("POST", PUSH, "", b"[]", 422, "validation_error"),
    ("POST", PUSH, "", json.dumps({"events": "nope"}).encode(), 422, "validation_error"),
    ("POST", PUSH, "", json.dumps({"events": [], "x": 1}).encode(), 422, "validation_error"),
    (
        "POST",
        PUSH,
        "",
        json.dumps({"clock_offset_s": "1", "events": []}).encode(),
        422,
        "validation_error",
    ),
    ("POST", PUSH, "", json.dumps(_events(kind="refund")).encode(), 422, "validation_error"),
    ("POST", PUSH, "", json.dumps(_events(id="not-a-uuid")).encode(), 422, "validation_error"),
    ("POST", PUSH, "", json.dumps(_events(occurred_at="soon")).encode(), 422, "validation_error"),
    (
        "POST",
        PUSH,
        "",
        json.dumps({"events": [sale_event("S1")] * 501}).encode(),
        422,
        "validation_error",
    ),
    ("POST", PUSH, "", b" " * 21_000_000, 413, "payload_too_large"),
    ("GET", PULL, "limit=0", None, 400, "bad_limit"),
    ("GET", PULL, "limit=1001", None, 400, "bad_limit"),
    ("GET", PULL, "limit=ten", None, 400, "bad_limit"),
    ("GET", PULL, "since=c1", None, 400, "bad_cursor"),
    ("GET", PULL, "since=c-1.s0", None, 400, "bad_cursor"),
    ("GET", "/api/v1/sync/sales", "", None, 400, "missing_receipt_no"),
    ("GET", "/api/v1/sync/sales", "receipt_no=S1-1-404", None, 404, "unknown_sale"),
    ("GET", "/api/v1/sync/sales/nope", "", None, 404, "unknown_sale"),
    ("GET", "/api/v1/sync/nothing", "", None, 404, "not_found"),
    ("DELETE", PULL, "", None, 405, "method_not_allowed"),
]


@pytest.mark.parametrize(
    ("method", "path", "query", "raw", "status", "code"),
    SIGNED_BAD,
    ids=[f"{m} {p.rsplit('/', 1)[1]} {q[:12]} {c}" for m, p, q, _, s, c in SIGNED_BAD],
)
def test_bad_signed_requests_are_4xx_and_change_nothing(
    cloud: CloudUnderTest,
    method: str,
    path: str,
    query: str,
    raw: bytes | None,
    status: int,
    code: str,
) -> None:
    node = cloud.node("S1")
    before = cloud.counts()
    body = None if raw is None else gzip.compress(raw, 1)
    answer = node.request(method, path, query=query, raw=body)
    assert answer.status_code == status, answer.get_data(as_text=True)
    error = answer.get_json()["error"]
    assert error["code"] == code and error["message"]
    assert cloud.counts() == before


@pytest.mark.parametrize(
    ("raw", "code"),
    [(b"not gzip at all", "bad_encoding"), (gzip.compress(b'{"events": []}')[:-9], "bad_encoding")],
    ids=["not-gzip", "truncated-gzip"],
)
def test_a_body_that_is_not_gzip_is_400(cloud: CloudUnderTest, raw: bytes, code: str) -> None:
    node = cloud.node("S1")
    answer = node.request("POST", PUSH, raw=raw)
    assert answer.status_code == 400 and answer.get_json()["error"]["code"] == code


MISSING = object()
ENROLL_BAD = [
    # body changes (MISSING drops the field) or raw bytes, status, code
    ({"token": "en_wrong"}, 401, "bad_enrollment_token"),
    ({"store": "S2"}, 401, "bad_enrollment_token"),
    ({"public_key": "!" * 43}, 422, "validation_error"),  # the schema states the pattern
    ({"public_key": 5}, 422, "validation_error"),
    ({"token": MISSING}, 422, "validation_error"),
    ({"extra": True}, 422, "validation_error"),
    ({"store": "bad store"}, 422, "validation_error"),
    (b'{"store": ', 400, "malformed_json"),
]


@pytest.mark.parametrize(
    ("changes", "status", "code"),
    ENROLL_BAD,
    ids=[f"{n}-{c}" for n, (*_, c) in enumerate(ENROLL_BAD)],
)
def test_bad_enrolments_are_refused_and_the_token_stays_usable(
    cloud: CloudUnderTest, changes: dict[str, Any] | bytes, status: int, code: str
) -> None:
    token = cloud.add_store("S1")
    good = {"store": "S1", "token": token, "public_key": VALID_KEY}
    if isinstance(changes, bytes):
        data = changes
    else:
        merged = good | changes
        data = json.dumps({k: v for k, v in merged.items() if v is not MISSING}).encode()
    before = cloud.counts()
    answer = cloud.client.post(ENROLL, data=data, content_type="application/json")
    assert answer.status_code == status and answer.get_json()["error"]["code"] == code
    assert cloud.counts() == before
    assert cloud.client.post(ENROLL, json=good).status_code == 201


def test_re_enrolment_needs_a_reset_and_then_replaces_the_key(cloud: CloudUnderTest) -> None:
    old = cloud.node("S1")
    again = {"store": "S1", "token": cloud.add_store("S1"), "public_key": VALID_KEY}
    before = cloud.counts()
    refused = cloud.client.post(ENROLL, json=again)
    assert refused.status_code == 409 and refused.get_json()["error"]["code"] == "already_enrolled"
    assert cloud.counts() == before
    assert old.request("GET", PULL).status_code == 200
    with cloud.engine.begin() as conn:
        reset_store(conn, "S1")
    new = cloud.node("S1")
    assert new.keyid != old.keyid
    assert new.request("GET", PULL).status_code == 200
    refused = old.request("GET", PULL)
    assert refused.status_code == 401 and refused.get_json()["error"]["code"] == "unknown_key"


def test_answers_carry_date_and_big_ones_travel_gzipped(cloud: CloudUnderTest) -> None:
    node = cloud.node("S1")
    for n in range(30):
        cloud.product(f"P{n}")
    plain = node.request("GET", PULL)
    assert plain.headers.get("Date") and "Content-Encoding" not in plain.headers
    signed = node.request("GET", PULL, headers={"Accept-Encoding": "gzip"})
    assert signed.headers["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(signed.get_data()))["changes"]
    refused = node.client.get(PULL)
    assert refused.status_code == 401 and refused.headers.get("Date")


def test_an_uncompressed_push_is_accepted(cloud: CloudUnderTest) -> None:
    node = cloud.node("S1")
    raw = json.dumps({"clock_offset_s": 0, "events": [sale_event("S1")]}).encode()
    answer = node.request("POST", PUSH, raw=raw, headers={"Content-Encoding": "identity"})
    assert answer.status_code == 200 and answer.get_json()["results"][0]["status"] == "accepted"


def test_strangers_learn_nothing_from_validation(cloud: CloudUnderTest) -> None:
    """Authentication comes before the body is read: no token and a bad body is 401."""
    for path, method in [
        ("/api/v1/products/X", "PUT"),
        ("/api/v1/stores/S1/stock-movements", "POST"),
    ]:
        answer = cloud.client.open(path, method=method, data=b"{")
        assert answer.status_code == 401, answer.get_json()
        answer = cloud.client.open(path, method=method, data=b"{", headers=cloud.readonly)
        assert answer.status_code == 403, answer.get_json()
    answer = cloud.client.post(PUSH, data=b"{", headers={"Content-Encoding": "gzip"})
    assert answer.get_json()["error"]["code"] == "missing_signature"
    assert push(cloud.node("S1")) == []
