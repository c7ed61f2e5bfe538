"""The app's engines (one per process; connections are taken per operation): the primary,
and optionally a streaming replica for reports and HQ list reads."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from typing import TypeVar

import sqlalchemy as sa
from flask import current_app

from cloud.storage.engine import retrying

T = TypeVar("T")
READ_ENGINE = "omnistore_read_engine"
log = logging.getLogger("omnistore.cloud.db")


def engine() -> sa.Engine:
    """The engine create_app made for this app."""
    return current_app.extensions["omnistore_engine"]


def write(work: Callable[[sa.Connection], T]) -> T:
    """Run a write in one transaction, again if a concurrent request won a race on a key
    (two PUTs claiming one barcode, two posts of one movement id): the rerun then sees the
    winner and answers as for a replay or a conflict, never a 500."""
    return retrying(engine(), work)


@contextlib.contextmanager
def reading() -> Iterator[sa.Connection]:
    """A connection for a read that may lag a little (reports, HQ lists): the replica when
    one is set and answers, else the primary, with a warning, never an error. Reads that
    must see the caller's own writes use `engine()`."""
    replica: sa.Engine | None = current_app.extensions.get(READ_ENGINE)
    conn = None
    if replica is not None:
        try:
            conn = replica.connect()
        except sa.exc.OperationalError as exc:
            log.warning("read replica unavailable, reading from the primary: %s", exc.orig)
    with conn or engine().connect() as live:
        yield live
