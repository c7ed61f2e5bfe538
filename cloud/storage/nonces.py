"""Nonces of signed requests, in the database so a replay is refused by every worker."""

from __future__ import annotations

import sqlalchemy as sa

from cloud.storage.dialect import insert_ignore
from cloud.storage.schema import nonces


def use_nonce(conn: sa.Connection, keyid: str, nonce: str, created: int) -> bool:
    """False when the nonce was seen before for this key (a replay)."""
    return insert_ignore(conn, nonces, {"keyid": keyid, "nonce": nonce, "created": created})


def prune_nonces(conn: sa.Connection, before: int) -> None:
    """Forget nonces older than the freshness window: those requests are refused as stale."""
    conn.execute(sa.delete(nonces).where(nonces.c.created < before))
