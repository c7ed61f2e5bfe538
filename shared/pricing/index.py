"""Promotions indexed by SKU and category, so pricing a basket looks only at the promotions
that can touch its lines (a chain may run ten thousand at once; a scan must stay instant)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from shared.pricing.models import Promotion


class PromotionIndex:
    """Built once per rule change; `for_lines` is cheap per scan."""

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

    def for_lines(self, lines: Iterable[tuple[str, str | None]]) -> list[Promotion]:
        """The promotions that may touch any of these (sku, category) lines, each once."""
        found: dict[str, Promotion] = {p.id: p for p in self.everywhere}
        for sku, category in lines:
            for promo in self.by_sku.get(sku, ()):
                found[promo.id] = promo
            for prefix in _prefixes(category):
                for promo in self.by_category.get(prefix, ()):
                    found[promo.id] = promo
        return list(found.values())


def _prefixes(category: str | None) -> list[str]:
    """`drinks/juice/orange` → `drinks`, `drinks/juice`, `drinks/juice/orange`."""
    if not category:
        return []
    parts = category.split("/")
    return ["/".join(parts[: n + 1]) for n in range(len(parts))]
