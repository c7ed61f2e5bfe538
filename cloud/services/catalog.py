"""HQ maintains the catalogue; every change also goes into the catalogue change feed."""

from __future__ import annotations

import sqlalchemy as sa

from cloud.storage import catalog, feed
from shared.clock import now_text
from shared.errors import Conflict, NotFound
from shared.models import Product, ProductIn


def put_product(conn: sa.Connection, sku: str, body: ProductIn) -> tuple[Product, bool]:
    """Create or replace a product; a barcode may belong to one product only."""
    for code in body.barcodes:
        owner = catalog.owner_of(conn, code)
        if owner is not None and owner != sku:
            raise Conflict("barcode_taken", f"barcode {code} belongs to {owner}")
    product = Product(sku=sku, updated_at=now_text(), **body.model_dump())  # type: ignore[arg-type]
    created = catalog.upsert_product(conn, product)
    feed.append(conn, feed.CATALOGUE, "product", product.model_dump(mode="json"))
    return product, created


def get_product(conn: sa.Connection, sku: str) -> Product:
    """A product, or 404 `unknown_product`."""
    product = catalog.get_product(conn, sku)
    if product is None:
        raise NotFound("unknown_product", f"no product with SKU {sku}")
    return product


def list_products(
    conn: sa.Connection, updated_since: str | None, after: tuple[str, str] | None, limit: int
) -> list[Product]:
    """Products in change order (updated_at, sku), so HQ and shops can poll for changes."""
    return catalog.list_products(conn, updated_since, after, limit)
