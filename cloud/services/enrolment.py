"""A node enrols once with HQ's one-time token and registers its Ed25519 public key. A store
with an enrolled (or revoked) node is never enrolled again until HQ resets it."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import sqlalchemy as sa

from cloud.services.tokens import require_store, token_hash
from cloud.storage import stores
from shared.clock import format_ts, now_text, utc_now
from shared.errors import Conflict, Unauthorized, Unprocessable
from shared.models import EnrollIn, EnrollOut
from shared.signing import public_key_from_text

TOKEN_TTL_S = 24 * 3600


def enrol(
    conn: sa.Connection, body: EnrollIn, currency: str, ttl_s: int = TOKEN_TTL_S
) -> EnrollOut:
    """Consume the token and make the key this store's only key. Refused (409, the token
    stays usable) while the store has an enrolled or revoked node."""
    try:
        public_key_from_text(body.public_key)
    except ValueError as exc:
        raise Unprocessable("bad_public_key", str(exc)) from exc
    issued_after = format_ts(utc_now() - timedelta(seconds=ttl_s))
    if not stores.use_enrolment_token(
        conn, token_hash(body.token), body.store, now_text(), issued_after
    ):
        raise Unauthorized(
            "bad_enrollment_token", "enrolment token is unknown, expired or already used"
        )
    current = stores.get_store(conn, body.store) or {}
    if current.get("revoked_at"):
        raise Conflict(
            "store_revoked", f"store {body.store} was revoked; HQ must run reset-store first"
        )
    if current.get("keyid"):
        raise Conflict(
            "already_enrolled",
            f"store {body.store} already has an enrolled node; HQ must run reset-store first",
        )
    keyid = f"{body.store}.{hashlib.sha256(body.public_key.encode()).hexdigest()[:8]}"
    stores.set_key(conn, body.store, keyid, body.public_key, now_text())
    store = stores.get_store(conn, body.store) or {}
    return EnrollOut(
        store=body.store, name=str(store.get("name", body.store)), keyid=keyid, currency=currency
    )


def reset_store(conn: sa.Connection, code: str) -> None:
    """Allow a new enrolment of a store: its current key stops working at once."""
    require_store(conn, code)
    stores.clear_key(conn, code, revoked_at=None)


def revoke_store(conn: sa.Connection, code: str) -> None:
    """Cut a store's node off: its key stops working, its unused enrolment tokens are void,
    and no node can enrol for it until HQ resets it."""
    require_store(conn, code)
    stores.clear_key(conn, code, revoked_at=now_text())
    stores.void_unused_tokens(conn, code)
