"""A database that is locked, full or unreachable answers 503 with Retry-After and a code
the caller can act on (never a bare 500 after a long wait), and GET /healthz on both apps
turns 503 while the database cannot take a write, 200 again once it can."""

from __future__ import annotations

import sqlite3
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa
from flask.testing import FlaskClient

import shared.errors
from cloud.app import create_app
from cloud.services.tokens import create_api_token
from edge import health, node
from shared.errors import as_error
from tests.edge_fixtures import Node

SALE = {"lines": [{"sku": "MILK", "qty": 1}], "payments": [{"method": "cash", "amount": 500}]}


@pytest.mark.parametrize(
    ("message", "code"),
    [
        ("database is locked", "database_busy"),
        ("database or disk is full", "disk_full"),
        ("disk I/O error", "database_unavailable"),
        ("unable to open database file", "database_unavailable"),
    ],
)
def test_sqlite_trouble_is_503_with_retry_after(message: str, code: str) -> None:
    raw = sqlite3.OperationalError(message)
    wrapped = sa.exc.OperationalError("INSERT INTO x VALUES (1)", {}, raw)
    for exc in (raw, wrapped):
        error = as_error(exc)
        assert (error.status, error.code) == (503, code), exc
        assert error.headers == {"Retry-After": "5"}
        assert error.body()["error"]["code"] == code


def test_postgres_connection_failure_is_503() -> None:
    with pytest.raises(psycopg.OperationalError) as raised:
        psycopg.connect("postgresql://nobody@127.0.0.1:1/none", connect_timeout=2)
    engine = sa.create_engine("postgresql+psycopg://nobody@127.0.0.1:1/none")
    with pytest.raises(sa.exc.OperationalError) as wrapped:
        engine.connect()
    for exc in (raised.value, wrapped.value):
        error = as_error(exc)
        assert (error.status, error.code) == (503, "database_unavailable")
        assert error.headers["Retry-After"] == "5"


def test_other_errors_stay_500_and_the_conversion_stays_pure() -> None:
    assert as_error(sqlite3.OperationalError("no such table: x")).status == 500
    assert as_error(RuntimeError("database is locked")).status == 500
    assert as_error(sqlite3.IntegrityError("UNIQUE constraint failed")).status == 500
    assert not {"sqlite3", "sqlalchemy", "psycopg", "sa"} & set(vars(shared.errors))


@pytest.fixture
def locker() -> Iterator[list[sqlite3.Connection]]:
    """Connections the test holds in BEGIN EXCLUSIVE; rolled back at the end."""
    held: list[sqlite3.Connection] = []
    yield held
    for conn in held:
        conn.rollback()
        conn.close()


def lock(path: Path, held: list[sqlite3.Connection]) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=5)
    conn.execute("BEGIN EXCLUSIVE")
    held.append(conn)
    return conn


def assert_busy(answer: object, started: float, limit_s: float) -> None:
    status = getattr(answer, "status_code", None)
    body = answer.get_json()  # type: ignore[attr-defined]
    assert status == 503, body
    assert answer.headers["Retry-After"] == "5"  # type: ignore[attr-defined]
    assert body["error"]["code"] == "database_busy", body
    assert time.monotonic() - started < limit_s


def test_edge_healthz_and_sale_are_503_while_the_database_is_locked(
    lane_node: Node, locker: list[sqlite3.Connection]
) -> None:
    client: FlaskClient = lane_node.client
    token = lane_node.token()
    assert client.get("/healthz").status_code == 200
    before = lane_node.snapshot()

    holder = lock(node.db_path(lane_node.data_dir), locker)
    started = time.monotonic()
    answer = client.get("/healthz")
    assert_busy(answer, started, 3)
    assert answer.get_json()["status"] == "database_busy"
    started = time.monotonic()
    sale = SALE | {"id": str(uuid.uuid4())}
    assert_busy(client.post("/api/v1/sales", json=sale, headers=token), started, 9)

    holder.rollback()
    assert client.get("/healthz").status_code == 200
    assert lane_node.snapshot() == before, "nothing was written while refused"
    assert client.post("/api/v1/sales", json=sale, headers=token).status_code == 201


def test_edge_healthz_reports_a_full_disk(lane_node: Node, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(health, "MIN_FREE_BYTES", 1 << 62)
    answer = lane_node.client.get("/healthz")
    assert answer.status_code == 503 and answer.get_json()["error"]["code"] == "disk_full"


def test_cloud_healthz_and_a_write_are_503_while_the_database_is_locked(
    tmp_path: Path, locker: list[sqlite3.Connection]
) -> None:
    db = tmp_path / "cloud.db"
    app = create_app(str(db))
    engine: sa.Engine = app.extensions["omnistore_engine"]
    with engine.begin() as conn:
        hq = {"Authorization": f"Bearer {create_api_token(conn, 'hq', 'hq')}"}
    client = app.test_client()
    product = {"name": "Milk", "price": 99, "vat_rate_bp": 700}
    assert client.get("/healthz").get_json() == {"status": "ok"}

    holder = lock(db, locker)
    started = time.monotonic()
    answer = client.get("/healthz")
    assert_busy(answer, started, 3)
    assert answer.get_json()["status"] == "database_busy"
    started = time.monotonic()
    assert_busy(client.put("/api/v1/products/MILK", json=product, headers=hq), started, 9)

    holder.rollback()
    assert client.get("/healthz").status_code == 200
    assert client.put("/api/v1/products/MILK", json=product, headers=hq).status_code == 201
    engine.dispose()


@pytest.mark.postgres
def test_cloud_healthz_is_503_when_postgres_refuses_writes(pg_database: str) -> None:
    """SELECT 1 still answers on a read-only server; only a write probe notices."""
    app = create_app(pg_database)
    engine: sa.Engine = app.extensions["omnistore_engine"]
    client = app.test_client()
    assert client.get("/healthz").status_code == 200
    name = pg_database.rsplit("/", 1)[1]
    with engine.connect() as conn:
        conn.execute(sa.text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on'))
        conn.commit()
    engine.dispose()  # new connections pick the setting up
    answer = client.get("/healthz")
    assert answer.status_code == 503, answer.get_json()
    assert answer.headers["Retry-After"] == "5"
    admin = engine.execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text("SET default_transaction_read_only = off"))
        conn.execute(sa.text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = off'))
    engine.dispose()
    assert client.get("/healthz").status_code == 200
