"""RFC 9421 request signing: what verifies, and every way a request is refused."""

from __future__ import annotations

import pytest

from shared.signing import (
    SignatureError,
    content_digest,
    generate_private_key,
    new_nonce,
    public_key_from_text,
    public_key_to_text,
    sign_request,
    signature_base,
    verify_request,
)

NOW = 1_800_000_000
KEY_A = generate_private_key()
KEY_B = generate_private_key()
KEYS = {"A.1": KEY_A.public_key(), "B.1": KEY_B.public_key()}
BODY = b'{"events": []}'


def signed(
    key=KEY_A,
    keyid="A.1",
    method="POST",
    path="/api/v1/sync/push",
    query="",
    body=BODY,
    created=NOW,
) -> dict[str, str]:
    return sign_request(key, keyid, method, path, query, body, created, new_nonce())


def verify(
    headers: dict[str, str], method="POST", path="/api/v1/sync/push", query="", body=BODY, now=NOW
):
    return verify_request(method, path, query, body, headers, KEYS.get, now)


def code_of(call) -> str:
    with pytest.raises(SignatureError) as info:
        call()
    return info.value.code


def test_a_signed_request_verifies() -> None:
    headers = signed(query="since=c1.s2")
    result = verify(headers, query="since=c1.s2")
    assert (result.keyid, result.created) == ("A.1", NOW)
    assert headers["Signature-Input"].startswith(
        'sig1=("@method" "@path" "@query" "content-digest");created='
    )
    assert 'alg="ed25519"' in headers["Signature-Input"]


def test_headers_are_case_insensitive() -> None:
    headers = {k.lower(): v for k, v in signed().items()}
    assert verify(headers).keyid == "A.1"


def test_tampered_body_is_refused() -> None:
    assert code_of(lambda: verify(signed(), body=BODY + b" ")) == "bad_digest"


def test_tampered_body_with_recomputed_digest_is_refused() -> None:
    other = b'{"events": [1]}'
    headers = signed() | {"Content-Digest": content_digest(other)}
    assert code_of(lambda: verify(headers, body=other)) == "bad_signature"


@pytest.mark.parametrize(
    "change",
    [{"method": "PUT"}, {"path": "/api/v1/sync/pull"}, {"query": "since=x"}],
)
def test_changed_request_line_is_refused(change: dict) -> None:
    assert code_of(lambda: verify(signed(), **change)) == "bad_signature"


@pytest.mark.parametrize("skew", [-301, 301, -86_400 * 3])
def test_stale_timestamps_are_refused(skew: int) -> None:
    assert code_of(lambda: verify(signed(created=NOW + skew))) == "stale_signature"


def test_within_five_minutes_is_fresh() -> None:
    assert verify(signed(created=NOW - 299)).created == NOW - 299


def test_unknown_key_is_refused() -> None:
    assert code_of(lambda: verify(signed(keyid="C.1"))) == "unknown_key"


def test_another_stores_key_is_refused() -> None:
    """B signs but claims to be A: A's public key does not verify B's signature."""
    assert code_of(lambda: verify(signed(key=KEY_B, keyid="A.1"))) == "bad_signature"


@pytest.mark.parametrize("missing", ["Signature", "Signature-Input", "Content-Digest"])
def test_missing_headers(missing: str) -> None:
    headers = signed()
    del headers[missing]
    assert code_of(lambda: verify(headers)) == "missing_signature"


@pytest.mark.parametrize(
    "bad_input",
    [
        'sig1=("@method" "@path");created=1;nonce="aaaaaaaaaaaaaaaaaaaa";keyid="A.1";alg="ed25519"',
        'sig1=("@method" "@path" "@query" "content-digest");created=1;keyid="A.1";alg="ed25519"',
        'sig1=("@method" "@path" "@query" "content-digest");created=1;nonce="aaaaaaaaaaaaaaaaaaaa";'
        'keyid="A.1";alg="rsa-pss-sha512"',
        'sig2=("@method" "@path" "@query" "content-digest");created=1;nonce="aaaaaaaaaaaaaaaaaaaa";'
        'keyid="A.1";alg="ed25519"',
        "garbage",
    ],
)
def test_malformed_signature_input(bad_input: str) -> None:
    headers = signed() | {"Signature-Input": bad_input}
    assert code_of(lambda: verify(headers)) == "malformed_signature"


def test_signature_base_is_rfc_9421_shaped() -> None:
    base = signature_base("post", "/p", "a=1", "sha-256=:X:", '("@method");created=1')
    assert base == (
        b'"@method": POST\n"@path": /p\n"@query": ?a=1\n"content-digest": sha-256=:X:\n'
        b'"@signature-params": ("@method");created=1'
    )
    assert signature_base("GET", "/p", "", "d", "x").splitlines()[2] == b'"@query": ?'


def test_public_key_text_round_trip() -> None:
    text = public_key_to_text(KEY_A.public_key())
    assert len(text) == 43
    assert public_key_to_text(public_key_from_text(text)) == text
    with pytest.raises(ValueError):
        public_key_from_text("tooshort")
