"""Customers, their points ledger, points holds and their activity (SQL only; the rules
live in cloud/services/customers.py and cloud/services/loyalty.py).

A merged customer keeps its row with `merged_into` naming the survivor, and every record
merged into it before is re-pointed at the survivor too, so "this customer and everyone
merged into it" is always one level deep: `id = :id OR merged_into = :id`."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from cloud.storage.dialect import insert_ignore
from cloud.storage.schema import customer_activity, customers, points, points_holds, settings

LOCK_KEY = "customers_lock"


def lock(conn: sa.Connection) -> None:
    """Serialise customer writes (uniqueness of phone, email and card among customers not
    merged, and holds against balances) across workers: a row lock held until commit."""
    insert_ignore(conn, settings, {"key": LOCK_KEY, "value": "1"})
    conn.execute(sa.select(settings.c.value).where(settings.c.key == LOCK_KEY).with_for_update())


def lock_one(conn: sa.Connection, customer_id: str) -> None:
    """Row-lock one customer until commit (two pushes touching one balance queue here)."""
    conn.execute(sa.select(customers.c.id).where(customers.c.id == customer_id).with_for_update())


def get(conn: sa.Connection, customer_id: str) -> dict[str, Any] | None:
    row = conn.execute(sa.select(customers).where(customers.c.id == customer_id)).mappings()
    found = row.first()
    return None if found is None else dict(found)


def find_live(
    conn: sa.Connection, field: str, value: str, other_than: str | None = None
) -> dict[str, Any] | None:
    """The customer not merged whose phone, email or card is `value`."""
    query = sa.select(customers).where(
        customers.c[field] == value, customers.c.merged_into.is_(None)
    )
    if other_than is not None:
        query = query.where(customers.c.id != other_than)
    found = conn.execute(query.limit(1)).mappings().first()
    return None if found is None else dict(found)


def insert(conn: sa.Connection, row: dict[str, Any]) -> None:
    conn.execute(sa.insert(customers).values(**row))


def update(conn: sa.Connection, customer_id: str, values: dict[str, Any]) -> None:
    conn.execute(sa.update(customers).where(customers.c.id == customer_id).values(**values))


def repoint(conn: sa.Connection, old: str, new: str, at: str) -> None:
    """Everything merged into `old` now names `new` (one level deep, always)."""
    conn.execute(
        sa.update(customers)
        .where(customers.c.merged_into == old)
        .values(merged_into=new, updated_at=at)
    )


def family(conn: sa.Connection, survivor: str) -> list[str]:
    """The survivor's id and the ids merged into it."""
    rows = conn.execute(
        sa.select(customers.c.id).where(
            sa.or_(customers.c.id == survivor, customers.c.merged_into == survivor)
        )
    )
    return sorted({survivor, *(str(r[0]) for r in rows)})


def merged_into(conn: sa.Connection, survivor: str) -> list[dict[str, Any]]:
    rows = conn.execute(sa.select(customers).where(customers.c.merged_into == survivor))
    return [dict(r) for r in rows.mappings()]


def search(
    conn: sa.Connection,
    exact: dict[str, str],
    name: str,
    after: tuple[str, str] | None,
    limit: int,
) -> list[dict[str, Any]]:
    """Customers not merged whose phone/email/card equals one of `exact` or whose name
    contains `name` (any case), by (created_at, id)."""
    terms: list[sa.ColumnElement[bool]] = [customers.c[f] == v for f, v in exact.items()]
    if name:
        pattern = "%" + name.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        terms.append(sa.func.lower(customers.c.name).like(pattern + "%", escape="\\"))
    query = sa.select(customers).where(customers.c.merged_into.is_(None), sa.or_(*terms))
    if after is not None:
        query = query.where(sa.tuple_(customers.c.created_at, customers.c.id) > sa.tuple_(*after))
    rows = conn.execute(query.order_by(customers.c.created_at, customers.c.id).limit(limit))
    return [dict(r) for r in rows.mappings()]


# --- points -----------------------------------------------------------------------------


