"""`omnistore doctor --db URL`: is the cloud's database healthy? It answers, its schema is
at the newest migration, a SQLite file is private and intact, and webhook deliveries are
not piling up."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from cloud.storage import webhooks
from cloud.storage.engine import MIGRATIONS, make_engine
from shared.checks import Check, private_mode

MAX_BACKLOG = 1000


MAX_LAG_S = 5.0


def run(db: str, read_db: str | None = None) -> list[Check]:
    """Every check; a database that does not answer stops the rest."""
    checks = _primary(db)
    if read_db:
        checks.append(_replica(read_db))
    return checks


def _replica(read_db: str) -> Check:
    """How far the streaming replica's replay is behind (reports read from it)."""
    engine = make_engine(read_db)
    try:
        with engine.connect() as conn:
            lag = conn.execute(
                sa.text(
                    "SELECT CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() "
                    "THEN 0 ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()) END"
                )
            ).scalar()
    except sa.exc.SQLAlchemyError as exc:
        return Check("replica", False, f"{type(exc).__name__}: reports fall back to the primary")
    finally:
        engine.dispose()
    if lag is None:
        return Check("replica", False, "not a streaming replica: check --read-db")
    if float(lag) > MAX_LAG_S:
        return Check("replica", False, f"{float(lag):.1f} s behind: check replication")
    return Check("replica", True, f"{float(lag):.1f} s behind")


def _primary(db: str) -> list[Check]:
    engine = make_engine(db)
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
            checks = [Check("database", True, f"{conn.dialect.name} answers")]
            checks.append(_migrations(conn))
            if not checks[-1].ok:  # the tables below may not exist yet
                return checks
            checks.append(_backlog(conn))
            if conn.dialect.name == "sqlite":
                checks.append(_sqlite(conn, db))
    except sa.exc.SQLAlchemyError as exc:
        return [Check("database", False, f"{type(exc).__name__}: check --db and the server")]
    finally:
        engine.dispose()
    return checks


def _migrations(conn: sa.Connection) -> Check:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    current = MigrationContext.configure(conn).get_current_revision()
    if current != head:
        return Check(
            "migrations", False, f"at {current}, head is {head}: run `omnistore cloud serve` once"
        )
    return Check("migrations", True, f"at head {head}")


def _backlog(conn: sa.Connection) -> Check:
    waiting = webhooks.backlog(conn)
    if waiting > MAX_BACKLOG:
        return Check("webhooks", False, f"{waiting} deliveries waiting: check the receivers")
    return Check("webhooks", True, f"{waiting} deliveries waiting")


def _sqlite(conn: sa.Connection, db: str) -> Check:
    result = conn.execute(sa.text("PRAGMA quick_check")).scalar()
    path = Path(db)
    if result != "ok":
        return Check("sqlite", False, f"{result}: restore from the last backup")
    if path.exists() and not private_mode(path.stat().st_mode):
        return Check("sqlite", False, f"{path} is readable by others: chmod 600")
    return Check("sqlite", True, "integrity ok, file private")
