"""The storage code sets private modes itself, not only through the CLI's umask: a
library caller with a permissive umask still gets 0600 files and 0700 new directories,
and existing directories it did not create keep their mode."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from cloud.storage.engine import make_engine
from edge import node
from edge.storage.db import open_db
from shared.files import private_file
from shared.signing import generate_private_key


@pytest.fixture(autouse=True)
def _permissive_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_edge_files_and_dirs(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o755)
    data_dir = shared / "a" / "node"
    node.save_key(data_dir, generate_private_key())
    node.save(data_dir, node.NodeConfig("S1", "Store", "http://cloud", "S1-key"))
    db = open_db(node.db_path(data_dir))
    db.execute("CREATE TABLE t (x)")
    assert mode(shared) == 0o755, "a directory that existed keeps its mode"
    assert mode(shared / "a") == mode(data_dir) == 0o700
    for name in ("node_key.pem", "node.json", "edge.db", "edge.db-wal", "edge.db-shm"):
        assert mode(data_dir / name) == 0o600, name
    db.close()


def test_an_old_readable_database_is_tightened(tmp_path: Path) -> None:
    path = tmp_path / "edge.db"
    open_db(path).close()
    os.chmod(path, 0o644)
    open_db(path).close()
    assert mode(path) == 0o600


def test_cloud_sqlite_file(tmp_path: Path) -> None:
    engine = make_engine(str(tmp_path / "var" / "cloud.db"))
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE t (x INTEGER)"))
        conn.execute(sa.text("INSERT INTO t VALUES (1)"))
        assert mode(tmp_path / "var") == 0o700
        for name in ("cloud.db", "cloud.db-wal", "cloud.db-shm"):
            assert mode(tmp_path / "var" / name) == 0o600, name
    engine.dispose()


def test_checking_an_open_database_keeps_its_locks(tmp_path: Path) -> None:
    """Closing any descriptor of a file drops this process's POSIX locks on it: making an
    existing database private must never open it, or SQLite's locks silently vanish."""
    path = tmp_path / "locked.db"
    holder = sqlite3.connect(str(path), isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO t VALUES (1)")
    os.chmod(path, 0o644)
    private_file(path)
    assert mode(path) == 0o600
    other = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], timeout=0, "
            "isolation_level=None); c.execute('BEGIN IMMEDIATE')",
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert other.returncode != 0 and "database is locked" in other.stderr
    holder.rollback()
    holder.close()
