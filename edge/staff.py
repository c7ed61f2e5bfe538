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
from shared.errors import Forbidden, NotFound, Unauthorized, Unprocessable

SESSION_TTL_S = 12 * 3600
MAX_NAME = 64
ROLES = ("cashier", "picker", "manager")
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
_DUMMY_HASH = "scrypt$" + "00" * 16 + "$" + "00" * 64


@dataclass(frozen=True)
class Actor:
    """Who is acting, on which register: what every service records beside a fact.
    `session` is the hash of the session token (approvals are throttled per session)."""

    name: str
    role: str
    register: str
    session: str = ""


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
    """Add or update a staff member; PINs are 4–12 digits, and no two managers share one
    (a manager's PIN approves as that manager). A changed role ends their open sessions."""
    if role not in ROLES:
        raise Unprocessable("bad_role", f"role must be one of {', '.join(ROLES)}")
    if not (pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 12):
        raise Unprocessable("bad_pin", "a PIN is 4 to 12 digits")
    if not 1 <= len(name) <= MAX_NAME:
        raise Unprocessable("bad_name", f"a staff name is 1 to {MAX_NAME} characters")
    if role == "manager" and _manager_with_pin(db, pin, other_than=name):
        raise Unprocessable("pin_taken", "another manager already has that PIN")
    with write(db):
        rows.upsert_staff(db, name, role, hash_pin(pin), format_ts(from_epoch(time.time())))
        rows.delete_sessions_of(db, name)


def remove_staff(db: Database, name: str) -> None:
    """Deactivate a staff member: their sessions end at once; their past facts stay."""
    if rows.get_staff(db, name) is None:
        raise NotFound("unknown_staff", f"no staff member named {name}")
    with write(db):
        rows.deactivate_staff(db, name)
        rows.delete_sessions_of(db, name)


def sign_in(db: Database, name: str, pin: str, register: str) -> tuple[str, Actor, float]:
    """A new session token for the right PIN. Five failures for a name within 15 minutes
    lock that name (known or not) for 15 minutes, the right PIN included. An unknown name
    costs the same scrypt work as a known one, so timing does not tell names apart."""
    now = time.time()
    member = rows.get_staff(db, name)

    def right() -> bool:
        matches = check_pin(pin, member.pin_hash if member else _DUMMY_HASH)
        return matches and member is not None and member.active

    message = f"too many failed sign-ins for {name}"
    if not throttle.guarded(db, f"staff:{name}", now, message, right) or member is None:
        raise Unauthorized("bad_credentials", "unknown name or wrong PIN")
    token = "ss_" + secrets.token_urlsafe(32)
    expires = now + SESSION_TTL_S
    actor = Actor(member.name, member.role, register, _token_hash(token))
    with write(db):
        rows.delete_expired_sessions(db, now)
        rows.insert_session(
            db, actor.session, rows.SessionRow(actor.name, actor.role, register, expires)
        )
    return token, actor, expires


def authenticate(db: Database, token: str) -> Actor:
    """The actor behind a bearer session token, with the role the staff member has now; 401
    when the token is unknown, expired or signed out, or the member was removed or given
    another role since signing in."""
    digest = _token_hash(token)
    session = rows.get_session(db, digest)
    if session is None or session.expires_at < time.time():
        raise Unauthorized("unauthorized", "session token is missing, unknown or expired")
    member = rows.get_staff(db, session.name)
    if member is None or not member.active or member.role != session.role:
        with write(db):
            rows.delete_session(db, digest)
        raise Unauthorized("unauthorized", "this session ended: sign in again")
    return Actor(member.name, member.role, session.register, digest)


def sign_out(db: Database, actor: Actor) -> None:
    """End the actor's session."""
    with write(db):
        rows.delete_session(db, actor.session)


def require_manager(db: Database, actor: Actor, manager_pin: str | None) -> str:
    """A manager's approval: the actor is a manager, or a manager's PIN was typed. Typed
    PINs are throttled per session like sign-ins (five wrong ones in 15 minutes lock
    approvals there), and a manager whose own sign-in is locked approves nothing.
    Returns the approving manager's name."""
    if actor.role == "manager":
        return actor.name
    if manager_pin is None:
        raise Forbidden("manager_pin_required", "this needs a manager's approval (manager_pin)")
    now = time.time()
    found: list[str] = []

    def right() -> bool:
        name = _manager_with_pin(db, manager_pin)
        found.extend([name] if name else [])
        return name is not None

    key = f"approval:{actor.session or actor.register}"
    if not throttle.guarded(db, key, now, "too many wrong manager PINs", right):
        raise Forbidden("bad_manager_pin", "that is not a manager's PIN")
    throttle.refuse_if_locked(db, f"staff:{found[0]}", now, f"{found[0]}'s sign-in is locked")
    return found[0]


def _manager_with_pin(db: Database, pin: str, other_than: str | None = None) -> str | None:
    """The active manager whose PIN this is (every manager is tried: same work always)."""
    found = None
    for manager in rows.staff_with_role(db, "manager"):
        if check_pin(pin, manager.pin_hash) and manager.name != other_than:
            found = found or manager.name
    return found


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
