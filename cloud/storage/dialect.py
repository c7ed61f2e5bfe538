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


@cache
def counters(table: sa.Table) -> tuple[str, ...]:
    """A rollup's columns that `add_to` adds to: all but the key and the labels (text, such
    as a promotion's name, which the newest row sets)."""
    return tuple(
        c.name for c in table.columns if not c.primary_key and not isinstance(c.type, sa.String)
    )


@cache
def _add_to(dialect: str, table: sa.Table, columns: tuple[str, ...]) -> Any:
    """Built once per table and dialect. PostgreSQL: the rows as one JSON parameter (constant
    text, see `_from_json`); SQLite: one statement run for every row (executemany)."""
    keys = [c.name for c in table.primary_key.columns]
    added = [name for name in columns if name in counters(table)]
    labels = [name for name in columns if name not in keys and name not in added]
    if dialect == "postgresql":
        names = ", ".join(columns)
        updates = ", ".join(
            [f"{c} = {table.name}.{c} + excluded.{c}" for c in added]
            + [f"{c} = excluded.{c}" for c in labels]
        )
        return sa.text(
            f"INSERT INTO {table.name} ({names}) SELECT {names} FROM "
            f"json_populate_recordset(NULL::{table.name}, CAST(:rows AS json)) "
            f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {updates}"
        )
    statement = sqlite.insert(table)
    return statement.on_conflict_do_update(
        index_elements=keys,
        set_={name: table.c[name] + statement.excluded[name] for name in added}
        | {name: statement.excluded[name] for name in labels},
    )


def add_to(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """Add each row's counters to the row of the same key, or insert it (rollups), in one
    statement: `INSERT ... ON CONFLICT DO UPDATE SET c = c + excluded.c`; a text column is a
    label, set to the new row's (`SET name = excluded.name`). Keys must be distinct (a
    statement may not update one row twice); all rows have the same columns."""
    if not rows:
        return
    statement = _add_to(conn.dialect.name, table, tuple(rows[0]))
    if conn.dialect.name == "postgresql":
        conn.execute(statement, {"rows": json.dumps(rows)})
    else:
        conn.execute(statement, rows)


def json_rows(conn: sa.Connection, query: sa.Select[Any], order: list[str]) -> list[Any]:
    """The rows of `query` as dicts, aggregated into one JSON document by the database (and
    parsed by the C JSON parser): for answers of many thousand rows, far cheaper than
    building a Python row per row. Rows come back ordered by the `order` columns."""
    sub = query.subquery()
    pairs = [part for column in sub.columns for part in (_name(column.name), column)]
    keys = [sub.c[name] for name in order]
    if conn.dialect.name == "postgresql":
        obj = sa.func.json_build_object(*pairs)
        agg: Any = sa.func.json_agg(postgresql.aggregate_order_by(obj, *keys))
        statement = sa.select(agg)
    else:
        ordered = sa.select(sub).order_by(*keys).subquery()
        pairs = [part for column in ordered.columns for part in (_name(column.name), column)]
        statement = sa.select(sa.func.json_group_array(sa.func.json_object(*pairs)))
    found = conn.execute(statement).scalar()
    if found is None:
        return []
    return list(json.loads(found) if isinstance(found, str) else found)


def _name(name: str) -> Any:
    """A column name as an SQL string literal (names come from the code, never from input)."""
    assert name.isidentifier()
    return sa.literal_column(f"'{name}'")
