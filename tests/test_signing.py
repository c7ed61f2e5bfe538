"""RFC 9421 request signing with Ed25519: what verifies, and every way a request is refused."""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)
from werkzeug.datastructures import Headers
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from shared.signing import (
    COVERED,
    SignatureError,
    VerifiedRequest,
    content_digest,
    generate_private_key,
    new_nonce,
    private_key_from_pem,
    private_key_to_pem,
    public_key_from_text,
    public_key_to_text,
    sign_request,
    signature_base,
    verify_request,
)

NOW = 1_800_000_000
NONCE = "n0nce-Of_20-chars-x"
KEY_A = generate_private_key()
KEY_B = generate_private_key()
KEYS = {"A.1": KEY_A.public_key(), "B.1": KEY_B.public_key()}
BODY = b'{"events": []}'
PATH = "/api/v1/sync/push"
COMPONENTS = '("@method" "@path" "@query" "content-digest")'
GOOD_PARAMS = f'{COMPONENTS};created={NOW};nonce="{NONCE}";keyid="A.1";alg="ed25519"'


def signed(
    key: Ed25519PrivateKey = KEY_A,
    keyid: str = "A.1",
    method: str = "POST",
    path: str = PATH,
    query: str = "",
    body: bytes = BODY,
    created: int = NOW,
    nonce: str = NONCE,
) -> dict[str, str]:
    return sign_request(key, keyid, method, path, query, body, created, nonce)


def verify(
    headers: Any,
    method: str = "POST",
    path: str = PATH,
    query: str = "",
    body: bytes = BODY,
    now: int = NOW,
    max_skew_s: int = 300,
) -> VerifiedRequest:
    return verify_request(method, path, query, body, headers, KEYS.get, now, max_skew_s)


def code_of(call: Callable[[], object]) -> str:
    with pytest.raises(SignatureError) as info:
        call()
    assert info.value.message and str(info.value) == info.value.message
    return info.value.code


# --- what verifies ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "query", "body"),
    [
        ("POST", PATH, "", BODY),
        ("GET", "/api/v1/sync/pull", "since=c1.s2&limit=100", b""),
        ("post", PATH, "a=%20b", b"\x1f\x8b binary gzip-ish \x00\xff"),
        ("PUT", "/", "", b"x" * 100_000),
    ],
)
def test_a_signed_request_verifies(method: str, path: str, query: str, body: bytes) -> None:
    headers = signed(method=method, path=path, query=query, body=body)
    result = verify(headers, method=method, path=path, query=query, body=body)
    assert result == VerifiedRequest("A.1", NOW, NONCE)


def test_method_case_does_not_matter() -> None:
    assert verify(signed(method="post"), method="POST").keyid == "A.1"
    assert verify(signed(method="POST"), method="post").keyid == "A.1"


def test_signed_headers_are_exactly_rfc_9421_shaped() -> None:
    headers = signed()
    assert set(headers) == {"Content-Digest", "Signature-Input", "Signature"}
    assert headers["Content-Digest"] == content_digest(BODY)
    assert headers["Signature-Input"] == f"sig1={GOOD_PARAMS}"
    assert headers["Signature"].startswith("sig1=:") and headers["Signature"].endswith(":")
    assert len(base64.b64decode(headers["Signature"][6:-1], validate=True)) == 64


def test_signature_is_plain_ed25519_over_the_documented_base() -> None:
    """Independent of verify_request: the bytes signed are exactly the RFC 9421 base."""
    headers = signed(query="since=7")
    base = (
        '"@method": POST\n'
        f'"@path": {PATH}\n'
        '"@query": ?since=7\n'
        f'"content-digest": {content_digest(BODY)}\n'
        f'"@signature-params": {GOOD_PARAMS}'
    ).encode()
    KEY_A.public_key().verify(base64.b64decode(headers["Signature"][6:-1]), base)


