"""The one place that knows SQL dialects differ: inserts that ignore duplicates, one row or
many at once."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite


@cache
def _insert_ignore(dialect: str, table: sa.Table) -> sa.Insert:
    """Built once per table and dialect: push applies thousands of these per second."""
    builder = postgresql.insert if dialect == "postgresql" else sqlite.insert
    key = next(iter(table.primary_key.columns))
    return builder(table).on_conflict_do_nothing().returning(key)


def insert_ignore(conn: sa.Connection, table: sa.Table, values: dict[str, Any]) -> bool:
    """Insert unless the primary/unique key exists; True when a row was added. RETURNING
    tells it on both back-ends (psycopg's rowcount is not reliable for this)."""
    statement = _insert_ignore(conn.dialect.name, table)
    return conn.execute(statement, values).first() is not None


@cache
def _insert_many(dialect: str, table: sa.Table, ignore: bool) -> sa.Insert:
    """Built once per table, dialect and mode (SQLite). RETURNING makes SQLAlchemy send the
    rows as multi-row INSERTs ("insertmanyvalues"), a page of rows per statement."""
    if ignore:
        builder = postgresql.insert if dialect == "postgresql" else sqlite.insert
        statement: sa.Insert = builder(table).on_conflict_do_nothing()
    else:
        statement = sa.insert(table)
    return statement.returning(*table.primary_key.columns)


@cache
def _from_json(table: sa.Table, columns: tuple[str, ...], ignore: bool) -> sa.TextClause:
    """PostgreSQL: the rows as one JSON parameter, `INSERT ... SELECT FROM
    json_populate_recordset(...)`. A statement of constant text whatever the number of rows,
    and one parameter that needs no escaping: a multi-row VALUES costs more to build and for
    the driver to parse than to run, and array parameters are escaped value by value."""
    names = ", ".join(columns)
    keys = ", ".join(c.name for c in table.primary_key.columns)
    return sa.text(
        f"INSERT INTO {table.name} ({names}) SELECT {names} FROM "
        f"json_populate_recordset(NULL::{table.name}, CAST(:rows AS json))"
        + (" ON CONFLICT DO NOTHING" if ignore else "")
        + f" RETURNING {keys}"
    )


def insert_many(
    conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]], *, ignore: bool = False
) -> set[tuple[Any, ...]]:
    """Insert rows (all with the same keys) in bulk; the primary keys of the rows added (with
    `ignore`, a row whose key or a unique constraint exists is skipped; without it, that fails
    the statement)."""
    if not rows:
        return set()
    if conn.dialect.name == "postgresql":
        statement = _from_json(table, tuple(rows[0]), ignore)
        return {tuple(row) for row in conn.execute(statement, {"rows": json.dumps(rows)})}
    return {
        tuple(row) for row in conn.execute(_insert_many(conn.dialect.name, table, ignore), rows)
    }


def add_to(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """Add each row's counters to the row of the same key, or insert it (rollups): one
    `INSERT ... ON CONFLICT DO UPDATE SET c = c + excluded.c` for all rows, whose keys must
    be distinct (a statement may not update one row twice)."""
    if not rows:
        return
    keys = [c.name for c in table.primary_key.columns]
    builder = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    statement = builder(table).values(rows)
    counters = [name for name in rows[0] if name not in keys]
    conn.execute(
        statement.on_conflict_do_update(
            index_elements=keys,
            set_={name: table.c[name] + statement.excluded[name] for name in counters},
        )
    )
