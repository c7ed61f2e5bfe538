"""Catch-up after a cloud outage: N offline sales (3 lines each) from S stores pushed into the
cloud's push service in-process (signature checks aside, the cloud's whole ingest), on
PostgreSQL (when reachable) and on SQLite, against a plain multi-row insert of the same rows
into the same tables measured in the same run.

OMNISTORE_BENCH_CATCHUP_SALES (default 10000) and OMNISTORE_BENCH_CATCHUP_STORES (default 20)
set the size; OMNISTORE_BENCH_PROFILE=1 prints the top cProfile entries of the push path to
stderr. Run alone with `python -m tests.bench.catchup`."""

from __future__ import annotations

import cProfile
import io
import json
import os
import pstats
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from cloud.services import sync
from cloud.services.apply import body_hash
from cloud.services.tokens import create_store
from cloud.storage.engine import make_engine, migrate
from cloud.storage.schema import movements, sales, sync_events
from edge.sync.push import BATCH
from shared.models import Event, SaleEvent

SALES = int(os.environ.get("OMNISTORE_BENCH_CATCHUP_SALES", "10000"))
STORES = int(os.environ.get("OMNISTORE_BENCH_CATCHUP_STORES", "20"))
PROFILE = os.environ.get("OMNISTORE_BENCH_PROFILE") == "1"
PG_ADMIN = os.environ.get("OMNISTORE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
SKUS = [f"SKU{n:04d}" for n in range(50)]
Batches = list[tuple[str, list[Event]]]


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _sale_event(store: str, n: int, rng: random.Random, moment: datetime) -> dict[str, Any]:
    """One offline sale of 3 lines as a node sends it: the sale and its 3 movements."""
    sale_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    at = _stamp(moment)
    lines = []
    for sku in rng.sample(SKUS, 3):
        qty, price = rng.randint(1, 3), 100 + 37 * SKUS.index(sku)
        lines.append(
            {"sku": sku, "name": sku, "qty": qty, "unit_price": price, "total": qty * price}
            | {"vat_rate_bp": 2000}
        )
    total = sum(line["total"] for line in lines)
    sale = {
        "id": sale_id,
        "store": store,
        "register": "1",
        "receipt_no": f"{store}-1-{n}",
        "occurred_at": at,
        "cashier": "ana",
        "lines": lines,
        "payments": [{"method": "cash", "amount": total}],
        "total": total,
        "change": 0,
    }
    moves = [
        {"id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "store": store}
        | {"sku": line["sku"], "delta": -line["qty"], "reason": "sale", "ref": sale_id}
        | {"occurred_at": at}
        for line in lines
    ]
    return {
        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "kind": "sale",
        "hlc": f"{int(moment.timestamp() * 1000):015d}-000000-{store}",
        "occurred_at": at,
        "device_time": at,
        "body": {"sale": sale, "movements": moves},
    }


def workload(sales_n: int, stores_n: int, seed: int = 7) -> Batches:
    """The outboxes of `stores_n` stores, cut in the node's batches, interleaved by store as
    the stores come back online together."""
    rng = random.Random(seed)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    per_store: dict[str, list[Event]] = {f"B{s:02d}": [] for s in range(stores_n)}
    for n in range(sales_n):
        store = f"B{n % stores_n:02d}"
        wire = _sale_event(store, n, rng, start + timedelta(seconds=n))
        per_store[store].append(Event.model_validate_json(json.dumps(wire)))
    batches: Batches = []
    for offset in range(0, max(len(v) for v in per_store.values()), BATCH):
        batches += [(s, evs[offset : offset + BATCH]) for s, evs in per_store.items() if evs]
    return [(s, evs) for s, evs in batches if evs]


def _backends() -> Iterator[tuple[str, Callable[[], str]]]:
    """(back-end name, a factory of fresh empty databases): PostgreSQL when reachable, then
    SQLite; every database made is dropped afterwards."""
    admin = sa.create_engine(
        PG_ADMIN.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT"
    )
    made: list[str] = []

    def fresh_pg() -> str:
        name = f"omnistore_bench_{uuid.uuid4().hex[:12]}"
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        made.append(name)
        return PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"

    try:
        try:
            with admin.connect() as conn:
                conn.execute(sa.text("SELECT 1"))
            reachable = True
        except sa.exc.OperationalError:
            reachable = False
        if reachable:
            yield "postgres", fresh_pg
        with tempfile.TemporaryDirectory() as tmp:
            counter = iter(range(1_000))
            yield "sqlite", lambda: str(Path(tmp) / f"bench{next(counter)}.db")
    finally:
        if made:
            with admin.connect() as conn:
                for name in made:
                    conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _prepared(db: str, stores: list[str]) -> sa.Engine:
    """A migrated cloud database with the stores and stock received for every SKU."""
    engine = make_engine(db)
    migrate(engine)
    with engine.begin() as conn:
        for store in stores:
            create_store(conn, store, store)
        rows = [
            {"store": store, "id": str(uuid.uuid4()), "sku": sku, "delta": 1_000_000}
            | {"reason": "receipt", "occurred_at": "2025-12-31T00:00:00Z", "origin": "hq"}
            for store in stores
            for sku in SKUS
        ]
        conn.execute(sa.insert(movements), rows)
    return engine


def _plain_rows(store: str, batch: list[Event]) -> dict[sa.Table, list[dict[str, Any]]]:
    """The rows the push of one batch stores, built beforehand (the baseline only inserts)."""
    out: dict[sa.Table, list[dict[str, Any]]] = {sales: [], movements: [], sync_events: []}
    for event in batch:
        body = SaleEvent.model_validate_json(json.dumps(event.body))
        sale = body.sale
        out[sales].append(
            {"store": store, "id": sale.id, "receipt_no": sale.receipt_no}
            | {"occurred_at": event.body["sale"]["occurred_at"], "total": sale.total}
            | {"voided": False, "body": sale.model_dump_json(exclude={"voided"})}
        )
        for m in event.body["movements"]:
            out[movements].append(m | {"ref": m["ref"], "note": None, "origin": "store"})
        out[sync_events].append(
            {"store": store, "id": event.id, "kind": event.kind, "hlc": event.hlc}
            | {"occurred_at": event.body["sale"]["occurred_at"]}
            | {"device_time": event.body["sale"]["occurred_at"], "received_at": "x"}
            | {"body_hash": body_hash(event), "status": "accepted", "reason": None}
        )
    return out


def plain_insert(engine: sa.Engine, batches: Batches) -> float:
    """Seconds to insert the same rows with one multi-row INSERT per table per batch (straight
    to the driver, statement text built beforehand), one transaction per batch: the floor
    any ingest of these batches pays."""
    mark = "?" if engine.dialect.name == "sqlite" else "%s"
    prepared = [_statements(_plain_rows(store, batch), mark) for store, batch in batches]
    start = time.perf_counter()
    for statements in prepared:
        with engine.begin() as conn:
            for text, params in statements:
                conn.exec_driver_sql(text, params)
    return time.perf_counter() - start


def _statements(
    tables: dict[sa.Table, list[dict[str, Any]]], mark: str
) -> list[tuple[str, tuple[Any, ...]]]:
    """One `INSERT INTO t (cols) VALUES (...), (...)` per table and page of 1000 rows."""
    out = []
    for table, rows in tables.items():
        columns = list(rows[0])
        one = "(" + ", ".join([mark] * len(columns)) + ")"
        for offset in range(0, len(rows), 1000):
            page = rows[offset : offset + 1000]
            text = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES "
            out.append(
                (text + ", ".join([one] * len(page)), tuple(r[c] for r in page for c in columns))
            )
    return out


def ingest(engine: sa.Engine, batches: Batches) -> tuple[float, str]:
    """Seconds to push every batch through the cloud's push service (and its profile)."""
    profiler = cProfile.Profile() if PROFILE else None
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    for store, batch in batches:
        out = sync.push(engine, store, batch, 0.0)
        assert all(r.status == "accepted" for r in out.results), out.results[:3]
    if profiler:
        profiler.disable()
    elapsed = time.perf_counter() - start
    if profiler is None:
        return elapsed, ""
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(25)
    return elapsed, text.getvalue()


def _check(engine: sa.Engine, sales_n: int) -> None:
    """Every sale and every line's movement stored once."""
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(sales)).scalar() == sales_n
        count = sa.select(sa.func.count()).select_from(movements)
        assert conn.execute(count.where(movements.c.origin == "store")).scalar() == 3 * sales_n


def catchup() -> dict[str, float]:
    """Figures per back-end: sales/s through push, plain-insert sales/s, and their ratio."""
    batches = workload(SALES, STORES)
    stores = sorted({store for store, _ in batches})
    results: dict[str, float] = {"catchup_sales": SALES, "catchup_stores": STORES}
    for name, fresh in _backends():
        engine = _prepared(fresh(), stores)
        pushed, profile = ingest(engine, batches)
        _check(engine, SALES)
        engine.dispose()
        baseline_engine = _prepared(fresh(), stores)
        plain = plain_insert(baseline_engine, batches)
        baseline_engine.dispose()
        if profile:
            print(f"--- push profile on {name} ---\n{profile}", file=sys.stderr)
        results[f"catchup_{name}_sales_per_s"] = SALES / pushed
        results[f"catchup_{name}_plain_insert_sales_per_s"] = SALES / plain
        results[f"catchup_{name}_vs_plain_insert"] = pushed / plain
    return results


def main() -> None:
    print(json.dumps({k: round(v, 3) for k, v in catchup().items()}, indent=2))


if __name__ == "__main__":
    main()
