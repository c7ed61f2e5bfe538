"""Backups of the node's database: an online SQLite backup (safe while the node sells: the
backup API copies a consistent snapshot page by page), checked with `PRAGMA integrity_check`
before it is kept; and restore, which marks the database so the node learns back from the
cloud what it pushed after the backup before it sells again (see `edge.recovery`)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from edge import node
from edge.recovery import mark_restored
from edge.running import refuse_if_running
from edge.storage.db import open_db
from shared.errors import Unprocessable
from shared.files import private_file


def backup(data_dir: Path, target: Path) -> None:
    """Copy `edge.db` to `target` (mode 0600); the copy is checked before it replaces any
    older file of that name."""
    partial = target.with_name(target.name + ".partial")
    source = sqlite3.connect(node.db_path(data_dir))
    try:
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)
            _check(copy, partial)
        finally:
            copy.close()
    finally:
        source.close()
    private_file(partial)
    os.replace(partial, target)


def restore(data_dir: Path, source: Path) -> str | None:
    """Replace `edge.db` by a backup; the node must be stopped. Returns the moment from which
    the node will learn its own facts back from the cloud."""
    refuse_if_running(data_dir)
    backup_db = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        _check(backup_db, source)
        live = sqlite3.connect(node.db_path(data_dir), timeout=1)
        try:
            backup_db.backup(live)
        finally:
            live.close()
    finally:
        backup_db.close()
    db = open_db(node.db_path(data_dir))
    try:
        return mark_restored(db)
    finally:
        db.close()


def _check(conn: sqlite3.Connection, path: Path) -> None:
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        result = str(exc)
    if result != "ok":
        raise Unprocessable("corrupt_backup", f"{path} failed its integrity check: {result}")
