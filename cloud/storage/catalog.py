"""Catalogue rows: products and the barcodes that point at them."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from cloud.storage.schema import barcodes, products
from shared.models import Product


def get_product(conn: sa.Connection, sku: str) -> Product | None:
    """A product with its barcodes."""
    row = conn.execute(sa.select(products).where(products.c.sku == sku)).mappings().first()
    return None if row is None else _product(conn, row)


def owner_of(conn: sa.Connection, code: str) -> str | None:
    """The SKU a barcode belongs to."""
    return conn.execute(sa.select(barcodes.c.sku).where(barcodes.c.code == code)).scalar()


def upsert_product(conn: sa.Connection, product: Product) -> bool:
    """Insert or replace; True when the product is new."""
    values = {
        "name": product.name,
        "price": product.price,
        "vat_rate_bp": product.vat_rate_bp,
        "active": product.active,
        "location": product.location,
        "category": product.category,
        "updated_at": product.model_dump(mode="json")["updated_at"],
    }
    updated = conn.execute(
        sa.update(products).where(products.c.sku == product.sku).values(**values)
    ).rowcount
    if not updated:
        conn.execute(sa.insert(products).values(sku=product.sku, **values))
    conn.execute(sa.delete(barcodes).where(barcodes.c.sku == product.sku))
    for code in product.barcodes:
        conn.execute(sa.insert(barcodes).values(code=code, sku=product.sku))
    return not updated


def list_products(
    conn: sa.Connection, updated_since: str | None, after: tuple[str, str] | None, limit: int
) -> list[Product]:
    """Products in (updated_at, sku) order."""
    query = sa.select(products)
    if updated_since is not None:
        query = query.where(products.c.updated_at >= updated_since)
    if after is not None:
        query = query.where(sa.tuple_(products.c.updated_at, products.c.sku) > sa.tuple_(*after))
    rows = conn.execute(query.order_by(products.c.updated_at, products.c.sku).limit(limit))
    return [_product(conn, row) for row in rows.mappings()]


def products_by_sku(conn: sa.Connection, skus: set[str]) -> dict[str, Product]:
    """The catalogue's products among these SKUs, with their barcodes."""
    if not skus:
        return {}
    rows = conn.execute(sa.select(products).where(products.c.sku.in_(sorted(skus))))
    found = [_product(conn, row) for row in rows.mappings()]
    return {product.sku: product for product in found}


def known_skus(conn: sa.Connection, skus: set[str]) -> set[str]:
    """Which of these SKUs are in the catalogue."""
    if not skus:
        return set()
    rows = conn.execute(sa.select(products.c.sku).where(products.c.sku.in_(sorted(skus))))
    return set(rows.scalars())


def _product(conn: sa.Connection, row: Any) -> Product:
    """A product row with its barcodes, as the wire model."""
    codes = conn.execute(
        sa.select(barcodes.c.code).where(barcodes.c.sku == row["sku"]).order_by(barcodes.c.code)
    ).scalars()
    return Product(
        sku=row["sku"],
        name=row["name"],
        price=row["price"],
        vat_rate_bp=row["vat_rate_bp"],
        active=bool(row["active"]),
        location=row["location"],
        category=row["category"],
        updated_at=row["updated_at"],
        barcodes=list(codes),
    )
