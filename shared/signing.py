"""RFC 9421 HTTP Message Signatures with Ed25519 over an RFC 9530 `Content-Digest`.

A store node signs `@method`, `@path`, `@query` and `content-digest` with the parameters
`created`, `nonce`, `keyid` and `alg` (SPEC §5). Verification is pure: nonce reuse is checked
by the caller's database."""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

COVERED = ("@method", "@path", "@query", "content-digest")
LABEL = "sig1"
_COMPONENTS = "(" + " ".join(f'"{c}"' for c in COVERED) + ")"
_PARAM = r';([a-z][a-z0-9_.*-]*)=([0-9]{1,15}|"[\x20\x21\x23-\x5b\x5d-\x7e]*")'
_PARAMS = re.compile(f"(?:{_PARAM})+", re.ASCII)
_PARAM_ITEM = re.compile(_PARAM, re.ASCII)
_NONCE = re.compile(r"[A-Za-z0-9_-]{16,128}", re.ASCII)
_KEYID = re.compile(r"[A-Za-z0-9._:-]{1,128}", re.ASCII)
_SIGNATURE = re.compile(rf"{LABEL}=:([A-Za-z0-9+/]+={{0,2}}):", re.ASCII)
_PUBLIC_KEY = re.compile(r"[A-Za-z0-9_-]{43}", re.ASCII)
_SIGNED_HEADERS = ("content-digest", "signature-input", "signature")


class SignatureError(Exception):
    """Why a signed request was refused: `code` is stable for clients, `message` for humans."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class VerifiedRequest:
    """Who signed a request that verified, and the nonce the caller must record."""

    keyid: str
    created: int
    nonce: str


def content_digest(body: bytes) -> str:
    """RFC 9530 `sha-256=:<base64>:` of the body as sent (after any content encoding)."""
    return f"sha-256=:{base64.b64encode(hashlib.sha256(body).digest()).decode()}:"


def generate_private_key() -> Ed25519PrivateKey:
    """A new Ed25519 key pair for a node's enrolment."""
    return Ed25519PrivateKey.generate()


def private_key_to_pem(k: Ed25519PrivateKey) -> bytes:
    """PKCS#8 PEM, unencrypted: the file itself is protected by mode 0600."""
    return k.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def private_key_from_pem(data: bytes) -> Ed25519PrivateKey:
    """Load a node key written by `private_key_to_pem`; ValueError for anything else."""
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (TypeError, UnsupportedAlgorithm) as exc:
        raise ValueError(f"not an unencrypted private key: {exc}") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("not an Ed25519 private key")
    return key


def public_key_to_text(k: Ed25519PublicKey) -> str:
    """The 32 raw bytes as base64url without padding: what enrolment sends and HQ stores."""
    raw = k.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def public_key_from_text(s: str) -> Ed25519PublicKey:
    """Parse `public_key_to_text` output (exactly 43 canonical base64url characters); raises
    ValueError (not SignatureError) on anything else."""
    if _PUBLIC_KEY.fullmatch(s) is None:
        raise ValueError("a public key is 43 base64url characters (32 bytes, no padding)")
    raw = base64.urlsafe_b64decode(s + "=")
    if base64.urlsafe_b64encode(raw).decode().rstrip("=") != s:
        raise ValueError("public key is not canonical base64url")
    return Ed25519PublicKey.from_public_bytes(raw)


def new_nonce() -> str:
    """A fresh single-use nonce (24 base64url characters)."""
    return secrets.token_urlsafe(18)


def _signature_params(created: int, nonce: str, keyid: str) -> str:
    """The `@signature-params` value, also the Signature-Input member after `sig1=`."""
    return f'{_COMPONENTS};created={created};nonce="{nonce}";keyid="{keyid}";alg="ed25519"'


def signature_base(method: str, path: str, query: str, digest: str, params: str) -> bytes:
    """RFC 9421 §2.5 signature base for our covered components; `query` is the raw query
    string without "?". ValueError if a value contains a line break (it could forge lines)."""
    values = (method.upper(), path, "?" + query, digest, params)
    if any("\n" in v or "\r" in v for v in values):
        raise ValueError("signature components must not contain line breaks")
    names = (*COVERED, "@signature-params")
    return "\n".join(f'"{n}": {v}' for n, v in zip(names, values, strict=True)).encode()


def sign_request(
    private_key: Ed25519PrivateKey,
    keyid: str,
    method: str,
    path: str,
    query: str,
    body: bytes,
    created: int,
    nonce: str,
) -> dict[str, str]:
    """The headers that make a request verifiable: Content-Digest, Signature-Input and
    Signature."""
    digest = content_digest(body)
    params = _signature_params(created, nonce, keyid)
    signature = private_key.sign(signature_base(method, path, query, digest, params))
    return {
        "Content-Digest": digest,
        "Signature-Input": f"{LABEL}={params}",
        "Signature": f"{LABEL}=:{base64.b64encode(signature).decode()}:",
    }


