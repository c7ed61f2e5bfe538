"""Pricing a 50-line basket against 10,000 active promotions through the promotion index,
p50/p99 in ms, and as a ratio against pricing the same basket with no promotions (the
engine's floor, measured in the same run). Target: p99 < 5 ms.

OMNISTORE_BENCH_PROMOTIONS and OMNISTORE_BENCH_PRICINGS size it."""

from __future__ import annotations

import json
import os
import random
import time
from typing import Any

from shared.pricing.engine import BasketLine, price_basket
from shared.pricing.index import PromotionIndex
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


def timed_ms(call: Any, n: int) -> list[float]:
    out = []
    for _ in range(n):
        start = time.perf_counter()
        call()
        out.append((time.perf_counter() - start) * 1000)
    return sorted(out)


def main() -> dict[str, float]:
    rnd = random.Random(9)
    index = PromotionIndex(rules(rnd))
    lines = basket(rnd)

    def priced() -> None:
        candidates = index.for_lines((ln.sku, ln.category) for ln in lines)
        price_basket(lines, candidates, store="S1", at=T0, member=True)

    floor = timed_ms(lambda: price_basket(lines, [], store="S1", at=T0), PRICINGS)
    with_rules = timed_ms(priced, PRICINGS)

    def p(s: list[float], q: float) -> float:
        return s[min(len(s) - 1, int(q * len(s)))]

    figures = {
        "promotions": index.size,
        "basket_lines": len(lines),
        "candidates": len(index.for_lines((ln.sku, ln.category) for ln in lines)),
        "pricing_p50_ms": round(p(with_rules, 0.5), 3),
        "pricing_p99_ms": round(p(with_rules, 0.99), 3),
        "pricing_p99_vs_no_promotions": round(p(with_rules, 0.99) / p(floor, 0.99), 2),
    }
    print(json.dumps(figures, indent=2))
    return figures


if __name__ == "__main__":
    main()
