"""The app's engine (one per process; connections are taken per operation)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import sqlalchemy as sa
from flask import current_app

from cloud.storage.engine import retrying

T = TypeVar("T")


def engine() -> sa.Engine:
    """The engine create_app made for this app."""
    return current_app.extensions["omnistore_engine"]


def write(work: Callable[[sa.Connection], T]) -> T:
    """Run a write in one transaction, again if a concurrent request won a race on a key
    (two PUTs claiming one barcode, two posts of one movement id): the rerun then sees the
    winner and answers as for a replay or a conflict, never a 500."""
    return retrying(engine(), work)
