"""The cloud app in-process on SQLite and on PostgreSQL, with HQ tokens and signed nodes."""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from flask.testing import FlaskClient

from cloud.app import create_app
from cloud.services.tokens import create_api_token, create_store
from cloud.storage.engine import make_engine, migrate
from cloud.storage.schema import metadata
from shared.clock import now_text
from shared.ids import new_id
from shared.signing import generate_private_key, new_nonce, public_key_to_text, sign_request

PG_ADMIN = os.environ.get("OMNISTORE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
PUSH, PULL = "/api/v1/sync/push", "/api/v1/sync/pull"


@dataclass
class SignedNode:
    """A store node as the cloud sees it: a key pair and signed requests."""

    client: FlaskClient
    store: str
    keyid: str
    key: Ed25519PrivateKey

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        query: str = "",
        created: int | None = None,
        nonce: str | None = None,
        raw: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Any:
        """Sign and send; a body is gzipped JSON unless `raw` gives the bytes as sent."""
        content = (
            raw
            if raw is not None
            else (gzip.compress(json.dumps(body).encode()) if body is not None else b"")
        )
        signed = sign_request(
            self.key,
            self.keyid,
            method,
            path,
            query,
            content,
            created or int(time.time()),
            nonce or new_nonce(),
        )
        if body is not None or raw is not None:
            signed |= {"Content-Encoding": "gzip", "Content-Type": "application/json"}
        url = path + (f"?{query}" if query else "")
        return self.client.open(url, method=method, data=content, headers=signed | (headers or {}))


@dataclass
class CloudUnderTest:
    client: FlaskClient
    engine: sa.Engine
    hq: dict[str, str]
    readonly: dict[str, str]

    def counts(self) -> dict[str, int]:
        """Rows per table, to prove a refused request changed nothing."""
        with self.engine.connect() as conn:
            return {
                t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                for t in metadata.sorted_tables
                if t.name not in ("nonces", "rate_limits")  # bookkeeping of requests, not data
            }

    def add_store(self, code: str) -> str:
        with self.engine.begin() as conn:
            return create_store(conn, code, f"Store {code}")

    def node(self, code: str) -> SignedNode:
        token = self.add_store(code)
        key = generate_private_key()
        answer = self.client.post(
            "/api/v1/sync/enroll",
            json={
                "store": code,
                "token": token,
                "public_key": public_key_to_text(key.public_key()),
            },
        )
        assert answer.status_code == 201, answer.get_json()
        return SignedNode(self.client, code, answer.get_json()["keyid"], key)

    def product(self, sku: str, price: int = 100, barcodes: list[str] | None = None) -> None:
        answer = self.client.put(
            f"/api/v1/products/{sku}",
            headers=self.hq,
            json={"name": sku, "price": price, "vat_rate_bp": 2000, "barcodes": barcodes or []},
        )
        assert answer.status_code in (200, 201), answer.get_json()

    def receive(self, store: str, sku: str, qty: int) -> dict[str, Any]:
        answer = self.client.post(
            f"/api/v1/stores/{store}/stock-movements",
            headers=self.hq,
            json={"id": str(uuid.uuid4()), "sku": sku, "delta": qty, "reason": "receipt"},
        )
        assert answer.status_code == 201, answer.get_json()
        return dict(answer.get_json())


def _postgres_url() -> str | None:
    try:
        engine = sa.create_engine(
            PG_ADMIN.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT"
        )
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
        engine.dispose()
        return PG_ADMIN
    except sa.exc.OperationalError:
        return None


@pytest.fixture(scope="session")
def postgres_admin() -> str:
    url = _postgres_url()
    if url is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is required in CI and not reachable at {PG_ADMIN}")
        pytest.skip("PostgreSQL not reachable")
    return url


@contextlib.contextmanager
def _database(admin_url: str, prefix: str, template: str | None = None) -> Iterator[str]:
    """A new database (empty, or a copy of `template`), dropped when the block ends."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(
        admin_url.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT"
    )
    copy = f' TEMPLATE "{template}"' if template else ""
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"{copy}'))
    try:
        yield admin_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def pg_database(request: pytest.FixtureRequest) -> Iterator[str]:
    """An empty database of its own: the test (or the cloud it starts) migrates it."""
    with _database(request.getfixturevalue("postgres_admin"), "omnistore_test") as url:
        yield url


@pytest.fixture(scope="session")
def pg_migrated_template(postgres_admin: str) -> Iterator[str]:
    """A database the migrations brought to the newest revision, made once per worker and
    left without connections, so that CREATE DATABASE … TEMPLATE can copy it."""
    with _database(postgres_admin, "omnistore_template") as url:
        engine = make_engine(url)
        try:
            migrate(engine)
        finally:
            engine.dispose()
        yield url.rsplit("/", 1)[1]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def cloud(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[CloudUnderTest]:
    """The cloud app in-process on a database of its own. On PostgreSQL that database is a
    copy of one the migrations built (`pg_migrated_template`): the same schema and rows as
    migrating it here, at a fraction of the cost; `create_app` still runs the migrations,
    which find nothing left to do."""
    with contextlib.ExitStack() as stack:
        if request.param == "sqlite":
            db = str(tmp_path / "cloud.db")
        else:
            template = request.getfixturevalue("pg_migrated_template")
            admin_url = request.getfixturevalue("postgres_admin")
            db = stack.enter_context(_database(admin_url, "omnistore_test", template))
        yield from _cloud_on(db)


def _cloud_on(db: str) -> Iterator[CloudUnderTest]:
    app = create_app(db)
    engine: sa.Engine = app.extensions["omnistore_engine"]
    with engine.begin() as conn:
        hq = create_api_token(conn, "hq", "hq")
        ro = create_api_token(conn, "viewer", "readonly")
    try:
        yield CloudUnderTest(
            app.test_client(),
            engine,
            {"Authorization": f"Bearer {hq}"},
            {"Authorization": f"Bearer {ro}"},
        )
    finally:
        engine.dispose()


def event(kind: str, body: dict[str, Any], store: str = "S1", event_id: str | None = None) -> Any:
    """An outbox event as a node sends it."""
    now = now_text()
    return {
        "id": event_id or new_id(),
        "kind": kind,
        "hlc": f"{int(time.time() * 1000):015d}-000000-{store}",
        "occurred_at": now,
        "device_time": now,
        "body": body,
    }


def movement(store: str, sku: str, delta: int, reason: str, ref: str | None = None) -> Any:
    """A stock movement as the node records it."""
    return {
        "id": new_id(),
        "store": store,
        "sku": sku,
        "delta": delta,
        "reason": reason,
        "ref": ref,
        "occurred_at": now_text(),
    }


def sale_event(
    store: str,
    sku: str = "MILK",
    qty: int = 1,
    sale_id: str | None = None,
    event_id: str | None = None,
    price: int = 100,
) -> Any:
    """A `sale` event: the sale and the movement that takes its units off the shelf."""
    sale_id = sale_id or str(uuid.uuid4())
    sale = {
        "id": sale_id,
        "store": store,
        "register": "1",
        "receipt_no": f"{store}-1-{sale_id[:8]}",
        "occurred_at": now_text(),
        "cashier": "ana",
        "lines": [
            {"sku": sku, "qty": qty, "unit_price": price, "total": price * qty, "vat_rate_bp": 2000}
        ],
        "payments": [{"method": "cash", "amount": price * qty}],
        "total": price * qty,
        "change": 0,
    }
    body = {"sale": sale, "movements": [movement(store, sku, -qty, "sale", sale_id)]}
    return event("sale", body, store, event_id)


def return_event(store: str, sale: dict[str, Any], qty: int = 1, *, by_id: bool = False) -> Any:
    """A `return` of the first line of `sale`, referring to it by id (and receipt number
    unless `by_id`)."""
    line = sale["lines"][0]
    ret_id = str(uuid.uuid4())
    ret = {
        "id": ret_id,
        "store": store,
        "register": "1",
        "sale_id": sale["id"],
        "sale_receipt_no": None if by_id else sale["receipt_no"],
        "occurred_at": now_text(),
        "lines": [
            {
                "sku": line["sku"],
                "qty": qty,
                "unit_price": line["unit_price"],
                "total": line["unit_price"] * qty,
                "vat_rate_bp": line["vat_rate_bp"],
            }
        ],
        "refunds": [{"method": "cash", "amount": line["unit_price"] * qty}],
        "total": line["unit_price"] * qty,
    }
    body = {"ret": ret, "movements": [movement(store, line["sku"], qty, "return", ret_id)]}
    return event("return", body, store)


def void_event(store: str, sale: dict[str, Any]) -> Any:
    """A `void` of a whole sale: every unit goes back."""
    void_id = str(uuid.uuid4())
    void = {
        "id": void_id,
        "sale_id": sale["id"],
        "store": store,
        "register": "1",
        "occurred_at": now_text(),
        "reason": "customer changed mind",
    }
    moves = [movement(store, ln["sku"], ln["qty"], "return", void_id) for ln in sale["lines"]]
    return event("void", {"void": void, "movements": moves}, store)


def push(node: SignedNode, *events: Any, offset: float = 0.0) -> list[Any]:
    """Push a batch and return the per-event results (the answer must be 200)."""
    answer = node.request("POST", PUSH, {"clock_offset_s": offset, "events": list(events)})
    assert answer.status_code == 200, answer.get_json()
    return list(answer.get_json()["results"])