def test_signature_base_literal() -> None:
    base = signature_base("post", "/p", "a=1&b=2", "sha-256=:X:", '("@method");created=1')
    assert base == (
        b'"@method": POST\n'
        b'"@path": /p\n'
        b'"@query": ?a=1&b=2\n'
        b'"content-digest": sha-256=:X:\n'
        b'"@signature-params": ("@method");created=1'
    )


def test_empty_query_is_a_lone_question_mark() -> None:
    lines = signature_base("GET", "/p", "", "d", "x").split(b"\n")
    assert lines[2] == b'"@query": ?'
    assert len(lines) == 5 and not lines[-1].endswith(b"\n")


@pytest.mark.parametrize(
    "args",
    [
        ("GET", "/p\n", "", "d", "x"),
        ("GET", "/p", "a\r\n", "d", "x"),
        ("GET", "/p", "", "d\n", "x"),
        ("GET", "/p", "", "d", 'x\n"@path": /q'),
    ],
)
def test_signature_base_refuses_line_breaks(args: tuple[str, str, str, str, str]) -> None:
    with pytest.raises(ValueError):
        signature_base(*args)


def test_covered_components() -> None:
    assert COVERED == ("@method", "@path", "@query", "content-digest")


@pytest.mark.parametrize(
    ("body", "digest"),
    [
        (b"", "sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:"),
        (
            b'{"hello": "world"}',
            "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:",
        ),  # RFC 9530
    ],
)
def test_content_digest(body: bytes, digest: str) -> None:
    assert content_digest(body) == digest


# --- header lookup ---------------------------------------------------------------------------


@pytest.mark.parametrize("rename", [str.lower, str.upper, str.swapcase, lambda name: name])
def test_headers_are_case_insensitive(rename: Callable[[str], str]) -> None:
    headers = {rename(k): v for k, v in signed().items()}
    assert verify(headers).keyid == "A.1"


def test_werkzeug_headers_are_accepted() -> None:
    assert verify(Headers(signed())).keyid == "A.1"
    environ = EnvironBuilder(path=PATH, method="POST", data=BODY, headers=signed()).get_environ()
    request = Request(environ)
    assert verify(request.headers).keyid == "A.1"


def test_other_headers_are_ignored() -> None:
    headers = signed() | {"Content-Type": "application/json", "Content-Encoding": "gzip"}
    assert verify(headers).keyid == "A.1"


def test_one_header_given_twice_with_different_values_is_refused() -> None:
    headers = signed() | {"signature": signed(nonce="another-nonce-16chars")["Signature"]}
    assert code_of(lambda: verify(headers)) == "malformed_signature"
    same_twice = signed() | {"signature": signed()["Signature"]}
    assert verify(same_twice).keyid == "A.1"


# --- what is refused -------------------------------------------------------------------------


def test_tampered_body_is_refused() -> None:
    assert code_of(lambda: verify(signed(), body=BODY + b" ")) == "bad_digest"
    assert code_of(lambda: verify(signed(), body=b"")) == "bad_digest"


@pytest.mark.parametrize(
    "digest",
    [
        "sha-512=:" + base64.b64encode(b"\0" * 64).decode() + ":",
        "sha-256=" + content_digest(BODY)[8:].strip(":"),
        "",
        content_digest(BODY).upper(),
    ],
)
def test_a_digest_header_that_does_not_match_is_refused(digest: str) -> None:
    assert code_of(lambda: verify(signed() | {"Content-Digest": digest})) == "bad_digest"


def test_tampered_body_with_a_matching_digest_is_refused() -> None:
    other = b'{"events": [1]}'
    headers = signed() | {"Content-Digest": content_digest(other)}
    assert code_of(lambda: verify(headers, body=other)) == "bad_signature"


@pytest.mark.parametrize(
    "change",
    [
        {"method": "PUT"},
        {"method": "GET"},
        {"path": "/api/v1/sync/pull"},
        {"path": PATH + "/"},
        {"query": "since=x"},
        {"query": "?"},
    ],
)
def test_changed_request_line_is_refused(change: dict[str, str]) -> None:
    assert code_of(lambda: verify(signed(), **change)) == "bad_signature"


