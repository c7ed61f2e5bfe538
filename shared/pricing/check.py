"""Pricing a recorded sale again (the cloud's check of every pushed sale): the same engine,
the rules in force at its `occurred_at`, manual discounts and overrides as recorded. The
answer lists the differences; none means the node priced the sale as the rules say."""

from __future__ import annotations

from collections.abc import Iterable

from shared.models import Product, Sale
from shared.pricing.book import effective_price, list_unit_price
from shared.pricing.engine import BasketLine, Manual, price_basket
from shared.pricing.index import PromotionIndex
from shared.pricing.manual import within_cap
from shared.pricing.models import PriceVersion, Promotion


def reprice_differences(
    sale: Sale,
    products: dict[str, Product],
    versions: dict[str, list[PriceVersion]],
    promotions: PromotionIndex | Iterable[Promotion],
    cap_bp: int,
) -> list[str]:
    """What differs between the sale as recorded and as the rules price it; a sale with a
    SKU the catalogue lacks cannot be priced again and answers no difference."""
    if any(line.sku not in products for line in sale.lines):
        return []
    lines = []
    for key, line in enumerate(sale.lines):
        product = products[line.sku]
        if line.price_override is not None:
            unit = line.price_override.price
        else:
            price, _ = effective_price(
                product.price, versions.get(line.sku, []), sale.store, sale.occurred_at
            )
            unit = list_unit_price(price, line.barcode, product.barcodes)
        manual = line.manual_discount
        lines.append(
            BasketLine(
                key=key,
                sku=line.sku,
                qty=line.qty,
                unit_price=unit,
                vat_rate_bp=product.vat_rate_bp,
                category=product.category,
                overridden=line.price_override is not None,
                manual=None if manual is None else Manual(manual.percent_bp, manual.amount),
            )
        )
    basket = (
        None if sale.discount is None else Manual(sale.discount.percent_bp, sale.discount.amount)
    )
    priced = price_basket(
        lines,
        promotions,
        store=sale.store,
        at=sale.occurred_at,
        member=sale.member,
        coupons=sale.coupons,
        basket_manual=basket,
    )
    found = []
    for n, (mine, theirs) in enumerate(zip(priced.lines, sale.lines, strict=True), start=1):
        if (mine.unit_price, mine.total) != (theirs.unit_price, theirs.total):
            found.append(
                f"line {n} {theirs.sku}: recorded {theirs.unit_price}/{theirs.total}, "
                f"rules say {mine.unit_price}/{mine.total}"
            )
    if priced.total != sale.total:
        found.append(f"total: recorded {sale.total}, rules say {priced.total}")
    found += _unapproved(sale, lines, cap_bp)
    return found


def _unapproved(sale: Sale, lines: list[BasketLine], cap_bp: int) -> list[str]:
    """Manual discounts above the cap and price overrides that no manager approved."""
    found = []
    for n, (line, basket_line) in enumerate(zip(sale.lines, lines, strict=True), start=1):
        if line.price_override is not None and line.price_override.approved_by is None:
            found.append(f"line {n} {line.sku}: price override without a manager")
        manual = basket_line.manual
        if (
            manual is not None
            and line.manual_discount is not None
            and line.manual_discount.approved_by is None
            and not within_cap(manual, basket_line.unit_price * basket_line.qty, cap_bp)
        ):
            found.append(f"line {n} {line.sku}: manual discount above the cap without a manager")
    if sale.discount is not None and sale.discount.approved_by is None:
        whole = sum(bl.unit_price * bl.qty for bl in lines)
        if not within_cap(Manual(sale.discount.percent_bp, sale.discount.amount), whole, cap_bp):
            found.append("basket: manual discount above the cap without a manager")
    return found
