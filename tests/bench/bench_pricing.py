"""Pricing a 50-line basket against 10,000 active promotions through the promotion index,
p50/p99 in ms, and as a ratio against pricing the same basket with no promotions (the
engine's floor, measured in the same run). Target: p99 < 5 ms.

`node_pricing_*` is the same basket the way a node prices a scan or a sale (`edge.pricing.
price_sale`): the rules held in its SQLite database, each line's price read from the price
book (1,000 SKUs with a price version), the index kept across scans.

OMNISTORE_BENCH_PROMOTIONS and OMNISTORE_BENCH_PRICINGS size it."""

from __future__ import annotations

import json
import os
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from edge import catalog
from edge import pricing as node_pricing
from edge.storage import catalog as catalog_rows
from edge.storage import pricing as pricing_rows
from edge.storage import state
from edge.storage.db import open_db, write
from shared.clock import utc_now
from shared.models import Product
from shared.pricing.engine import BasketLine, price_basket
from shared.pricing.index import PromotionIndex
from shared.pricing.models import PriceVersion
from tests.pricing_fixtures import T0, promo

PROMOTIONS = int(os.environ.get("OMNISTORE_BENCH_PROMOTIONS", "10000"))
PRICINGS = int(os.environ.get("OMNISTORE_BENCH_PRICINGS", "500"))
SKUS = [f"SKU{n:05d}" for n in range(5000)]
CATEGORIES = [f"dept{n % 20}/aisle{n % 200}" for n in range(5000)]
KINDS: list[tuple[str, Any]] = [
    ("percent_off", lambda r: {"percent_bp": r.randint(100, 5000)}),
    ("amount_off", lambda r: {"amount": r.randint(5, 200)}),
    ("multibuy", lambda r: {"buy": 3, "pay": 2}),
    ("member_price", lambda r: {"price": r.randint(50, 500)}),
    ("bundle", lambda r: {"skus": r.sample(SKUS, 2), "price": r.randint(100, 900)}),
]


def rules(rnd: random.Random) -> list[Any]:
    out = []
    for n in range(PROMOTIONS):
        kind, params = rnd.choice(KINDS)
        reach: dict[str, Any] = (
            {"categories": [rnd.choice(CATEGORIES)]}
            if n % 10 == 0
            else {"skus": rnd.sample(SKUS, 2)}
        )
        out.append(promo(f"p{n:05d}", kind, params(rnd), priority=rnd.randint(0, 5), **reach))
    out.append(promo("basket", "basket_percent_off", {"min_total": 1000, "percent_bp": 500}))
    return out


def basket(rnd: random.Random) -> list[BasketLine]:
    picks = rnd.sample(range(len(SKUS)), 50)
    return [
        BasketLine(n, SKUS[i], rnd.randint(1, 4), rnd.randint(50, 3000), 2000, CATEGORIES[i])
        for n, i in enumerate(picks)
    ]


def node_basket(root: Path, promotions: list[Any], lines: list[BasketLine]) -> Any:
    """A node database holding the catalogue, the promotions and some price versions; the
    basket's lines as the node resolves them. Returns (db, lines to price)."""
    db = open_db(root / "node.db")
    now = utc_now()
    with write(db):
        for n, sku in enumerate(SKUS):
            product = Product(
                sku=sku,
                name=f"Product {n}",
                price=100 + n % 900,
                vat_rate_bp=2000,
                category=CATEGORIES[n],
                updated_at=now,
            )
            catalog_rows.upsert_product(db, product)
            if n % 5 == 0:
                version = PriceVersion(id=f"v{n}", sku=sku, price=90 + n % 800, starts_at=T0)
                pricing_rows.upsert_version(db, version)
        for rule in promotions:
            pricing_rows.upsert_promotion(db, rule)
        state.put(db, node_pricing.RULES_KEY, "bench")
    return db, [node_pricing.LineToPrice(catalog.get(db, ln.sku), ln.qty, None) for ln in lines]


def timed_ms(call: Any, n: int) -> list[float]:
    out = []
    for _ in range(n):
        start = time.perf_counter()
        call()
        out.append((time.perf_counter() - start) * 1000)
    return sorted(out)


def main() -> dict[str, float]:
    rnd = random.Random(9)
    promotions = rules(rnd)
    index = PromotionIndex(promotions)
    lines = basket(rnd)

    def priced() -> None:
        price_basket(lines, index, store="S1", at=T0, member=True)

    floor = timed_ms(lambda: price_basket(lines, [], store="S1", at=T0), PRICINGS)
    with_rules = timed_ms(priced, PRICINGS)
    with tempfile.TemporaryDirectory() as tmp:
        db, to_price = node_basket(Path(tmp), promotions, lines)

        def at_node() -> None:
            node_pricing.price_sale(db, "S1", to_price, T0, member=True)

        at_node()  # the first scan after a rule change builds the index
        node = timed_ms(at_node, PRICINGS)
        db.close()

    def p(s: list[float], q: float) -> float:
        return s[min(len(s) - 1, int(q * len(s)))]

    figures = {
        "promotions": index.size,
        "basket_lines": len(lines),
        "candidates": len(index.touching([(ln.sku, ln.category) for ln in lines])),
        "pricing_p50_ms": round(p(with_rules, 0.5), 3),
        "pricing_p99_ms": round(p(with_rules, 0.99), 3),
        "pricing_p99_vs_no_promotions": round(p(with_rules, 0.99) / p(floor, 0.99), 2),
        "node_pricing_p50_ms": round(p(node, 0.5), 3),
        "node_pricing_p99_ms": round(p(node, 0.99), 3),
    }
    print(json.dumps(figures, indent=2))
    return figures


if __name__ == "__main__":
    main()
