"""Transfers between stores: one row each, its state and from/to stores as columns for
HQ's lists, the body as both stores' feeds carry it."""

from __future__ import annotations

import sqlalchemy as sa

from cloud.storage.schema import transfers
from shared.clock import format_ts
from shared.transfers import Transfer


def get(conn: sa.Connection, transfer_id: str) -> tuple[Transfer, str] | None:
    """A transfer and the hash of the request that created it."""
    row = conn.execute(
        sa.select(transfers.c.body, transfers.c.request_hash).where(transfers.c.id == transfer_id)
    ).first()
    return None if row is None else (Transfer.model_validate_json(row[0]), str(row[1]))


def get_for_update(conn: sa.Connection, transfer_id: str) -> Transfer | None:
    """A transfer, its row locked until commit (two stores' events never interleave)."""
    query = sa.select(transfers.c.body).where(transfers.c.id == transfer_id)
    if conn.dialect.name == "postgresql":
        query = query.with_for_update()
    body = conn.execute(query).scalar()
    return None if body is None else Transfer.model_validate_json(body)


def insert(conn: sa.Connection, transfer: Transfer, request_hash: str) -> None:
    conn.execute(
        sa.insert(transfers).values(
            id=transfer.id,
            from_store=transfer.from_,
            to_store=transfer.to,
            state=transfer.state,
            request_hash=request_hash,
            created_at=format_ts(transfer.created_at),
            updated_at=format_ts(transfer.updated_at),
            body=_body(transfer),
        )
    )


def update(conn: sa.Connection, transfer: Transfer) -> None:
    conn.execute(
        sa.update(transfers)
        .where(transfers.c.id == transfer.id)
        .values(
            state=transfer.state,
            updated_at=format_ts(transfer.updated_at),
            body=_body(transfer),
        )
    )


def list_transfers(
    conn: sa.Connection,
    state: str | None,
    store: str | None,
    after: tuple[str, str] | None,
    limit: int,
) -> list[Transfer]:
    """Transfers by (created_at, id), optionally in one state and/or touching one store."""
    query = sa.select(transfers.c.body)
    if state is not None:
        query = query.where(transfers.c.state == state)
    if store is not None:
        query = query.where(sa.or_(transfers.c.from_store == store, transfers.c.to_store == store))
    if after is not None:
        query = query.where(sa.tuple_(transfers.c.created_at, transfers.c.id) > sa.tuple_(*after))
    rows = conn.execute(query.order_by(transfers.c.created_at, transfers.c.id).limit(limit))
    return [Transfer.model_validate_json(body) for (body,) in rows]


def _body(transfer: Transfer) -> str:
    return transfer.model_dump_json(by_alias=True, exclude={"queued"})
