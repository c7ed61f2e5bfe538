"""Stores, their enrolment tokens and keys, and HQ API tokens (all stored hashed)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from cloud.storage.schema import api_tokens, enrolment_tokens, stores


def get_store(conn: sa.Connection, code: str) -> dict[str, Any] | None:
    """One store row."""
    row = conn.execute(sa.select(stores).where(stores.c.code == code)).mappings().first()
    return None if row is None else dict(row)


def list_stores(conn: sa.Connection) -> list[dict[str, Any]]:
    """Every store, by code."""
    return [dict(r) for r in conn.execute(sa.select(stores).order_by(stores.c.code)).mappings()]


def add_store(conn: sa.Connection, code: str, name: str, now: str) -> None:
    """Register a store, or rename an existing one."""
    if get_store(conn, code) is None:
        conn.execute(sa.insert(stores).values(code=code, name=name, created_at=now))
    else:
        conn.execute(sa.update(stores).where(stores.c.code == code).values(name=name))


def add_enrolment_token(conn: sa.Connection, token_hash: str, store: str, now: str) -> None:
    """Keep only the hash of a new one-time token."""
    conn.execute(
        sa.insert(enrolment_tokens).values(token_hash=token_hash, store=store, created_at=now)
    )


def void_unused_tokens(conn: sa.Connection, store: str) -> int:
    """Forget a store's enrolment tokens that were never used; how many."""
    result = conn.execute(
        sa.delete(enrolment_tokens).where(
            enrolment_tokens.c.store == store, enrolment_tokens.c.used_at.is_(None)
        )
    )
    return int(result.rowcount or 0)


def use_enrolment_token(
    conn: sa.Connection, token_hash: str, store: str, now: str, issued_after: str
) -> bool:
    """Consume a one-time token for this store; False when unknown, used, another store's,
    or issued before `issued_after` (expired)."""
    result = conn.execute(
        sa.update(enrolment_tokens)
        .where(
            enrolment_tokens.c.token_hash == token_hash,
            enrolment_tokens.c.store == store,
            enrolment_tokens.c.used_at.is_(None),
            enrolment_tokens.c.created_at > issued_after,
        )
        .values(used_at=now)
    )
    return bool(result.rowcount)


def clear_key(conn: sa.Connection, store: str, revoked_at: str | None) -> None:
    """Forget a store's key (its node's signed requests stop working); `revoked_at` says
    whether the store is cut off (no enrolment) or free to enrol again (None)."""
    conn.execute(
        sa.update(stores)
        .where(stores.c.code == store)
        .values(keyid=None, public_key=None, enrolled_at=None, revoked_at=revoked_at)
    )


def set_key(conn: sa.Connection, store: str, keyid: str, public_key: str, now: str) -> None:
    """Replace a store's key (re-enrolment retires the old one)."""
    conn.execute(
        sa.update(stores)
        .where(stores.c.code == store)
        .values(keyid=keyid, public_key=public_key, enrolled_at=now)
    )


def store_for_key(conn: sa.Connection, keyid: str) -> tuple[str, str] | None:
    """(store, public key text) for a key id."""
    row = conn.execute(
        sa.select(stores.c.code, stores.c.public_key).where(stores.c.keyid == keyid)
    ).first()
    return None if row is None else (str(row[0]), str(row[1]))


def touch(conn: sa.Connection, store: str, now: str) -> None:
    """Remember when a store last synced (the order safety buffer grows with this age)."""
    conn.execute(sa.update(stores).where(stores.c.code == store).values(last_sync_at=now))


def set_clock_skew_open(conn: sa.Connection, store: str, is_open: bool) -> None:
    """Whether the store's clock is in a skew episode (one exception per episode)."""
    conn.execute(sa.update(stores).where(stores.c.code == store).values(clock_skew_open=is_open))


def add_api_token(conn: sa.Connection, token_hash: str, name: str, role: str, now: str) -> None:
    """Keep only the hash of a new HQ token."""
    conn.execute(
        sa.insert(api_tokens).values(token_hash=token_hash, name=name, role=role, created_at=now)
    )


def api_token_role(conn: sa.Connection, token_hash: str) -> str | None:
    """The role of an HQ token, by hash."""
    return conn.execute(
        sa.select(api_tokens.c.role).where(api_tokens.c.token_hash == token_hash)
    ).scalar()