def test_changed_query_of_a_request_with_a_query_is_refused() -> None:
    headers = signed(query="since=1")
    assert verify(headers, query="since=1").keyid == "A.1"
    assert code_of(lambda: verify(headers, query="since=2")) == "bad_signature"
    assert code_of(lambda: verify(headers, query="")) == "bad_signature"


def test_a_path_with_a_line_break_is_refused() -> None:
    assert code_of(lambda: verify(signed(), path=PATH + "\n")) == "bad_signature"


@pytest.mark.parametrize("skew", [-301, 301, -86_400 * 3, 86_400 * 3, -NOW])
def test_stale_timestamps_are_refused(skew: int) -> None:
    assert code_of(lambda: verify(signed(created=NOW + skew))) == "stale_signature"


@pytest.mark.parametrize("skew", [-300, -299, 0, 299, 300])
def test_within_five_minutes_is_fresh(skew: int) -> None:
    assert verify(signed(created=NOW + skew)).created == NOW + skew


def test_skew_limit_is_configurable() -> None:
    headers = signed(created=NOW - 30)
    assert verify(headers, max_skew_s=30).created == NOW - 30
    assert code_of(lambda: verify(headers, max_skew_s=29)) == "stale_signature"


def test_unknown_key_is_refused() -> None:
    assert code_of(lambda: verify(signed(keyid="C.1"))) == "unknown_key"


def test_another_stores_key_is_refused() -> None:
    """B signs but claims to be A: A's public key does not verify B's signature."""
    assert code_of(lambda: verify(signed(key=KEY_B, keyid="A.1"))) == "bad_signature"
    assert verify(signed(key=KEY_B, keyid="B.1")).keyid == "B.1"


def test_a_signature_copied_onto_other_params_is_refused() -> None:
    """Keyid and nonce are covered by the signature: they cannot be swapped afterwards."""
    original = signed()
    swapped = signed(nonce="a-different-nonce-x") | {"Signature": original["Signature"]}
    assert code_of(lambda: verify(swapped)) == "bad_signature"
    renamed = original | {"Signature-Input": original["Signature-Input"].replace("A.1", "B.1")}
    assert code_of(lambda: verify(renamed)) == "bad_signature"


@pytest.mark.parametrize(
    "missing",
    [
        ("Signature",),
        ("Signature-Input",),
        ("Content-Digest",),
        ("Signature", "Signature-Input", "Content-Digest"),
    ],
)
def test_missing_headers(missing: tuple[str, ...]) -> None:
    headers = signed()
    for name in missing:
        del headers[name]
    assert code_of(lambda: verify(headers)) == "missing_signature"


def input_with(**replace: str) -> str:
    params = {"created": str(NOW), "nonce": f'"{NONCE}"', "keyid": '"A.1"', "alg": '"ed25519"'}
    params.update(replace)
    return f"sig1={COMPONENTS}" + "".join(f";{k}={v}" for k, v in params.items() if v != "-")


