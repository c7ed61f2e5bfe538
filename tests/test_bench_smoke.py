"""CI runs a short version of `make bench`, so the benchmark itself cannot rot."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.integration


def test_short_benchmark_run_reports_ratios() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tests.bench.run"],
        capture_output=True,
        text=True,
        timeout=300,
        env=os.environ
        | {
            "OMNISTORE_BENCH_SALES": "60",
            "OMNISTORE_BENCH_CATCHUP_SALES": "200",
            "OMNISTORE_BENCH_CATCHUP_STORES": "4",
            "OMNISTORE_BENCH_REPORT_LINES": "20000",
            "OMNISTORE_BENCH_REPORT_CALLS": "3",
            "OMNISTORE_BENCH_ROLLUP_SALES": "200",
        },
    )
    assert result.returncode == 0, result.stderr[-3000:]
    figures = json.loads(result.stdout[result.stdout.index("{") :])
    assert figures["sales"] == 60
    assert figures["catchup_sales"] == 200
    for key in (
        "sale_p50_vs_healthz",
        "push_vs_request_floor",
        "pushed_events_per_s",
        "catchup_sqlite_sales_per_s",
        "catchup_sqlite_vs_plain_insert",
        "ingest_sqlite_with_rollups_sales_per_s",
        "ingest_sqlite_rollups_cost_ratio",
    ):
        assert figures[key] > 0, key


def test_short_pos_scan_benchmark() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tests.bench.bench_pos_scan"],
        capture_output=True,
        text=True,
        timeout=300,
        env=os.environ | {"OMNISTORE_BENCH_PRODUCTS": "2000", "OMNISTORE_BENCH_SCANS": "40"},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    figures = json.loads(result.stdout[result.stdout.index("{") :])
    assert figures["products"] == 2000 and figures["scans"] == 40
    assert figures["scan_handled_p99_ms"] >= figures["scan_handled_p50_ms"] > 0


def test_short_pricing_benchmark() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tests.bench.bench_pricing"],
        capture_output=True,
        text=True,
        timeout=300,
        env=os.environ | {"OMNISTORE_BENCH_PROMOTIONS": "500", "OMNISTORE_BENCH_PRICINGS": "20"},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    figures = json.loads(result.stdout[result.stdout.index("{") :])
    assert figures["promotions"] == 501 and figures["basket_lines"] == 50
    assert figures["pricing_p99_ms"] > 0 and figures["pricing_p99_vs_no_promotions"] > 0


def test_short_remote_till_benchmark() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tests.bench.bench_remote_till"],
        capture_output=True,
        text=True,
        timeout=300,
        env=os.environ | {"OMNISTORE_BENCH_TILL_SALES": "10"},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    figures = json.loads(result.stdout[result.stdout.index("{") :])
    assert figures["till_sales"] == 10
    assert figures["remote_sale_p99_ms"] >= figures["remote_sale_p50_ms"] > 0
    assert figures["remote_vs_local_p50"] > 0 and figures["four_tills_vs_one"] > 0


def test_short_customer_lookup_benchmark() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tests.bench.bench_customers"],
        capture_output=True,
        text=True,
        timeout=300,
        env=os.environ
        | {
            "OMNISTORE_BENCH_CUSTOMERS": "3000",
            "OMNISTORE_BENCH_PULL_CUSTOMERS": "1500",
            "OMNISTORE_BENCH_LOOKUPS": "50",
        },
    )
    assert result.returncode == 0, result.stderr[-3000:]
    figures = json.loads(result.stdout[result.stdout.index("{") :])
    assert figures["customers"] == 3000 and figures["pulled_customers"] == 1500
    for kind in ("card", "phone", "email"):
        assert figures[f"{kind}_p99_ms"] >= figures[f"{kind}_p50_ms"] > 0
    assert figures["pull_bytes"] > 0 and figures["db_mb"] > 0
