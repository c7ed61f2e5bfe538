"""Shifts at the node: one open shift per register at a time."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from shared.models import Return, Sale, Void


@dataclass(frozen=True)
class ShiftRow:
    id: str
    register: str
    cashier: str
    opened_at: str
    float_amount: int
    closed_at: str | None
    counted: int | None
    report: str | None


_COLUMNS = "id, register, cashier, opened_at, float_amount, closed_at, counted, report"


def insert(db: Database, row: ShiftRow) -> None:
    """Open a shift (the unique index refuses a second open shift on a register)."""
    db.execute(
        f"INSERT INTO shifts({_COLUMNS}) VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL)",
        [row.id, row.register, row.cashier, row.opened_at, row.float_amount],
    )


def open_on(db: Database, register: str) -> ShiftRow | None:
    """The register's open shift, if any."""
    row = db.execute(
        f"SELECT {_COLUMNS} FROM shifts WHERE register = ? AND closed_at IS NULL", [register]
    ).fetchone()
    return None if row is None else ShiftRow(*row)


def current_shift_id(db: Database, register: str) -> str | None:
    """The id of the register's open shift, recorded on every sale, return and void."""
    shift = open_on(db, register)
    return None if shift is None else shift.id


def get(db: Database, shift_id: str) -> ShiftRow | None:
    """A shift by id."""
    row = db.execute(f"SELECT {_COLUMNS} FROM shifts WHERE id = ?", [shift_id]).fetchone()
    return None if row is None else ShiftRow(*row)


def close(db: Database, shift_id: str, closed_at: str, counted: int, report: str) -> None:
    """Close a shift with its cash count and Z report."""
    db.execute(
        "UPDATE shifts SET closed_at = ?, counted = ?, report = ? WHERE id = ?",
        [closed_at, counted, report, shift_id],
    )


def facts(db: Database, shift_id: str) -> tuple[list[Sale], list[Return], list[Void]]:
    """Everything recorded in a shift, for its Z report."""
    sales = [
        Sale.model_validate_json(r[0])
        for r in db.execute("SELECT body FROM sales WHERE shift_id = ? ORDER BY rowid", [shift_id])
    ]
    returns = [
        Return.model_validate_json(r[0])
        for r in db.execute(
            "SELECT body FROM returns WHERE shift_id = ? ORDER BY rowid", [shift_id]
        )
    ]
    voids = [
        Void.model_validate_json(r[0])
        for r in db.execute("SELECT body FROM voids WHERE shift_id = ? ORDER BY rowid", [shift_id])
    ]
    return sales, returns, voids
