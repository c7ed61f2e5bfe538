"""Shelf labels: queued when a price version or promotion reaching this store is pulled (so
before the change happens), listed with what the shelf will show at that moment, and marked
printed by the till or the picker page."""

from __future__ import annotations

from sqlite_utils import Database

from edge import clock, pricing
from edge.printing import Printing
from edge.storage import catalog as catalog_rows
from edge.storage import pricing as rows
from edge.storage.db import write
from shared.barcodes import parse_variable_measure
from shared.clock import format_ts, parse_ts
from shared.pricing.book import reaches
from shared.pricing.engine import active
from shared.pricing.models import Promotion, ShelfLabel


def waiting(db: Database, store: str, limit: int = 200) -> list[ShelfLabel]:
    """Unprinted labels, soonest change first, each with the price in force at its moment
    and the names of the shelf promotions (no coupon, not members-only) then running."""
    out = []
    promotions = rows.all_promotions(db)
    for label_id, sku, effective_at, reason in rows.waiting_labels(db, limit):
        product = catalog_rows.get_product(db, sku)
        if product is None:
            continue
        moment = parse_ts(effective_at)
        shown = [
            p.name
            for p in active(promotions, store, moment, member=False, coupons=set())
            if p.kind not in ("basket_percent_off", "member_price")
            and reaches(p.stores, store)
            and _names(p, sku, product.category)
        ]
        out.append(
            ShelfLabel(
                id=label_id,
                sku=sku,
                name=product.name,
                price=pricing.price_of(db, store, product, moment),
                effective_at=moment,
                reason=reason,
                barcode=product.barcodes[0] if product.barcodes else None,
                promotions=shown,
                per="kg" if _by_weight(product.barcodes) else None,
            )
        )
    return out


def mark_printed(db: Database, ids: list[str]) -> int:
    """Mark labels printed (already printed ones are left as they were)."""
    with write(db):
        return rows.mark_printed(db, ids, format_ts(clock.now(db)[0]))


def _by_weight(barcodes: list[str]) -> bool:
    """A product registered under a GS1 weight-embedded code (25–29) is priced per kg."""
    for code in barcodes:
        measure = parse_variable_measure(code)
        if measure is not None and measure.kind == "weight":
            return True
    return False


def _names(promo: Promotion, sku: str, category: str | None) -> bool:
    """Whether a promotion covers this SKU (by SKU, bundle member or category)."""
    if promo.kind == "bundle":
        return sku in promo.params.get("skus", [])
    if promo.skus is None and promo.categories is None:
        return True
    if promo.skus and sku in promo.skus:
        return True
    return category is not None and any(
        category == c or category.startswith(c + "/") for c in promo.categories or ()
    )


def print_waiting(db: Database, store: str, printing: Printing) -> int:
    """Send every waiting label to the print queue (which keeps them when the printer is
    away) and mark them printed; returns how many."""
    waiting_now = waiting(db, store)
    for label in waiting_now:
        printing.shelf_label(label)
    if waiting_now:
        mark_printed(db, [label.id for label in waiting_now])
    return len(waiting_now)
