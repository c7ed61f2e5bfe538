"""The cloud prices every pushed sale again with the rules in force at its `occurred_at`; a
difference is one `price_mismatch` exception per sale (the sale stands). Runs inside the push's
transaction, so the exception is there by the time the push is answered."""

from __future__ import annotations

import sqlalchemy as sa

from cloud.services.promotion_cache import promotions_index
from cloud.services.reporting import exception_row
from cloud.storage import catalog, exceptions
from cloud.storage import pricing as rows
from shared.clock import format_ts
from shared.models import Sale
from shared.pricing.check import reprice_differences


def check_sales(conn: sa.Connection, store: str, sales: list[Sale]) -> None:
    """One round of lookups for a batch of sales (products, versions, promotions in force
    over the batch's span), then each sale priced again."""
    if not sales:
        return
    skus = {line.sku for sale in sales for line in sale.lines}
    products = catalog.products_by_sku(conn, skus)
    versions = rows.versions_for(conn, skus)
    first = format_ts(min(sale.occurred_at for sale in sales))
    last = format_ts(max(sale.occurred_at for sale in sales))
    index = promotions_index(conn, first, last)
    cap = rows.cap_bp(conn)
    found = []
    for sale in sales:
        differences = reprice_differences(sale, products, versions, index, cap)
        if differences:
            detail = f"{sale.receipt_no}: " + "; ".join(differences)
            found.append(exception_row(store, "price_mismatch", sale.id, detail[:2000]))
    exceptions.add_exceptions(conn, found)
