"""The one place that knows SQL dialects differ: inserts that ignore duplicates."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite


def insert_ignore(conn: sa.Connection, table: sa.Table, values: dict[str, Any]) -> bool:
    """Insert unless the primary/unique key exists; True when a row was added. RETURNING
    tells it on both back-ends (psycopg's rowcount is not reliable for this)."""
    builder = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    key = next(iter(table.primary_key.columns))
    statement = builder(table).values(**values).on_conflict_do_nothing().returning(key)
    return conn.execute(statement).first() is not None