def add_points(conn: sa.Connection, row: dict[str, Any]) -> bool:
    """One ledger entry, once by id; True when it is new."""
    return insert_ignore(conn, points, row)


def get_point(conn: sa.Connection, entry_id: str) -> dict[str, Any] | None:
    found = conn.execute(sa.select(points).where(points.c.id == entry_id)).mappings().first()
    return None if found is None else dict(found)


def balance(conn: sa.Connection, ids: list[str]) -> int:
    total = conn.execute(
        sa.select(sa.func.coalesce(sa.func.sum(points.c.delta), 0)).where(
            points.c.customer_id.in_(ids)
        )
    ).scalar_one()
    return int(total)


def dormant(conn: sa.Connection, cutoff: str) -> list[tuple[str, str]]:
    """(survivor, the last time its points moved) of customers who hold points and whose
    ledger (merged records included) has not moved but by expiry since before `cutoff`;
    erased customers are left out."""
    survivor = sa.func.coalesce(customers.c.merged_into, customers.c.id)
    moved = sa.func.max(sa.case((points.c.reason != "expire", points.c.occurred_at)))
    query = (
        sa.select(survivor, moved)
        .select_from(points.join(customers, customers.c.id == points.c.customer_id))
        .where(customers.c.erased_at.is_(None))
        .group_by(survivor)
        .having(sa.func.sum(points.c.delta) > 0, moved < cutoff)
    )
    return [(str(who), str(when)) for who, when in conn.execute(query)]


def reversed_of(conn: sa.Connection, sale_id: str) -> dict[str, int]:
    """What returns and voids in every store already gave back of a sale's points, per part
    (positive): earned points taken back (`earn`), redeemed points given back (`redeem`)."""
    signs = {"earn": -1, "redeem": 1}
    found = {}
    for part, sign in signs.items():
        total = conn.execute(
            sa.select(sa.func.coalesce(sa.func.sum(points.c.delta * sign), 0)).where(
                points.c.ref == sale_id, points.c.reason == "reverse", points.c.delta * sign > 0
            )
        ).scalar_one()
        found[part] = int(total)
    return found


def entries(conn: sa.Connection, ids: list[str]) -> list[dict[str, Any]]:
    rows = conn.execute(
        sa.select(points)
        .where(points.c.customer_id.in_(ids))
        .order_by(points.c.occurred_at, points.c.id)
    )
    return [dict(r) for r in rows.mappings()]


def add_hold(conn: sa.Connection, row: dict[str, Any]) -> bool:
    return insert_ignore(conn, points_holds, row)


def get_hold(conn: sa.Connection, hold_id: str) -> dict[str, Any] | None:
    found = conn.execute(sa.select(points_holds).where(points_holds.c.id == hold_id))
    row = found.mappings().first()
    return None if row is None else dict(row)


def held(conn: sa.Connection, ids: list[str], now: str) -> int:
    """Points held for redemptions not yet pushed, and not expired."""
    total = conn.execute(
        sa.select(sa.func.coalesce(sa.func.sum(points_holds.c.points), 0)).where(
            points_holds.c.customer_id.in_(ids),
            points_holds.c.used.is_(False),
            points_holds.c.expires_at > now,
        )
    ).scalar_one()
    return int(total)


def use_hold(conn: sa.Connection, hold_id: str) -> None:
    conn.execute(sa.update(points_holds).where(points_holds.c.id == hold_id).values(used=True))


# --- activity (the timeline) ------------------------------------------------------------


def add_activity(conn: sa.Connection, row: dict[str, Any]) -> None:
    """A sale, return or order of a customer, once per (kind, id)."""
    insert_ignore(conn, customer_activity, row)


def activity(conn: sa.Connection, ids: list[str], limit: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        sa.select(customer_activity)
        .where(customer_activity.c.customer_id.in_(ids))
        .order_by(customer_activity.c.at.desc(), customer_activity.c.id)
        .limit(limit)
    )
    return [dict(r) for r in rows.mappings()]
