"""HQ console users: passwords hashed with scrypt, server-side sessions (12 h, ended at
sign-out and when the user's role or password changes), and the sign-in throttle: five
failed sign-ins for an email (known or not) within 15 minutes lock it for 15 minutes, the
right password included (429 with Retry-After).

A sign-in takes its failure slot before the password is checked and gives it back when it
was right, so parallel guesses cannot slip past the count."""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import time
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from cloud.storage import hq_users as rows
from shared.clock import now_text
from shared.errors import TooManyRequests, Unauthorized, Unprocessable
from shared.ids import new_id

HQ_ROLES = ("admin", "merchandiser", "analyst", "support")
SESSION_TTL_S = 12 * 3600
MAX_FAILURES = 5
WINDOW_S = 15 * 60
LOCKOUT_S = 15 * 60
MIN_PASSWORD = 10
MAX_PASSWORD = 200
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
_DUMMY = "scrypt$" + "00" * 16 + "$" + "00" * 64


@dataclass(frozen=True)
class Console:
    """Who is signed in to the console, with their role as stored now."""

    email: str
    role: str
    csrf: str
    session: str  # the hash of the cookie's token
    must_change: bool = False  # signed in with a temporary password: choose one first


def hash_password(password: str) -> str:
    """scrypt with a random salt: `scrypt$salt$hash`."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, **_SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str | None) -> bool:
    """Constant-time check; a missing hash costs the same work and never matches."""
    _, salt, digest = (stored or _DUMMY).split("$")
    found = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), **_SCRYPT)
    return stored is not None and hmac.compare_digest(found.hex(), digest)


def normal_email(email: str) -> str:
    """Emails are compared lower-cased and trimmed; a plausible shape is required."""
    email = email.strip().lower()
    local, at, domain = email.partition("@")
    if not at or not local or "." not in domain or len(email) > 254 or " " in email:
        raise Unprocessable("bad_email", "give an email address like ana@example.com")
    return email


def add_user(
    conn: sa.Connection, email: str, role: str, password: str, temporary: bool = False
) -> bool:
    """Add or update a console user; True when new. A `temporary` password lets the user
    sign in once to choose their own before any page opens."""
    if role not in HQ_ROLES:
        raise Unprocessable("bad_role", f"role must be one of {', '.join(HQ_ROLES)}")
    _check_length(password)
    digest = hash_password(password)
    return rows.put_user(conn, normal_email(email), role, digest, now_text(), temporary)


def change_password(engine: sa.Engine, console: Console, current: str, new: str) -> None:
    """A signed-in user chooses a new password (the current one proves it is them); every
    session of theirs ends, this one too: they sign in again with it."""
    _check_length(new)
    try:
        _verified(engine, console.email, current, time.time())
    except Unauthorized as exc:
        raise Unprocessable("wrong_password", "the current password is not right") from exc
    if hmac.compare_digest(current, new):
        raise Unprocessable("same_password", "choose a password other than the current one")
    with engine.begin() as conn:
        rows.set_password(conn, console.email, hash_password(new))


def _check_length(password: str) -> None:
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise Unprocessable(
            "bad_password", f"a password has {MIN_PASSWORD} to {MAX_PASSWORD} characters"
        )


def sign_in(engine: sa.Engine, email: str, password: str) -> tuple[str, Console]:
    """A new session token (the cookie's value) for the right password, under the throttle."""
    email = email.strip().lower()[:254]
    now = time.time()
    user = _verified(engine, email, password, now)
    token = "hs_" + secrets.token_urlsafe(32)
    console = Console(email, user["role"], secrets.token_urlsafe(24), _hash(token))
    with engine.begin() as conn:
        rows.add_session(conn, console.session, email, console.csrf, now + SESSION_TTL_S)
    return token, console


def _verified(engine: sa.Engine, email: str, password: str, now: float) -> dict[str, Any]:
    """The user, when the password is theirs, under the throttle (signing in and proving it
    is you before a password change count alike): the failure slot is taken before the
    check and given back when it was right."""
    slot = new_id()
    with engine.begin() as conn:
        rows.prune(conn, now, now - WINDOW_S - LOCKOUT_S)
        _refuse_if_locked(rows.failures_since(conn, email, now - WINDOW_S - LOCKOUT_S), now)
        rows.add_failure(conn, slot, email, now)
        user = rows.get_user(conn, email)
    right = check_password(password[:MAX_PASSWORD], user["password_hash"] if user else None)
    if not right or user is None:
        raise Unauthorized("bad_credentials", "unknown email or wrong password")
    with engine.begin() as conn:
        rows.forget_failure(conn, slot)
    return user


def _refuse_if_locked(failures: list[float], now: float) -> None:
    """Locked when five failures fell within 15 minutes and the fifth is under 15 minutes
    old: 429 with the seconds left."""
    for first, fifth in zip(failures, failures[MAX_FAILURES - 1 :], strict=False):
        until = fifth + LOCKOUT_S
        if fifth - first <= WINDOW_S and until > now:
            wait = max(1, math.ceil(until - now))
            raise TooManyRequests(
                "too_many_attempts",
                f"too many failed sign-ins; try again in {wait} s",
                headers={"Retry-After": str(wait)},
            )


def session(engine: sa.Engine, token: str) -> Console | None:
    """The signed-in user behind a cookie's token, or None."""
    digest = _hash(token)
    with engine.connect() as conn:
        found = rows.get_session(conn, digest, time.time())
    if found is None:
        return None
    return Console(found["email"], found["role"], found["csrf"], digest, bool(found["must_change"]))


def sign_out(engine: sa.Engine, console: Console) -> None:
    with engine.begin() as conn:
        rows.end_session(conn, console.session)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
