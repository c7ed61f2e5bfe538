"""Small key/value facts about the node's sync: cursor, clock offset, last push and pull."""

from __future__ import annotations

from sqlite_utils import Database


def get(db: Database, key: str, default: str | None = None) -> str | None:
    """The stored value, or `default`."""
    row = db.execute("SELECT value FROM sync_state WHERE key = ?", [key]).fetchone()
    return default if row is None else row[0]


def put(db: Database, key: str, value: str | None) -> None:
    """Insert or replace one value."""
    db.execute(
        "INSERT INTO sync_state(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, value],
    )


def get_all(db: Database) -> dict[str, str | None]:
    """Every stored value, for status pages."""
    return {k: v for k, v in db.execute("SELECT key, value FROM sync_state").fetchall()}