@pytest.mark.parametrize(
    "bad_input",
    [
        "",
        "garbage",
        "sig1",
        f"sig1={COMPONENTS}",  # no parameters
        f'sig1=("@method" "@path");created={NOW};nonce="{NONCE}";keyid="A.1";alg="ed25519"',
        f'sig1=("@path" "@method" "@query" "content-digest");created={NOW};nonce="{NONCE}";'
        'keyid="A.1";alg="ed25519"',
        f'sig1=("@method" "@path" "@query" "content-digest" "content-type");created={NOW};'
        f'nonce="{NONCE}";keyid="A.1";alg="ed25519"',
        f'sig1=("@method"  "@path" "@query" "content-digest");created={NOW};nonce="{NONCE}";'
        'keyid="A.1";alg="ed25519"',
        f"sig2={GOOD_PARAMS}",
        f"sig1={GOOD_PARAMS}, sig2={GOOD_PARAMS}",
        f"sig1={GOOD_PARAMS};",
        f"sig1={GOOD_PARAMS};created={NOW}",  # a parameter twice
        f"sig1={GOOD_PARAMS};expires={NOW + 60}",  # a parameter we do not know
        input_with(created="-"),
        input_with(nonce="-"),
        input_with(keyid="-"),
        input_with(alg="-"),
        input_with(alg='"rsa-pss-sha512"'),
        input_with(alg='"ED25519"'),
        input_with(alg="ed25519"),  # a token, not a string
        input_with(created=f'"{NOW}"'),
        input_with(created="-5"),
        input_with(created="1.5"),
        input_with(created="9" * 16),
        input_with(created="١٢٣"),
        input_with(nonce=NONCE),  # unquoted
        input_with(nonce='"short-nonce"'),  # 11 characters
        input_with(nonce='"' + "x" * 15 + '"'),
        input_with(nonce='"' + "x" * 129 + '"'),
        input_with(nonce='"nonce with spaces ok?"'),
        input_with(nonce='"nonce+with/base64="'),
        input_with(keyid='""'),
        input_with(keyid="A"),
        input_with(keyid='"A 1"'),
        input_with(keyid='"' + "k" * 129 + '"'),
        input_with(keyid='"A\\"1"'),
        input_with(nonce=f'"{NONCE}', keyid='"A.1'),
    ],
)
def test_malformed_signature_input(bad_input: str) -> None:
    headers = signed() | {"Signature-Input": bad_input}
    assert code_of(lambda: verify(headers)) == "malformed_signature"


@pytest.mark.parametrize(
    "bad_signature",
    [
        "",
        "garbage",
        "sig1=",
        "sig1=::",
        "sig2=:" + base64.b64encode(b"\0" * 64).decode() + ":",
        "sig1=" + base64.b64encode(b"\0" * 64).decode(),
        "sig1=:" + base64.b64encode(b"\0" * 63).decode() + ":",  # too short for Ed25519
        "sig1=:" + base64.b64encode(b"\0" * 65).decode() + ":",
        "sig1=:" + base64.b64encode(b"\0" * 64).decode().rstrip("=") + ":",  # padding missing
        "sig1=:" + base64.urlsafe_b64encode(b"\xfb" * 64).decode() + ":",  # base64url, not std
        "sig1=:" + base64.b64encode(b"\0" * 64).decode() + ":, sig2=:AA==:",
    ],
)
def test_malformed_signature_header(bad_signature: str) -> None:
    headers = signed() | {"Signature": bad_signature}
    assert code_of(lambda: verify(headers)) == "malformed_signature"


def test_a_well_formed_but_wrong_signature_is_a_bad_signature() -> None:
    headers = signed() | {"Signature": "sig1=:" + base64.b64encode(b"\0" * 64).decode() + ":"}
    assert code_of(lambda: verify(headers)) == "bad_signature"


def test_surrounding_whitespace_is_tolerated() -> None:
    headers = {k: f"  {v} " for k, v in signed().items()}
    assert verify(headers).keyid == "A.1"


# ids are fixed: xdist workers must collect the same test names (generated values differ)
@pytest.mark.parametrize(
    "nonce",
    ["x" * 16, "y" * 128, "A-z_0-9" * 3, new_nonce()],
    ids=["16", "128", "alphabet", "generated"],
)
def test_nonce_limits_that_verify(nonce: str) -> None:
    assert verify(signed(nonce=nonce)).nonce == nonce


@pytest.mark.parametrize(
    ("headers", "kwargs", "code"),
    [
        # missing headers come before anything else
        ({"Signature": "garbage"}, {"now": 0, "body": b"x"}, "missing_signature"),
        # syntax before digest
        (signed() | {"Signature-Input": "garbage"}, {"body": b"x"}, "malformed_signature"),
        # digest before freshness
        (signed(created=0), {"body": b"x"}, "bad_digest"),
        # freshness before the key lookup
        (signed(keyid="C.1", created=0), {}, "stale_signature"),
        # key lookup before the signature check
        (signed(key=KEY_B, keyid="C.1"), {"path": "/elsewhere"}, "unknown_key"),
    ],
)
def test_checks_run_in_order(headers: Mapping[str, str], kwargs: dict[str, Any], code: str) -> None:
    assert code_of(lambda: verify(headers, **kwargs)) == code