def _malformed(message: str) -> SignatureError:
    """The error for a Signature-Input or Signature header we refuse to interpret."""
    return SignatureError("malformed_signature", message)


def _signed_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """The three signature headers by lower-case name; a name given twice with different
    values (e.g. `Signature` and `signature` in a plain dict) is ambiguous and refused."""
    found: dict[str, str] = {}
    for name, value in headers.items():
        key = name.lower()
        if key in _SIGNED_HEADERS and found.setdefault(key, value) != value:
            raise _malformed(f"header {name} is given more than once")
    missing = [name for name in _SIGNED_HEADERS if name not in found]
    if missing:
        raise SignatureError("missing_signature", f"request is not signed: no {missing[0]}")
    return found


def _param_values(rest: str) -> dict[str, str]:
    """`;name=value` parameters, each of created, nonce, keyid and alg exactly once."""
    if _PARAMS.fullmatch(rest) is None:
        raise _malformed("Signature-Input parameters are malformed")
    pairs = _PARAM_ITEM.findall(rest)
    names = [name for name, _ in pairs]
    if sorted(names) != ["alg", "created", "keyid", "nonce"]:
        raise _malformed("Signature-Input needs created, nonce, keyid and alg, once each")
    return dict(pairs)


def _quoted(params: dict[str, str], name: str) -> str:
    """A parameter that must be a quoted string, without its quotes."""
    value = params[name]
    if not value.startswith('"'):
        raise _malformed(f"Signature-Input {name} must be a quoted string")
    return value[1:-1]


def _parse_input(value: str) -> tuple[str, VerifiedRequest]:
    """(params string, its values) from a Signature-Input holding exactly our one signature."""
    prefix = f"{LABEL}={_COMPONENTS}"
    if not value.startswith(prefix):
        raise _malformed(f"Signature-Input must be {prefix} with parameters")
    params = _param_values(value[len(prefix) :])
    created, nonce, keyid = params["created"], _quoted(params, "nonce"), _quoted(params, "keyid")
    if _quoted(params, "alg") != "ed25519":
        raise _malformed('Signature-Input alg must be "ed25519"')
    if created.startswith('"'):
        raise _malformed("Signature-Input created must be an integer")
    if _NONCE.fullmatch(nonce) is None:
        raise _malformed("Signature-Input nonce must be 16–128 of [A-Za-z0-9_-]")
    if _KEYID.fullmatch(keyid) is None:
        raise _malformed("Signature-Input keyid must be 1–128 of [A-Za-z0-9._:-]")
    return value[len(LABEL) + 1 :], VerifiedRequest(keyid, int(created), nonce)


def _parse_signature(value: str) -> bytes:
    """The 64 signature bytes from `sig1=:<base64>:`."""
    match = _SIGNATURE.fullmatch(value)
    if match is None:
        raise _malformed(f"Signature must be {LABEL}=:<base64>:")
    try:
        signature = base64.b64decode(match[1], validate=True)
    except binascii.Error as exc:
        raise _malformed("Signature is not valid base64") from exc
    if len(signature) != 64:
        raise _malformed("an Ed25519 signature has 64 bytes")
    return signature


def verify_request(
    method: str,
    path: str,
    query: str,
    body: bytes,
    headers: Mapping[str, str],
    resolve_key: Callable[[str], Ed25519PublicKey | None],
    now: int,
    max_skew_s: int = 300,
) -> VerifiedRequest:
    """Check, in order, headers present, their syntax, digest, freshness, key and signature;
    SignatureError with the first failure's code. Nonce reuse is left to the caller."""
    found = _signed_headers(headers)
    params, verified = _parse_input(found["signature-input"].strip())
    signature = _parse_signature(found["signature"].strip())
    digest = content_digest(body)
    if found["content-digest"].strip() != digest:
        raise SignatureError("bad_digest", "Content-Digest does not match the body")
    if abs(now - verified.created) > max_skew_s:
        skew = verified.created - now
        raise SignatureError("stale_signature", f"signature created {skew:+d} s from now")
    key = resolve_key(verified.keyid)
    if key is None:
        raise SignatureError("unknown_key", f"unknown key {verified.keyid}")
    try:
        key.verify(signature, signature_base(method, path, query, digest, params))
    except (InvalidSignature, ValueError) as exc:
        raise SignatureError("bad_signature", "signature does not verify") from exc
    return verified
