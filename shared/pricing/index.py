"""Promotions indexed by SKU and category, so pricing a basket looks only at the promotions
that can touch its lines (a chain may run ten thousand at once; a scan must stay instant)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import chain

from shared.pricing.models import Promotion

Touching = dict[str, tuple[Promotion, list[int]]]  # promotion id → (it, the lines it may take)


class PromotionIndex:
    """Built once per rule change (the node keeps it until the rules change again); `touching`
    is what a scan pays, and it grows with the basket, not with the chain's promotions."""

    def __init__(self, promotions: Iterable[Promotion]) -> None:
        self.by_sku: dict[str, list[Promotion]] = defaultdict(list)
        self.by_category: dict[str, list[Promotion]] = defaultdict(list)
        self.everywhere: list[Promotion] = []
        self.size = 0
        for promo in promotions:
            self.size += 1
            if promo.kind == "bundle":
                for sku in promo.params["skus"]:
                    self.by_sku[sku].append(promo)
            elif promo.skus is None and promo.categories is None:
                self.everywhere.append(promo)
            else:
                for sku in promo.skus or ():
                    self.by_sku[sku].append(promo)
                for category in promo.categories or ():
                    self.by_category[category].append(promo)

    def touching(self, lines: Sequence[tuple[str, str | None]]) -> Touching:
        """Each promotion that may touch these (sku, category) lines, with the positions of
        the lines it may take, ascending: its SKUs (a bundle's own), a category at or above
        the line's, or every line for a promotion naming neither. One pass over the lines."""
        found: Touching = {}
        every = list(range(len(lines)))
        for promo in self.everywhere:
            found[promo.id] = (promo, every)
        by_sku, by_category = self.by_sku, self.by_category
        for i, (sku, category) in enumerate(lines):
            reach = [by_category[c] for c in _prefixes(category) if c in by_category]
            for promo in chain(by_sku.get(sku, ()), *reach):
                entry = found.get(promo.id)
                if entry is None:
                    found[promo.id] = (promo, [i])
                elif entry[1][-1] != i:
                    entry[1].append(i)
        return found


@lru_cache(maxsize=4096)
def _prefixes(category: str | None) -> tuple[str, ...]:
    """`drinks/juice/orange` → `drinks`, `drinks/juice`, `drinks/juice/orange`."""
    if not category:
        return ()
    parts = category.split("/")
    return tuple("/".join(parts[: n + 1]) for n in range(len(parts)))
