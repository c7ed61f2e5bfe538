"""Opaque tokens with letter prefixes (`en_`, `hq_`, `ro_`, `sh_`), stored only as hashes."""

from __future__ import annotations

import hashlib
import secrets

import sqlalchemy as sa

from cloud.storage import stores
from shared.clock import now_text
from shared.errors import NotFound, Unprocessable

ROLE_PREFIX = {"hq": "hq_", "readonly": "ro_", "shop": "sh_"}


def token_hash(token: str) -> str:
    """Tokens are long random strings, so a plain SHA-256 is a safe one-way store."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_token(prefix: str) -> str:
    """Random, URL-safe, and prefixed so no parser takes it for an option."""
    return prefix + secrets.token_urlsafe(32)


def create_store(conn: sa.Connection, code: str, name: str | None) -> str:
    """Register a store (or keep it) and return a fresh one-time enrolment token; the
    store's older unused tokens stop working."""
    existing = stores.get_store(conn, code)
    stores.add_store(conn, code, name or (existing or {}).get("name") or code, now_text())
    stores.void_unused_tokens(conn, code)
    token = new_token("en_")
    stores.add_enrolment_token(conn, token_hash(token), code, now_text())
    return token


def create_api_token(conn: sa.Connection, name: str, role: str) -> str:
    """A new HQ API token with a role."""
    if role not in ROLE_PREFIX:
        raise Unprocessable("bad_role", f"role must be one of {', '.join(ROLE_PREFIX)}")
    token = new_token(ROLE_PREFIX[role])
    stores.add_api_token(conn, token_hash(token), name, role, now_text())
    return token


def require_store(conn: sa.Connection, code: str) -> dict[str, object]:
    """The store row, or 404 `unknown_store`."""
    store = stores.get_store(conn, code)
    if store is None:
        raise NotFound("unknown_store", f"no store {code}")
    return store
