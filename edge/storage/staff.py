"""Staff, sign-in failures and sessions at the node."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database


@dataclass(frozen=True)
class StaffRow:
    name: str
    role: str
    pin_hash: str
    active: bool


@dataclass(frozen=True)
class SessionRow:
    name: str
    role: str
    register: str
    expires_at: float


def upsert_staff(db: Database, name: str, role: str, pin_hash: str, created_at: str) -> None:
    """Add a staff member or replace their role and PIN."""
    db.execute(
        "INSERT INTO staff(name, role, pin_hash, active, created_at) VALUES (?, ?, ?, 1, ?) "
        "ON CONFLICT(name) DO UPDATE SET role = excluded.role, pin_hash = excluded.pin_hash, "
        "active = 1",
        [name, role, pin_hash, created_at],
    )


def get_staff(db: Database, name: str) -> StaffRow | None:
    """One staff member by name."""
    row = db.execute(
        "SELECT name, role, pin_hash, active FROM staff WHERE name = ?", [name]
    ).fetchone()
    return None if row is None else StaffRow(row[0], row[1], row[2], bool(row[3]))


def deactivate_staff(db: Database, name: str) -> None:
    """A removed staff member: kept for the record, never signs in again."""
    db.execute("UPDATE staff SET active = 0 WHERE name = ?", [name])


def staff_with_role(db: Database, role: str) -> list[StaffRow]:
    """Active staff of one role (managers, for PIN overrides)."""
    rows = db.execute(
        "SELECT name, role, pin_hash, active FROM staff WHERE role = ? AND active = 1", [role]
    ).fetchall()
    return [StaffRow(r[0], r[1], r[2], bool(r[3])) for r in rows]


def record_failure(db: Database, name: str, at: float) -> int:
    """Remember a (possible) failure for the throttle; returns its row id."""
    cursor = db.execute("INSERT INTO login_failures(name, at) VALUES (?, ?)", [name, at])
    return int(cursor.lastrowid or 0)


def forget_failure(db: Database, row_id: int) -> None:
    """A guess that turned out right is no failure."""
    db.execute("DELETE FROM login_failures WHERE rowid = ?", [row_id])


def prune_failures(db: Database, before: float, now: float) -> None:
    """Drop failures past their window and lockouts that have ended."""
    db.execute("DELETE FROM login_failures WHERE at < ?", [before])
    db.execute("DELETE FROM lockouts WHERE until < ?", [now])


def failures_since(db: Database, name: str, since: float) -> list[float]:
    """Times of failed sign-ins for a name since an instant, oldest first."""
    rows = db.execute(
        "SELECT at FROM login_failures WHERE name = ? AND at >= ? ORDER BY at", [name, since]
    )
    return [float(r[0]) for r in rows.fetchall()]


def lock(db: Database, name: str, until: float) -> None:
    """Refuse every sign-in for a name until an instant."""
    db.execute(
        "INSERT INTO lockouts(name, until) VALUES (?, ?) "
        "ON CONFLICT(name) DO UPDATE SET until = excluded.until",
        [name, until],
    )


def locked_until(db: Database, name: str) -> float | None:
    """When a name's lockout ends, if it has one."""
    row = db.execute("SELECT until FROM lockouts WHERE name = ?", [name]).fetchone()
    return None if row is None else float(row[0])


def insert_session(db: Database, token_hash: str, row: SessionRow) -> None:
    """Store a session by the hash of its token."""
    db.execute(
        "INSERT INTO sessions(token_hash, name, role, register, expires_at) VALUES (?, ?, ?, ?, ?)",
        [token_hash, row.name, row.role, row.register, row.expires_at],
    )


def get_session(db: Database, token_hash: str) -> SessionRow | None:
    """A session by token hash (expired ones included; the caller checks)."""
    row = db.execute(
        "SELECT name, role, register, expires_at FROM sessions WHERE token_hash = ?", [token_hash]
    ).fetchone()
    return None if row is None else SessionRow(row[0], row[1], row[2], float(row[3]))


def delete_expired_sessions(db: Database, now: float) -> None:
    """Forget sessions past their expiry."""
    db.execute("DELETE FROM sessions WHERE expires_at < ?", [now])


def delete_session(db: Database, token_hash: str) -> None:
    """Sign-out: the token stops working at once."""
    db.execute("DELETE FROM sessions WHERE token_hash = ?", [token_hash])


def delete_sessions_of(db: Database, name: str) -> None:
    """A staff member removed or given another role loses every open session."""
    db.execute("DELETE FROM sessions WHERE name = ?", [name])
