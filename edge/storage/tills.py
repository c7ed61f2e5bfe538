"""The store's tills and the baskets its remote tills parked (all SQL of `edge.tills`)."""

from __future__ import annotations

import json

from sqlite_utils import Database

from shared.tills import ParkedBasket, Till

_TILL = "register, name, enrolled_at, enrolled_by, last_seen"
_PARKED = "sale_id, register, shift_id, cashier, parked_at, lines, extras"


def get_till(db: Database, register: str) -> Till | None:
    row = db.execute(f"SELECT {_TILL} FROM tills WHERE register = ?", [register]).fetchone()
    return None if row is None else _till(row)


def all_tills(db: Database) -> list[Till]:
    return [_till(r) for r in db.execute(f"SELECT {_TILL} FROM tills ORDER BY register")]


def upsert_till(db: Database, till: Till, enrolled_at: str) -> None:
    """Enrol (or enrol again, renamed) a register's till."""
    db.execute(
        f"INSERT INTO tills({_TILL}) VALUES (?, ?, ?, ?, ?) ON CONFLICT(register) DO UPDATE "
        "SET name = excluded.name, enrolled_at = excluded.enrolled_at, "
        "enrolled_by = excluded.enrolled_by",
        [till.register, till.name, enrolled_at, till.enrolled_by, enrolled_at],
    )


def touch(db: Database, register: str, seen_at: str) -> None:
    db.execute("UPDATE tills SET last_seen = ? WHERE register = ?", [seen_at, register])


def _till(row: tuple[str, str, str, str, str | None]) -> Till:
    register, name, enrolled_at, enrolled_by, last_seen = row
    return Till.model_validate(
        {
            "register": register,
            "name": name,
            "enrolled_at": enrolled_at,
            "enrolled_by": enrolled_by,
            "last_seen": last_seen,
        }
    )


def park(db: Database, basket: ParkedBasket, parked_at: str) -> None:
    """Keep a basket (parking the same sale id again replaces its lines)."""
    lines = json.dumps([line.model_dump(mode="json") for line in basket.lines])
    extras = basket.model_dump_json(include={"coupons", "discount", "customer_id"})
    db.execute(
        f"INSERT INTO parked({_PARKED}) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(sale_id) DO "
        "UPDATE SET lines = excluded.lines, parked_at = excluded.parked_at, "
        "cashier = excluded.cashier, extras = excluded.extras",
        [
            basket.sale_id,
            basket.register,
            basket.shift_id,
            basket.cashier,
            parked_at,
            lines,
            extras,
        ],
    )


def parked_of_shift(db: Database, shift_id: str) -> list[ParkedBasket]:
    rows = db.execute(
        f"SELECT {_PARKED} FROM parked WHERE shift_id = ? ORDER BY parked_at, sale_id",
        [shift_id],
    )
    return [_parked(r) for r in rows]


def get_parked(db: Database, sale_id: str) -> ParkedBasket | None:
    row = db.execute(f"SELECT {_PARKED} FROM parked WHERE sale_id = ?", [sale_id]).fetchone()
    return None if row is None else _parked(row)


def unpark(db: Database, sale_id: str) -> None:
    db.execute("DELETE FROM parked WHERE sale_id = ?", [sale_id])


def _parked(row: tuple[str, str, str, str, str, str, str | None]) -> ParkedBasket:
    sale_id, register, shift_id, cashier, parked_at, lines, extras = row
    return ParkedBasket.model_validate(
        {
            "sale_id": sale_id,
            "register": register,
            "shift_id": shift_id,
            "cashier": cashier,
            "parked_at": parked_at,
            "lines": json.loads(lines),
            **(json.loads(extras) if extras else {}),
        }
    )
