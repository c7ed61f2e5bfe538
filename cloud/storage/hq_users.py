"""HQ console users, their server-side sessions and their failed sign-ins."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from cloud.storage.schema import hq_sessions, hq_signin_failures, hq_users


def put_user(
    conn: sa.Connection, email: str, role: str, password_hash: str, now: str, must_change: bool
) -> bool:
    """Add a user or change their role and password; True when new. A change ends their
    sessions (roles are read on every request anyway)."""
    values = {"role": role, "password_hash": password_hash, "must_change": must_change}
    found = get_user(conn, email)
    if found is None:
        conn.execute(sa.insert(hq_users).values(email=email, created_at=now, **values))
        return True
    conn.execute(sa.update(hq_users).where(hq_users.c.email == email).values(**values))
    conn.execute(sa.delete(hq_sessions).where(hq_sessions.c.email == email))
    return False


def set_password(conn: sa.Connection, email: str, password_hash: str) -> None:
    """The user's own new password: no longer temporary, and every session of theirs ends."""
    conn.execute(
        sa.update(hq_users)
        .where(hq_users.c.email == email)
        .values(password_hash=password_hash, must_change=False)
    )
    conn.execute(sa.delete(hq_sessions).where(hq_sessions.c.email == email))


def get_user(conn: sa.Connection, email: str) -> dict[str, Any] | None:
    row = conn.execute(sa.select(hq_users).where(hq_users.c.email == email)).mappings().first()
    return None if row is None else dict(row)


def add_session(
    conn: sa.Connection, token_hash: str, email: str, csrf: str, expires: float
) -> None:
    conn.execute(
        sa.insert(hq_sessions).values(
            token_hash=token_hash, email=email, csrf=csrf, expires_at=expires
        )
    )


def get_session(conn: sa.Connection, token_hash: str, now: float) -> dict[str, Any] | None:
    """A live session with its user's role as stored now (None when expired or gone)."""
    query = (
        sa.select(hq_sessions.c.email, hq_sessions.c.csrf, hq_users.c.role, hq_users.c.must_change)
        .select_from(hq_sessions.join(hq_users, hq_users.c.email == hq_sessions.c.email))
        .where(hq_sessions.c.token_hash == token_hash, hq_sessions.c.expires_at > now)
    )
    row = conn.execute(query).mappings().first()
    return None if row is None else dict(row)


def end_session(conn: sa.Connection, token_hash: str) -> None:
    conn.execute(sa.delete(hq_sessions).where(hq_sessions.c.token_hash == token_hash))


def prune(conn: sa.Connection, now: float, failures_before: float) -> None:
    """Drop expired sessions and failures older than any window."""
    conn.execute(sa.delete(hq_sessions).where(hq_sessions.c.expires_at <= now))
    conn.execute(sa.delete(hq_signin_failures).where(hq_signin_failures.c.at < failures_before))


def failures_since(conn: sa.Connection, email: str, since: float) -> list[float]:
    """When the email's sign-ins failed since `since`, oldest first."""
    query = (
        sa.select(hq_signin_failures.c.at)
        .where(hq_signin_failures.c.email == email, hq_signin_failures.c.at >= since)
        .order_by(hq_signin_failures.c.at)
    )
    return [float(at) for (at,) in conn.execute(query)]


def add_failure(conn: sa.Connection, failure_id: str, email: str, at: float) -> None:
    conn.execute(sa.insert(hq_signin_failures).values(id=failure_id, email=email, at=at))


def forget_failure(conn: sa.Connection, failure_id: str) -> None:
    conn.execute(sa.delete(hq_signin_failures).where(hq_signin_failures.c.id == failure_id))
