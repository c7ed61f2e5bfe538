"""The one place that knows SQL dialects differ: inserts that ignore duplicates."""

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
