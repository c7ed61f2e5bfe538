"""The node's customer index and the points it recorded (SQL only).

`customers` mirrors the cloud's index entries (a merged record names its survivor);
`points_local` holds every points entry this node wrote, each with the outbox event that
carries it: while that event is pending, the cloud's balance (as last pulled) does not
include it yet."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from shared.customers import IndexEntry

FIELDS = ("id", "name", "phone", "email", "card", "points", "merged_into", "erased")


@dataclass(frozen=True)
class LocalPoints:
    id: str
    customer_id: str
    delta: int
    reason: str
    part: str  # earn or redeem: which side of the sale a reversal gives back
    sale_id: str
    event_id: str
    offline: bool
    occurred_at: str


def _entry(row: tuple[object, ...] | None) -> IndexEntry | None:
    if row is None:
        return None
    return IndexEntry.model_validate(dict(zip(FIELDS, row, strict=True)))


def get(db: Database, customer_id: str) -> IndexEntry | None:
    row = db.execute(
        f"SELECT {', '.join(FIELDS)} FROM customers WHERE id = ?", [customer_id]
    ).fetchone()
    return _entry(row)


def find(db: Database, field: str, value: str) -> IndexEntry | None:
    """The customer with this phone, email or card; one not merged first."""
    if field not in ("phone", "email", "card"):
        raise ValueError(field)
    row = db.execute(
        f"SELECT {', '.join(FIELDS)} FROM customers WHERE {field} = ? "
        "ORDER BY merged_into IS NOT NULL LIMIT 1",
        [value],
    ).fetchone()
    return _entry(row)


def upsert(db: Database, entry: IndexEntry) -> None:
    """Insert or replace an index entry (an erased one keeps only its id)."""
    values = entry.model_dump(include=set(FIELDS))
    db.execute(
        f"INSERT INTO customers({', '.join(FIELDS)}) VALUES ({', '.join('?' * len(FIELDS))}) "
        "ON CONFLICT(id) DO UPDATE SET " + ", ".join(f"{f} = excluded.{f}" for f in FIELDS[1:]),
        [values[f] for f in FIELDS],
    )


def upsert_many(db: Database, entries: list[IndexEntry]) -> None:
    """Many entries in one statement per page (the initial pull of a large index)."""
    rows = [[getattr(e, f) for f in FIELDS] for e in entries]
    db.conn.executemany(
        f"INSERT INTO customers({', '.join(FIELDS)}) VALUES ({', '.join('?' * len(FIELDS))}) "
        "ON CONFLICT(id) DO UPDATE SET " + ", ".join(f"{f} = excluded.{f}" for f in FIELDS[1:]),
        rows,
    )


def family(db: Database, survivor: str) -> list[str]:
    rows = db.execute("SELECT id FROM customers WHERE merged_into = ?", [survivor]).fetchall()
    return [survivor, *(str(r[0]) for r in rows)]


def add_points(db: Database, entry: LocalPoints) -> None:
    db.execute(
        "INSERT INTO points_local(id, customer_id, delta, reason, part, sale_id, event_id, "
        "offline, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            entry.id,
            entry.customer_id,
            entry.delta,
            entry.reason,
            entry.part,
            entry.sale_id,
            entry.event_id,
            int(entry.offline),
            entry.occurred_at,
        ],
    )


def pending_delta(db: Database, ids: list[str]) -> int:
    """Points this node recorded for these customers that the cloud has not acknowledged."""
    marks = ", ".join("?" * len(ids))
    row = db.execute(
        "SELECT COALESCE(SUM(p.delta), 0) FROM points_local p JOIN outbox o ON o.id = p.event_id "
        f"WHERE p.customer_id IN ({marks}) AND o.status = 'pending'",
        ids,
    ).fetchone()
    return int(row[0])


def pending_offline_redeemed(db: Database, ids: list[str]) -> int:
    """Points redeemed here without a hold, not yet acknowledged by the cloud."""
    marks = ", ".join("?" * len(ids))
    row = db.execute(
        "SELECT COALESCE(SUM(-p.delta), 0) FROM points_local p JOIN outbox o ON o.id = p.event_id "
        f"WHERE p.customer_id IN ({marks}) AND o.status = 'pending' AND p.offline = 1 "
        "AND p.reason = 'redeem'",
        ids,
    ).fetchone()
    return int(row[0])


def reversed_of(db: Database, sale_id: str, pending_only: bool = False) -> dict[str, int]:
    """What returns and voids here already gave back of a sale's points, per part
    (positive); `pending_only`: those the cloud has not acknowledged yet."""
    pending = "AND o.status = 'pending' " if pending_only else ""
    rows = db.execute(
        "SELECT p.part, COALESCE(SUM(ABS(p.delta)), 0) FROM points_local p "
        "LEFT JOIN outbox o ON o.id = p.event_id "
        f"WHERE p.sale_id = ? AND p.reason = 'reverse' {pending}GROUP BY p.part",
        [sale_id],
    ).fetchall()
    return {str(part): int(total) for part, total in rows}


def count(db: Database) -> int:
    return int(db.execute("SELECT COUNT(*) FROM customers").fetchone()[0])
