"""Reports at chain scale, and what the rollups cost the ingest, measured in one run.

1. Reports: N generated sale lines (default 5,000,000: 50 stores × 365 days, 2,000 SKUs, 14
   trading hours) on PostgreSQL, summed into the rollup tables as the ingest would have
   built them, then `sales_by_store_day` and `top_products` through the report service,
   p50/p95 over repeated calls, for the console's default 28 days and for a whole year, all
   stores and one store. Baseline: the same `sales_by_store_day` straight from the raw
   lines (what a report without rollups would scan), whose rows must equal the report's.
2. Ingest: the catch-up workload (tests/bench/catchup.py) through the push service with the
   rollups and with `rollups.record` switched off, alternately, on PostgreSQL and SQLite.

OMNISTORE_BENCH_REPORT_LINES, OMNISTORE_BENCH_REPORT_CALLS and
OMNISTORE_BENCH_ROLLUP_SALES set the sizes. Run alone with `python -m tests.bench.reports`."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from typing import Any
from unittest import mock

import sqlalchemy as sa

from cloud.services import reports, rollups
from cloud.storage.engine import make_engine, migrate
from tests.bench.catchup import _backends, _prepared, ingest, workload
from tests.bench.run import percentile

LINES = int(os.environ.get("OMNISTORE_BENCH_REPORT_LINES", "5000000"))
CALLS = int(os.environ.get("OMNISTORE_BENCH_REPORT_CALLS", "40"))
ROLLUP_SALES = int(os.environ.get("OMNISTORE_BENCH_ROLLUP_SALES", "4000"))
STORES, DAYS, SKUS = 50, 365, 2000

GENERATE = """
CREATE UNLOGGED TABLE bench_lines AS
SELECT 'R' || lpad((i % {stores})::text, 2, '0') AS store,
       to_char(date '2025-01-01' + ((i / {stores}) % {days})::int, 'YYYY-MM-DD') AS day,
       8 + ((i / ({stores} * {days}) * 5 + i) % 14)::int AS hour,
       'SKU' || lpad((((i * 2654435761) % 1000003) % {skus})::text, 4, '0') AS sku,
       1 + (i % 3)::bigint AS qty,
       (1 + (i % 3)) * (100 + ((((i * 2654435761) % 1000003) % {skus}) * 37) % 900)::bigint
         AS total,
       (i % 3 = 0) AS first_line
FROM generate_series(0::bigint, {lines} - 1) AS i
"""
ROLL_UP = [
    # one receipt per three lines (the line that starts it), as the ingest counts them
    """INSERT INTO report_hours SELECT store, day, hour,
         sum(CASE WHEN first_line THEN 1 ELSE 0 END), sum(qty), sum(total), 0, 0, 0
       FROM bench_lines GROUP BY store, day, hour""",
    """INSERT INTO report_days SELECT store, day, sum(receipts), sum(sold_units),
         sum(sold_total), 0, 0, 0 FROM report_hours GROUP BY store, day""",
    """INSERT INTO report_products SELECT store, day, sku, sum(qty), sum(total)
       FROM bench_lines GROUP BY store, day, sku""",
    """INSERT INTO report_store_months SELECT store, substr(day, 1, 7), sku, sum(units),
         sum(total) FROM report_products GROUP BY store, substr(day, 1, 7), sku""",
    """INSERT INTO report_chain_days SELECT day, sku, sum(units), sum(total)
       FROM report_products GROUP BY day, sku""",
    """INSERT INTO report_chain_months SELECT substr(day, 1, 7), sku, sum(units), sum(total)
       FROM report_chain_days GROUP BY substr(day, 1, 7), sku""",
    """INSERT INTO report_tenders SELECT store, day, 'cash',
         sum(CASE WHEN first_line THEN 1 ELSE 0 END), sum(total)
       FROM bench_lines GROUP BY store, day""",
]
RAW_BY_STORE_DAY = """
SELECT store, day, sum(CASE WHEN first_line THEN 1 ELSE 0 END) AS receipts,
       sum(qty) AS units, sum(total) AS total
