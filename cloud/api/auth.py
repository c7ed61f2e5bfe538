"""Who is calling: HQ bearer tokens (roles hq, readonly) and store nodes' signed requests."""

from __future__ import annotations

import secrets
import time

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from flask import request

from cloud.api import ratelimit
from cloud.api.db import engine
from cloud.services.tokens import token_hash
from cloud.storage import nonces, stores
from httpshell.body import raw_body
from httpshell.routes import Caller
from shared.clock import now_text
from shared.errors import Unauthorized
from shared.signing import SignatureError, public_key_from_text, verify_request

NONCE_TTL_S = 600
PRUNE_ONE_IN = 64


def authenticate(roles: frozenset[str]) -> Caller:
    """Who is calling: a store node when the request is signed (RFC 9421), else an HQ bearer
    token with its role as stored now. The registry then checks the role against the
    route's, so a store key on an HQ route is 403, like a readonly token writing."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    bearer = scheme.lower() == "bearer" and token.strip()
    if "Signature-Input" in request.headers or ("store" in roles and not bearer):
        return Caller(role="store", name=verify_signed_request())
    if not bearer:
        raise Unauthorized("unauthorized", "send Authorization: Bearer <HQ token>")
    digest = token_hash(token.strip())
    with engine().connect() as conn:
        role = stores.api_token_role(conn, digest)
    if role is None:
        raise Unauthorized("unauthorized", "unknown token")
    ratelimit.check(digest)  # HQ tokens only: signed store requests are never limited
    return Caller(role=role, name=digest)


def verify_signed_request() -> str:
    """Check the RFC 9421 signature and the nonce; returns the caller's store, whose last
    sync time it records. The body is verified as sent (compressed), then inflated with a cap."""
    raw = raw_body()

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
