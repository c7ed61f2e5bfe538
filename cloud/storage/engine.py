"""Engines for both back-ends and migrations on start."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from shared.files import private_file, sqlite_companions, tighten

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
T = TypeVar("T")
RETRIES = 3
# Short: a request that cannot get SQLite's write lock in this time answers 503
# database_busy with Retry-After (shared.errors) instead of hanging; every write is short.
BUSY_TIMEOUT_MS = 5_000
# PostgreSQL: deadlock detected, serialization failure. Worth running the work again.
_TRANSIENT_SQLSTATES = {"40P01", "40001"}


def database_url(db: str) -> str:
    """`--db` is a SQLite path or a postgresql:// URL (psycopg 3 driver)."""
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    if "://" in db:
        return db
    path = Path(db).expanduser()
    if db != ":memory:":
        private_file(path)  # 0600 (and new parent dirs 0700): SQLite's -wal/-shm follow it
    return f"sqlite:///{path}"


def make_engine(db: str) -> sa.Engine:
    """An engine with WAL, busy timeout and IMMEDIATE transactions on SQLite, so that
    concurrent writers queue instead of failing on lock upgrades."""
    url = database_url(db)
    if not url.startswith("sqlite"):
        return _postgres_engine(sa.engine.make_url(url))
    engine = sa.create_engine(
        url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
    )

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        """WAL for concurrent readers, FULL sync so a committed push survives power loss."""
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        if engine.url.database and engine.url.database != ":memory:":
            tighten(*sqlite_companions(Path(engine.url.database)))
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        """Take the write lock up front: no deadlock on a read-to-write upgrade."""
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


MIGRATION_LOCK = 7_311_001  # any constant: the advisory lock that serialises migrations


def _postgres_engine(url: sa.URL) -> sa.Engine:
    """`?pgbouncer=transaction` in the URL: the cloud talks to PostgreSQL through PgBouncer in
    transaction pooling, where a server connection changes between transactions, so psycopg
    must not keep prepared statements on it (it then prepares none)."""
    connect_args: dict[str, Any] = {}
    if url.query.get("pgbouncer") == "transaction":
        url = url.difference_update_query(["pgbouncer"])
        connect_args["prepare_threshold"] = None
    return sa.create_engine(
        url, pool_pre_ping=True, pool_size=5, max_overflow=10, connect_args=connect_args
    )


def migrate(engine: sa.Engine) -> None:
    """Bring the schema to the newest Alembic revision. Processes starting together (several
    containers on one PostgreSQL) take turns; SQLite's write lock does the same there."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


def retrying(engine: sa.Engine, work: Callable[[sa.Connection], T]) -> T:
    """Run `work` in a transaction, again (up to RETRIES times) when it lost a race with a
    concurrent writer: a duplicate key another worker committed first, or a PostgreSQL
    deadlock. `work` must be idempotent, which every push path is."""
    for attempt in range(1, RETRIES + 1):
        try:
            with engine.begin() as conn:
                return work(conn)
        except sa.exc.DBAPIError as exc:
            if attempt == RETRIES or not _transient(exc):
                raise
    raise AssertionError("unreachable")


def _transient(exc: sa.exc.DBAPIError) -> bool:
    """Races worth a rerun: duplicate keys, PostgreSQL deadlocks, serialisation failures."""
    if isinstance(exc, sa.exc.IntegrityError):
        return True
    return getattr(exc.orig, "sqlstate", None) in _TRANSIENT_SQLSTATES
