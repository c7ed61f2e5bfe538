"""Is the node able to do its job: the database answers."""

from __future__ import annotations

from sqlite_utils import Database


def check(db: Database) -> None:
    """Raise when the database does not answer."""
    db.execute("SELECT 1")
