"""One signed exchange with the cloud, keeping the learned clock offset up to date."""

from __future__ import annotations

import time
from importlib import metadata
from typing import Any

from sqlite_utils import Database

from edge import clock, outbox
from edge.storage import state
from edge.storage.db import write
from edge.sync.client import Answer, CloudClient, CloudRefused
from shared.clock import format_ts, from_epoch

try:
    VERSION = metadata.version("omnistore")
except metadata.PackageNotFoundError:  # running from a source tree that was not installed
    VERSION = "unknown"


def exchange(
    db: Database,
    client: CloudClient,
    method: str,
    path: str,
    *,
    params: dict[str, str] | None = None,
    body: Any = None,
) -> Answer:
    """Call the cloud with corrected time; a stale-signature refusal is retried once with
    the offset that very answer taught us, so a node whose clock is days off still syncs."""
    for attempt in (1, 2):
        try:
            answer = client.call(
                method,
                path,
                offset_s=clock.offset_s(db),
                params=params,
                body=body,
                extra=node_report(db),
            )
        except CloudRefused as refused:
            _learn(db, refused.offset_s)
            if refused.code == "stale_signature" and attempt == 1:
                continue
            raise
        _learn(db, answer.offset_s)
        return answer
    raise AssertionError("unreachable")


def node_report(db: Database) -> dict[str, str]:
    """What HQ's fleet page shows of this node: its software version and outbox depth."""
    return {"X-Omnistore-Version": VERSION, "X-Omnistore-Outbox": str(outbox.depth(db))}


def _learn(db: Database, offset: float | None) -> None:
    if offset is None:
        return
    with write(db):
        clock.set_offset(db, offset)
        state.put(db, "last_contact_at", format_ts(from_epoch(time.time())))
