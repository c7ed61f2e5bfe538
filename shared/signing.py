"""RFC 9421 HTTP Message Signatures with Ed25519, over RFC 9530 `Content-Digest`.

A store node signs `@method`, `@path`, `@query` and `content-digest` with parameters
`created`, `nonce`, `keyid`, `alg`. Verification is pure; nonce reuse is checked by the
caller's database."""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

COVERED = ("@method", "@path", "@query", "content-digest")
LABEL = "sig1"
_COMPONENTS = " ".join(f'"{c}"' for c in COVERED)
_INPUT = re.compile(
    rf"^{LABEL}=\({re.escape(_COMPONENTS)}\)"
    r";created=(?P<created>\d{1,12})"
    r';nonce="(?P<nonce>[A-Za-z0-9_-]{16,128})"'
    r';keyid="(?P<keyid>[A-Za-z0-9._:-]{1,128})"'
    r';alg="ed25519"$'
)
_SIGNATURE = re.compile(rf"^{LABEL}=:(?P<sig>[A-Za-z0-9+/=]+):$")


class SignatureError(Exception):
    """Why a signed request was refused; `code` is stable, `message` for humans."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class VerifiedRequest:
    keyid: str
    created: int
    nonce: str


def content_digest(body: bytes) -> str:
    """`sha-256=:<base64>:` of the body as sent (after any content encoding)."""
    return f"sha-256=:{base64.b64encode(hashlib.sha256(body).digest()).decode()}:"


def generate_private_key() -> Ed25519PrivateKey:
    """A new Ed25519 key pair for a node."""
    return Ed25519PrivateKey.generate()


def private_key_to_pem(key: Ed25519PrivateKey) -> bytes:
    """PKCS#8 PEM, unencrypted (the file itself is mode 0600)."""
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def private_key_from_pem(data: bytes) -> Ed25519PrivateKey:
    """Load a node key written by `private_key_to_pem`."""
    key = serialization.load_pem_private_key(data, password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("not an Ed25519 private key")
    return key


def public_key_to_text(key: Ed25519PublicKey) -> str:
    """The 32 raw bytes, base64url without padding: what enrolment sends."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def public_key_from_text(text: str) -> Ed25519PublicKey:
    """Parse `public_key_to_text` output; raises ValueError on anything else."""
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (ValueError, TypeError) as exc:
        raise ValueError("public key is not base64url") from exc
    if len(raw) != 32:
        raise ValueError("an Ed25519 public key has 32 bytes")
    return Ed25519PublicKey.from_public_bytes(raw)


def new_nonce() -> str:
    """A fresh single-use nonce."""
    return secrets.token_urlsafe(18)


def signature_params(created: int, nonce: str, keyid: str) -> str:
    """The `@signature-params` value (also the Signature-Input member after the label)."""
    return f'({_COMPONENTS});created={created};nonce="{nonce}";keyid="{keyid}";alg="ed25519"'


def signature_base(method: str, path: str, query: str, digest: str, params: str) -> bytes:
    """RFC 9421 §2.5 signature base for our covered components."""
    lines = [
        f'"@method": {method.upper()}',
        f'"@path": {path}',
        f'"@query": ?{query}',
        f'"content-digest": {digest}',
        f'"@signature-params": {params}',
    ]
    return "\n".join(lines).encode()


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
    """Headers to add to a request: Content-Digest, Signature-Input, Signature."""
    digest = content_digest(body)
    params = signature_params(created, nonce, keyid)
    signature = private_key.sign(signature_base(method, path, query, digest, params))
    return {
        "Content-Digest": digest,
        "Signature-Input": f"{LABEL}={params}",
        "Signature": f"{LABEL}=:{base64.b64encode(signature).decode()}:",
    }


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
    """Check digest, freshness, key and signature; raise SignatureError on the first failure."""
    lower = {k.lower(): v for k, v in headers.items()}
    needed = ("content-digest", "signature-input", "signature")
    if any(name not in lower for name in needed):
        raise SignatureError("missing_signature", "request is not signed (RFC 9421 headers)")
    parsed = _INPUT.match(lower["signature-input"].strip())
    sig = _SIGNATURE.match(lower["signature"].strip())
    if parsed is None or sig is None:
        raise SignatureError("malformed_signature", "Signature-Input or Signature is malformed")
    if lower["content-digest"].strip() != content_digest(body):
        raise SignatureError("bad_digest", "Content-Digest does not match the body")
    created = int(parsed["created"])
    if abs(now - created) > max_skew_s:
        raise SignatureError("stale_signature", f"signature created {now - created} s from now")
    key = resolve_key(parsed["keyid"])
    if key is None:
        raise SignatureError("unknown_key", f"unknown key {parsed['keyid']}")
    params = lower["signature-input"].strip()[len(LABEL) + 1 :]
    base = signature_base(method, path, query, content_digest(body), params)
    try:
        key.verify(base64.b64decode(sig["sig"]), base)
    except (InvalidSignature, ValueError) as exc:
        raise SignatureError("bad_signature", "signature does not verify") from exc
    return VerifiedRequest(parsed["keyid"], created, parsed["nonce"])
