"""The one place that knows SQL dialects differ: inserts that ignore duplicates, one row or
many at once."""

from __future__ import annotations

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
    """Built once per table, dialect and mode. RETURNING makes SQLAlchemy send the rows as
    multi-row INSERTs ("insertmanyvalues"), a page of up to 1000 rows per round trip."""
    if ignore:
        builder = postgresql.insert if dialect == "postgresql" else sqlite.insert
        statement: sa.Insert = builder(table).on_conflict_do_nothing()
    else:
        statement = sa.insert(table)
    return statement.returning(*table.primary_key.columns)


def insert_many(
    conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]], *, ignore: bool = False
) -> set[tuple[Any, ...]]:
    """Insert rows in bulk; the primary keys of the rows added (with `ignore`, a row whose
    key or unique constraint exists is skipped; without it, that fails the statement)."""
    if not rows:
        return set()
    statement = _insert_many(conn.dialect.name, table, ignore)
    return {tuple(row) for row in conn.execute(statement, rows)}