def test_the_key_resolver_is_only_asked_about_well_formed_fresh_requests() -> None:
    asked: list[str] = []

    def resolve(keyid: str) -> Ed25519PublicKey | None:
        asked.append(keyid)
        return KEYS.get(keyid)

    for headers in (signed(created=0), signed() | {"Signature-Input": "garbage"}):
        with pytest.raises(SignatureError):
            verify_request("POST", PATH, "", BODY, headers, resolve, NOW)
    assert asked == []
    verify_request("POST", PATH, "", BODY, signed(), resolve, NOW)
    assert asked == ["A.1"]


def test_signature_error_carries_code_and_message() -> None:
    error = SignatureError("bad_digest", "Content-Digest does not match the body")
    assert (error.code, error.message) == ("bad_digest", "Content-Digest does not match the body")
    assert isinstance(error, Exception)


# --- keys and nonces -------------------------------------------------------------------------


def test_private_key_pem_round_trip() -> None:
    pem = private_key_to_pem(KEY_A)
    assert pem.startswith(b"-----BEGIN PRIVATE KEY-----")  # PKCS#8, unencrypted
    loaded = private_key_from_pem(pem)
    assert public_key_to_text(loaded.public_key()) == public_key_to_text(KEY_A.public_key())
    assert verify(signed(key=loaded)).keyid == "A.1"


@pytest.mark.parametrize(
    "pem",
    [
        b"",
        b"garbage",
        ec.generate_private_key(ec.SECP256R1()).private_bytes(
            Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()
        ),
        KEY_A.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo),
    ],
    ids=["empty", "garbage", "p256-key", "public-key"],
)
def test_private_key_from_pem_refuses_other_data(pem: bytes) -> None:
    with pytest.raises(ValueError):
        private_key_from_pem(pem)


def test_generated_keys_differ() -> None:
    texts = {public_key_to_text(generate_private_key().public_key()) for _ in range(5)}
    assert len(texts) == 5


def test_public_key_text_round_trip() -> None:
    text = public_key_to_text(KEY_A.public_key())
    assert len(text) == 43 and "=" not in text
    assert set(text) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert public_key_to_text(public_key_from_text(text)) == text
    key = public_key_from_text(text)
    assert verify_request("POST", PATH, "", BODY, signed(), {"A.1": key}.get, NOW).keyid == "A.1"


def test_public_key_text_is_the_raw_bytes() -> None:
    raw = bytes(range(32))
    text = base64.urlsafe_b64encode(raw).decode().rstrip("=")
    assert public_key_to_text(Ed25519PublicKey.from_public_bytes(raw)) == text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "tooshort",
        public_key_to_text(KEY_A.public_key()) + "=",  # padded
        public_key_to_text(KEY_A.public_key()) + "A",  # 44 characters
        public_key_to_text(KEY_A.public_key())[:-1],  # 42 characters
        "+" * 43,  # standard base64 alphabet
        "!" * 43,
        " " + public_key_to_text(KEY_A.public_key())[1:],
        "A" * 42 + "B",  # not canonical: the last character carries unused bits
    ],
    ids=["empty", "short", "padded", "44", "42", "std-alphabet", "bang", "space", "noncanonical"],
)
def test_public_key_from_text_refuses_bad_input(text: str) -> None:
    with pytest.raises(ValueError):
        public_key_from_text(text)


def test_new_nonce() -> None:
    nonces = {new_nonce() for _ in range(1000)}
    assert len(nonces) == 1000
    for nonce in nonces:
        assert len(nonce) == 24
        assert set(nonce) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
