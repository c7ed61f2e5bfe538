"""Customer lookup at a node and the pull of the whole customer index (SPEC §9: p99 under
5 ms with 1,000,000 customers on the node).

- lookup by card, phone and email through the node's service (`edge.customers.lookup`,
  normalising the text as the till types it), p50/p99, against a primary-key read of the
  same table in the same run (the floor);
- the node's database size and the process RSS with the index loaded;
- the pull of the whole index into a new node through the cloud's signed pull route
  (in-process Flask client, gzip as on the wire): time, bytes, against a plain
  `executemany` insert of the same rows (the floor).

OMNISTORE_BENCH_CUSTOMERS sets the node's index size (default 1,000,000),
OMNISTORE_BENCH_PULL_CUSTOMERS the pulled index (default the same), and
OMNISTORE_BENCH_LOOKUPS the samples per kind (default 2000)."""

from __future__ import annotations

import gzip
import json
import os
import random
import resource
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlite_utils import Database

from cloud.app import create_app
from cloud.storage.schema import customers as cloud_customers
from cloud.storage.schema import feed, feed_counters
from edge import customers
from edge.storage import customers as rows
from edge.storage.db import open_db, write
from edge.sync.pull import apply_changes
from shared.barcodes import make_ean13
from shared.customers import DEFAULT_PROGRAM, IndexEntry
from shared.models import Change
from tests.bench.run import percentile
from tests.cloud_fixtures import CloudUnderTest as _Cloud
from tests.cloud_fixtures import SignedNode

CUSTOMERS = int(os.environ.get("OMNISTORE_BENCH_CUSTOMERS", "1000000"))
PULLED = int(os.environ.get("OMNISTORE_BENCH_PULL_CUSTOMERS", str(CUSTOMERS)))
LOOKUPS = int(os.environ.get("OMNISTORE_BENCH_LOOKUPS", "2000"))
CHUNK = 20_000
PAGE = 1000


def entry(n: int) -> IndexEntry:
    return IndexEntry(
        id=f"00000000-0000-7000-8000-{n:012d}",
        name=f"Customer {n}",
        phone=f"+49151{n:08d}",
        email=f"c{n}@example.org",
        card=make_ean13(f"29{n:010d}"),
        points=n % 1000,
    )


def chunks(total: int) -> Iterator[list[IndexEntry]]:
    for start in range(0, total, CHUNK):
        yield [entry(n) for n in range(start, min(total, start + CHUNK))]


def load_node(db: Database, total: int) -> float:
    """The index as a node holds it after a pull; seconds taken."""
    start = time.perf_counter()
    for part in chunks(total):
        with write(db):
            rows.upsert_many(db, part)
    return time.perf_counter() - start


def timed_ms(call: Callable[[], object], n: int) -> list[float]:
    out = []
    for _ in range(n):
        start = time.perf_counter()
        call()
        out.append((time.perf_counter() - start) * 1000)
    return out


def lookups(db: Database, total: int) -> dict[str, float]:
    rng = random.Random(7)
    picks = [rng.randrange(total) for _ in range(LOOKUPS)]
    it = iter(picks * 5)
    figures: dict[str, float] = {}
    pk = timed_ms(lambda: rows.get(db, entry(next(it)).id), LOOKUPS)
    figures["pk_p50_ms"] = statistics.median(pk)
    figures["pk_p99_ms"] = percentile(pk, 0.99)
    texts = {
        "card": lambda n: entry(n).card,
        "phone": lambda n: f"0151 {n:08d}",  # typed the national way
        "email": lambda n: f"C{n}@Example.org",
    }
    for kind, text in texts.items():
        queries = iter([text(n) for n in picks])
        samples = timed_ms(lambda q=queries: customers.lookup(db, next(q)), LOOKUPS)
        figures[f"{kind}_p50_ms"] = statistics.median(samples)
        figures[f"{kind}_p99_ms"] = percentile(samples, 0.99)
        figures[f"{kind}_p99_vs_pk_p99"] = figures[f"{kind}_p99_ms"] / figures["pk_p99_ms"]
    return figures


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def seed_cloud(engine: sa.Engine, total: int) -> None:
    """The cloud's customers and their feed entries, written in bulk (what HQ's imports
    and the tills' sign-ups would have left)."""
    now = "2026-01-01T00:00:00.000000Z"
    with engine.begin() as conn:
        seq = 0
        for part in chunks(total):
            conn.execute(
                sa.insert(cloud_customers),
                [
                    {
                        "id": e.id,
                        "name": e.name,
                        "phone": e.phone,
                        "email": e.email,
                        "card": e.card,
                        "created_at": now,
                        "updated_at": now,
                    }
                    for e in part
                ],
            )
            conn.execute(
                sa.insert(feed),
                [
                    {
                        "store": "*",
                        "seq": seq + i + 1,
                        "kind": "customer",
                        "body": e.model_dump_json(),
                    }
                    for i, e in enumerate(part)
                ],
            )
            seq += len(part)
        conn.execute(sa.insert(feed_counters).values(store="*", seq=seq))


def pull(node: SignedNode, db: Database) -> tuple[int, int, float]:
    """Pull the whole feed into a new node's database as the puller does; (changes, bytes
    on the wire, seconds)."""
    since, total, wire = "", 0, 0
    start = time.perf_counter()
    while True:
        answer = node.request(
            "GET",
            "/api/v1/sync/pull",
            query=f"since={since}&limit={PAGE}",
            headers={"Accept-Encoding": "gzip"},
        )
        raw = answer.get_data()
        wire += len(raw)
        gzipped = answer.headers.get("Content-Encoding") == "gzip"
        data = json.loads(gzip.decompress(raw) if gzipped else raw)
        page = [Change.model_validate(change) for change in data["changes"]]
        with write(db):
            apply_changes(db, None, page)  # type: ignore[arg-type]
        total += len(data["changes"])
        since = data["cursor"]
        if not data["more"]:
            return total, wire, time.perf_counter() - start


def pull_bench(root: Path) -> dict[str, Any]:
    app = create_app(str(root / "cloud.db"))
    engine: sa.Engine = app.extensions["omnistore_engine"]
    seed_cloud(engine, PULLED)
    cloud = _Cloud(app.test_client(), engine, {}, {})
    node = cloud.node("S1")
    fresh = open_db(root / "pulled.db")
    changes, wire, seconds = pull(node, fresh)
    floor_db = open_db(root / "floor.db")
    floor = load_node(floor_db, PULLED)
    engine.dispose()
    return {
        "pulled_customers": changes,
        "pull_s": seconds,
        "pull_bytes": wire,
        "pull_bytes_per_customer": wire / max(changes, 1),
        "pull_vs_plain_insert": seconds / floor,
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        db = open_db(root / "edge.db")
        with write(db):  # the program and region as the feed brings them
            customers.apply_program(db, DEFAULT_PROGRAM.model_dump() | {"default_region": "DE"})
        rss_before = rss_mb()
        load_s = load_node(db, CUSTOMERS)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        figures: dict[str, Any] = {
            "customers": CUSTOMERS,
            "index_load_s": load_s,
            "db_mb": (root / "edge.db").stat().st_size / 2**20,
        }
        figures |= lookups(db, CUSTOMERS)
        figures["rss_mb"] = rss_mb()
        figures["rss_growth_mb"] = figures["rss_mb"] - rss_before
        db.close()
        figures |= pull_bench(root)
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
