"""POS benchmark: from a scan to the line on screen, with a 100,000-product catalogue.
Reported as p50 / p99 and as a ratio to a bare catalogue lookup by barcode measured in the
same run. `scan_handled` is the till's own work (lookup, basket, table update); `scan_to_screen`
adds waiting for the next painted frame through Textual's test pilot, which dominates it.
OMNISTORE_BENCH_PRODUCTS and OMNISTORE_BENCH_SCANS shrink it (CI)."""

from __future__ import annotations

import asyncio
import json
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from escpos.printer import Dummy

from edge import catalog, node, staff
from edge.storage import catalog as catalog_rows
from edge.storage.db import open_db, write
from pos_tui.app import SaleScreen, make_app
from pos_tui.basket import Basket
from shared.barcodes import make_ean13
from shared.clock import utc_now
from shared.models import Product
from shared.signing import generate_private_key

PRODUCTS = int(os.environ.get("OMNISTORE_BENCH_PRODUCTS", "100000"))
SCANS = int(os.environ.get("OMNISTORE_BENCH_SCANS", "500"))


def build_node(root: Path) -> list[str]:
    """A node with PRODUCTS products, as if pulled from the cloud."""
    data_dir = root / "node"
    node.save_key(data_dir, generate_private_key())
    node.save(
        data_dir,
        node.NodeConfig(store="B1", name="Bench", cloud_url="http://127.0.0.1:9", keyid="B1.x"),
    )
    db = open_db(node.db_path(data_dir))
    now = utc_now()
    codes = []
    with write(db):
        for n in range(PRODUCTS):
            code = make_ean13(f"4{n:011d}")
            codes.append(code)
            catalog_rows.upsert_product(
                db,
                Product(
                    sku=f"P{n:06d}",
                    name=f"Product {n}",
                    price=100 + n % 900,
                    vat_rate_bp=2000,
                    barcodes=[code],
                    updated_at=now,
                ),
            )
    staff.add_staff(db, "ana", "cashier", "1234")
    db.close()
    return codes


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def measure(data_dir: Path, codes: list[str]) -> dict[str, float]:
    rng = random.Random(3)
    app = make_app(data_dir, printer=Dummy(), user="ana", pin="1234")
    db = app.session.db
    baseline = []
    for _ in range(SCANS):
        code = rng.choice(codes)
        start = time.perf_counter()
        catalog.lookup_barcode(db, code)
        baseline.append(time.perf_counter() - start)
    samples: list[float] = []
    work: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        if app.session.current_shift() is None:
            app.session.open_shift(0)
        app.switch_screen(SaleScreen())
        await pilot.pause()
        screen = app.screen
        for n in range(SCANS):
            if n % 20 == 0:
                screen.basket = Basket()  # type: ignore[attr-defined]
            start = time.perf_counter()
            screen.add(rng.choice(codes))  # type: ignore[attr-defined]
            work.append(time.perf_counter() - start)
            await pilot.pause()
            samples.append(time.perf_counter() - start)
    return {
        "products": PRODUCTS,
        "scans": SCANS,
        "lookup_p50_ms": statistics.median(baseline) * 1000,
        "scan_handled_p50_ms": statistics.median(work) * 1000,
        "scan_handled_p99_ms": percentile(work, 0.99) * 1000,
        "scan_handled_p50_vs_lookup": statistics.median(work) / statistics.median(baseline),
        "scan_to_screen_p50_ms": statistics.median(samples) * 1000,
        "scan_to_screen_p99_ms": percentile(samples, 0.99) * 1000,
        "scan_p50_vs_lookup": statistics.median(samples) / statistics.median(baseline),
        "lookup_p99_ms": percentile(baseline, 0.99) * 1000,
        "scan_handled_p99_vs_lookup_p99": percentile(work, 0.99) / percentile(baseline, 0.99),
        "scan_to_screen_p99_vs_lookup_p99": percentile(samples, 0.99) / percentile(baseline, 0.99),
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        codes = build_node(Path(tmp))
        figures = asyncio.run(measure(Path(tmp) / "node", codes))
    print(json.dumps({k: round(v, 3) for k, v in figures.items()}, indent=2))


if __name__ == "__main__":
    main()
