"""Who is calling: HQ bearer tokens (roles hq, readonly) and store nodes' signed requests."""

from __future__ import annotations

import gzip
import secrets
import time
import zlib

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from flask import g, request

from cloud.api.db import engine
from cloud.services.tokens import token_hash
from cloud.storage import nonces, stores
from shared.clock import now_text
from shared.errors import BadRequest, Forbidden, PayloadTooLarge, Unauthorized
from shared.signing import SignatureError, public_key_from_text, verify_request

MAX_INFLATED = 4 * 1024 * 1024  # a sync body, as sent and once inflated
NONCE_TTL_S = 600
PRUNE_ONE_IN = 64


# What a `shop` token (a web shop) may call: place, read and cancel orders (its own only,
# enforced in cloud/services/orders.py), read the catalogue and stock. Nothing else.
SHOP_ENDPOINTS = frozenset(
    {
        "orders.place_order",
        "orders.get_order",
        "orders.cancel_order",
        "products.get_product",
        "products.list_products",
        "stock.get_stock",
    }
)


def require_hq(write: bool) -> None:
    """A valid HQ token; writing needs the `hq` role (readonly tokens get 403). A `shop`
    token may call only SHOP_ENDPOINTS (403 elsewhere), writing included."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("unauthorized", "send Authorization: Bearer <HQ token>")
    digest = token_hash(token.strip())
    with engine().connect() as conn:
        role = stores.api_token_role(conn, digest)
    if role is None:
        raise Unauthorized("unauthorized", "unknown token")
    if role == "shop":
        if request.endpoint not in SHOP_ENDPOINTS:
            raise Forbidden(
                "forbidden", "a shop token may only place and read orders, products and stock"
            )
    elif write and role != "hq":
        raise Forbidden("forbidden", "this token may only read")
    g.role = role
    g.token = digest


def verify_signed_request() -> str:
    """Check the RFC 9421 signature and the nonce; returns the caller's store, whose last
    sync time it records. The body is verified as sent (compressed), then inflated with a cap;
    a body larger than the cap as sent is refused before it is read."""
    _check_size(request.content_length)
    raw = request.get_data()  # the app's MAX_CONTENT_LENGTH also bounds it as it is read

    def resolve(keyid: str) -> Ed25519PublicKey | None:
        with engine().connect() as conn:
            found = stores.store_for_key(conn, keyid)
        return None if found is None else public_key_from_text(found[1])

    now = int(time.time())
    try:
        verified = verify_request(
            request.method,
            request.path,
            request.query_string.decode("latin-1"),
            raw,
            dict(request.headers),
            resolve,
            now,
        )
    except SignatureError as exc:
        raise Unauthorized(exc.code, exc.message) from exc
    with engine().begin() as conn:
        if not nonces.use_nonce(conn, verified.keyid, verified.nonce, verified.created):
            raise Unauthorized("replayed_nonce", "this request was already received")
        if secrets.randbelow(PRUNE_ONE_IN) == 0:  # now and then, not on every request
            nonces.prune_nonces(conn, now - NONCE_TTL_S)
        found = stores.store_for_key(conn, verified.keyid)
        if found is None:  # the key was replaced by a re-enrolment meanwhile
            raise Unauthorized("unknown_key", "this key is no longer enrolled")
        stores.touch(conn, found[0], now_text())
    return found[0]


def _check_size(size: int | None) -> None:
    if size is not None and size > MAX_INFLATED:
        raise PayloadTooLarge(
            "payload_too_large", f"body exceeds {MAX_INFLATED // (1024 * 1024)} MB"
        )


def request_body() -> bytes:
    """The body as JSON bytes. Sync bodies travel gzipped (signatures cover the compressed
    bytes, checked before this); a cap on the inflated size (4 MB) stops a small bomb from
    costing memory: inflating stops at the cap, and the JSON is parsed once, afterwards.
    Uncompressed bodies are accepted as they are, under the same cap, which also holds for
    bodies of routes that are not signed (enrolment, HQ): they are refused before being read."""
    _check_size(request.content_length)
    raw = request.get_data()
    if request.headers.get("Content-Encoding", "").strip().lower() != "gzip":
        _check_size(len(raw))
        return raw
    try:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        data = inflater.decompress(raw, MAX_INFLATED)
    except (zlib.error, gzip.BadGzipFile) as exc:
        raise BadRequest("bad_encoding", "body is not valid gzip") from exc
    if inflater.unconsumed_tail:
        _check_size(MAX_INFLATED + 1)
    if not inflater.eof:
        raise BadRequest("bad_encoding", "gzip body is truncated")
    return data
