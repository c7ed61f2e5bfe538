"""What HQ must look at (SPEC §3 exceptions), and the refusal of a pushed event."""

from __future__ import annotations

import sqlalchemy as sa

from cloud.storage import sync_log
from shared.clock import now_text
from shared.ids import new_id


class Rejected(Exception):
    """This event can never be applied; the store is told why and HQ sees an exception."""


def exception(conn: sa.Connection, store: str, kind: str, ref: str, detail: str) -> None:
    """Record something HQ must look at, once per (store, kind, ref)."""
    sync_log.add_exception(
        conn,
        {
            "id": new_id(),
            "store": store,
            "kind": kind,
            "ref": ref,
            "detail": detail,
            "created_at": now_text(),
        },
    )
