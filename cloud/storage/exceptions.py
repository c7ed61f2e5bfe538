"""Exceptions HQ must look at, unique per (store, kind, ref) so each is recorded once."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from cloud.storage.dialect import insert_ignore, insert_many
from cloud.storage.schema import exceptions


def add_exception(conn: sa.Connection, values: dict[str, Any]) -> bool:
    """Record an exception once per (store, kind, ref); True when it is new."""
    return insert_ignore(conn, exceptions, values)


def add_exceptions(conn: sa.Connection, rows: list[dict[str, Any]]) -> None:
    """Record many exceptions in one statement, each once per (store, kind, ref)."""
    insert_many(conn, exceptions, rows, ignore=True)


def list_exceptions(
    conn: sa.Connection,
    store: str | None,
    kind: str | None,
    since: str | None,
    after: tuple[str, str] | None,
    limit: int,
) -> list[dict[str, Any]]:
    """Exceptions in (created_at, id) order, optionally filtered."""
    query = sa.select(exceptions)
    if store is not None:
        query = query.where(exceptions.c.store == store)
    if kind is not None:
        query = query.where(exceptions.c.kind == kind)
    if since is not None:
        query = query.where(exceptions.c.created_at >= since)
    if after is not None:
        query = query.where(sa.tuple_(exceptions.c.created_at, exceptions.c.id) > sa.tuple_(*after))
    rows = conn.execute(query.order_by(exceptions.c.created_at, exceptions.c.id).limit(limit))
    return [dict(r) for r in rows.mappings()]


def count_by_kind(conn: sa.Connection) -> dict[str, int]:
    """How many exceptions of each kind have been recorded."""
    rows = conn.execute(
        sa.select(exceptions.c.kind, sa.func.count()).group_by(exceptions.c.kind)
    ).all()
    return {str(kind): int(n) for kind, n in rows}
