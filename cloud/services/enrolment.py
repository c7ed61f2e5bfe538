"""A node enrols once with HQ's one-time token and registers its Ed25519 public key."""

from __future__ import annotations

import hashlib

import sqlalchemy as sa

from cloud.services.tokens import token_hash
from cloud.storage import stores
from shared.clock import now_text
from shared.errors import Unauthorized, Unprocessable
from shared.models import EnrollIn, EnrollOut
from shared.signing import public_key_from_text


def enrol(conn: sa.Connection, body: EnrollIn, currency: str) -> EnrollOut:
    """Consume the token and make the key this store's only key."""
    try:
        public_key_from_text(body.public_key)
    except ValueError as exc:
        raise Unprocessable("bad_public_key", str(exc)) from exc
    if not stores.use_enrolment_token(conn, token_hash(body.token), body.store, now_text()):
        raise Unauthorized("bad_enrollment_token", "enrolment token is unknown or already used")
    keyid = f"{body.store}.{hashlib.sha256(body.public_key.encode()).hexdigest()[:8]}"
    stores.set_key(conn, body.store, keyid, body.public_key, now_text())
    store = stores.get_store(conn, body.store) or {}
    return EnrollOut(
        store=body.store, name=str(store.get("name", body.store)), keyid=keyid, currency=currency
    )
