"""Staff sign-in: scrypt-hashed PINs, expiring sessions, and a throttle on wrong PINs."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

from sqlite_utils import Database

from edge import throttle
from edge.storage import staff as rows
from edge.storage.db import write
from shared.clock import format_ts, from_epoch
from shared.errors import Forbidden, Unauthorized, Unprocessable

SESSION_TTL_S = 12 * 3600
ROLES = ("cashier", "picker", "manager")
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


@dataclass(frozen=True)
class Actor:
    """Who is acting, on which register: what every service records beside a fact."""

    name: str
    role: str
    register: str


def hash_pin(pin: str) -> str:
    """scrypt with a random salt, stored as `scrypt$salt$hash`."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, **_SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def check_pin(pin: str, stored: str) -> bool:
    """Constant-time comparison of a PIN against its stored hash."""
    _, salt, digest = stored.split("$")
    candidate = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), **_SCRYPT)
    return hmac.compare_digest(candidate.hex(), digest)


def add_staff(db: Database, name: str, role: str, pin: str) -> None:
    """Add or update a staff member; PINs are 4–12 digits."""
    if role not in ROLES:
        raise Unprocessable("bad_role", f"role must be one of {', '.join(ROLES)}")
    if not (pin.isdigit() and 4 <= len(pin) <= 12):
        raise Unprocessable("bad_pin", "a PIN is 4 to 12 digits")
    with write(db):
        rows.upsert_staff(db, name, role, hash_pin(pin), format_ts(from_epoch(time.time())))


def sign_in(db: Database, name: str, pin: str, register: str) -> tuple[str, Actor, float]:
    """A new session token for the right PIN. Five failures for a name within 15 minutes
    lock that name (known or not) for 15 minutes, the right PIN included."""
    now = time.time()
    throttle.refuse_if_locked(db, f"staff:{name}", now, f"too many failed sign-ins for {name}")
    member = rows.get_staff(db, name)
    if member is None or not member.active or not check_pin(pin, member.pin_hash):
        throttle.record_failure(db, f"staff:{name}", now)
        raise Unauthorized("bad_credentials", "unknown name or wrong PIN")
    token = "ss_" + secrets.token_urlsafe(32)
    expires = now + SESSION_TTL_S
    actor = Actor(member.name, member.role, register)
    with write(db):
        rows.delete_expired_sessions(db, now)
        rows.insert_session(
            db, _token_hash(token), rows.SessionRow(actor.name, actor.role, register, expires)
        )
    return token, actor, expires


def authenticate(db: Database, token: str) -> Actor:
    """The actor behind a bearer session token; 401 when unknown or expired."""
    session = rows.get_session(db, _token_hash(token))
    if session is None or session.expires_at < time.time():
        raise Unauthorized("unauthorized", "session token is missing, unknown or expired")
    return Actor(session.name, session.role, session.register)


def require_manager(db: Database, actor: Actor, manager_pin: str | None) -> str:
    """A manager's approval: the actor is a manager, or a manager's PIN was typed.
    Returns the approving manager's name."""
    if actor.role == "manager":
        return actor.name
    if manager_pin is None:
        raise Forbidden("manager_pin_required", "this needs a manager's approval (manager_pin)")
    for manager in rows.staff_with_role(db, "manager"):
        if check_pin(manager_pin, manager.pin_hash):
            return manager.name
    raise Forbidden("bad_manager_pin", "that is not a manager's PIN")


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