FROM bench_lines WHERE day >= :start AND day < :end GROUP BY store, day ORDER BY store, day
"""


def _timed(call: Callable[[], Any], n: int) -> list[float]:
    out = []
    for _ in range(n):
        start = time.perf_counter()
        call()
        out.append(time.perf_counter() - start)
    return out


def _build(db: str) -> sa.Engine:
    """The database with the stores, the catalogue, the lines and their rollups."""
    engine = make_engine(db)
    migrate(engine)
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO stores (code, name, created_at) SELECT 'R' || lpad(n::text, 2, '0'),"
                " 'Store ' || n, '2025-01-01T00:00:00.000000Z' FROM generate_series(0, :n - 1) n"
            ),
            {"n": STORES},
        )
        conn.execute(
            sa.text(
                "INSERT INTO products (sku, name, price, vat_rate_bp, active, updated_at) SELECT"
                " 'SKU' || lpad(n::text, 4, '0'), 'Product ' || n, 100, 2000, true,"
                " '2025-01-01T00:00:00.000000Z' FROM generate_series(0, :n - 1) n"
            ),
            {"n": SKUS},
        )
        conn.execute(sa.text(GENERATE.format(stores=STORES, days=DAYS, skus=SKUS, lines=LINES)))
        for statement in ROLL_UP:
            conn.execute(sa.text(statement))
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(sa.text("VACUUM ANALYZE"))
    return engine


def report_latency(engine: sa.Engine) -> dict[str, float]:
    """p50/p95 of the two reports per window, and the raw-scan baseline."""
    out: dict[str, float] = {}
    windows = {
        "28d": ("2025-06-01", "2025-06-29", None),
        "28d_one_store": ("2025-06-01", "2025-06-29", ["R07"]),
        "365d": ("2025-01-01", "2026-01-01", None),
        "365d_one_store": ("2025-01-01", "2026-01-01", ["R07"]),
    }
    with engine.connect() as conn:
        lines = conn.execute(sa.text("SELECT count(*) FROM bench_lines")).scalar_one()
        out["report_lines"] = lines
        for label, (start, end, stores) in windows.items():
            win = reports.Window(start, end, stores, 20)
            for name in ("sales_by_store_day", "top_products"):
                reports.run(conn, name, win)  # warm
                samples = _timed(lambda n=name, w=win: reports.run(conn, n, w), CALLS)
                out[f"{name}_{label}_p50_ms"] = percentile(samples, 0.5) * 1000
                out[f"{name}_{label}_p95_ms"] = percentile(samples, 0.95) * 1000
        win = reports.Window("2025-06-01", "2025-06-29", None, 20)
        rows = reports.run(conn, "sales_by_store_day", win)
        params = {"start": win.start, "end": win.end}
        raw = [dict(r._mapping) for r in conn.execute(sa.text(RAW_BY_STORE_DAY), params)]
        assert [
            {k: int(v) if k not in ("store", "day") else v for k, v in r.items()} for r in raw
        ] == rows
        scans = _timed(lambda: conn.execute(sa.text(RAW_BY_STORE_DAY), params).all(), 3)
    out["raw_scan_28d_p50_ms"] = percentile(scans, 0.5) * 1000
    out["sales_by_store_day_28d_vs_raw_scan"] = (
        out["sales_by_store_day_28d_p50_ms"] / out["raw_scan_28d_p50_ms"]
    )
    return out


def ingest_cost() -> dict[str, float]:
    """Sales/s through push with and without the rollups, alternately, per back-end."""
    batches = workload(ROLLUP_SALES, 20)
    stores = sorted({store for store, _ in batches})
    out: dict[str, float] = {"rollup_ingest_sales": ROLLUP_SALES}
    for name, fresh in _backends():
        timings: dict[str, list[float]] = {"with": [], "without": []}
        for _ in range(2):
            for mode in ("with", "without"):
                engine = _prepared(fresh(), stores)
                if mode == "with":
                    elapsed, _ = ingest(engine, batches)
                else:
                    with mock.patch.object(rollups, "record", lambda *args: None):
                        elapsed, _ = ingest(engine, batches)
                engine.dispose()
                timings[mode].append(elapsed)
        best = {mode: min(values) for mode, values in timings.items()}
        out[f"ingest_{name}_with_rollups_sales_per_s"] = ROLLUP_SALES / best["with"]
        out[f"ingest_{name}_without_rollups_sales_per_s"] = ROLLUP_SALES / best["without"]
        out[f"ingest_{name}_rollups_cost_ratio"] = best["with"] / best["without"]
    return out


def bench() -> dict[str, float]:
    results: dict[str, float] = {}
    for name, fresh in _backends():
        if name != "postgres":
            continue
        start = time.perf_counter()
        engine = _build(fresh())
        results["report_build_s"] = time.perf_counter() - start
        results |= report_latency(engine)
        engine.dispose()
    return results | ingest_cost()


def main() -> None:
    print(json.dumps({k: round(v, 3) for k, v in bench().items()}, indent=2))


if __name__ == "__main__":
    main()
