"""Catalogue rows at the node: products as last pulled from the cloud, and their barcodes."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from shared.clock import format_ts
from shared.models import Product

_COLUMNS = "sku, name, price, vat_rate_bp, active, location, updated_at, category"


def upsert_product(db: Database, product: Product) -> None:
    """Replace the product and its barcodes with the cloud's version."""
    db.execute(
        f"INSERT INTO products({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(sku) DO UPDATE SET name = excluded.name, price = excluded.price, "
        "vat_rate_bp = excluded.vat_rate_bp, active = excluded.active, "
        "location = excluded.location, updated_at = excluded.updated_at, "
        "category = excluded.category",
        [
            product.sku,
            product.name,
            product.price,
            product.vat_rate_bp,
            int(product.active),
            product.location,
            format_ts(product.updated_at),
            product.category,
        ],
    )
    db.execute("DELETE FROM barcodes WHERE sku = ?", [product.sku])
    for code in product.barcodes:
        db.execute(
            "INSERT INTO barcodes(code, sku) VALUES (?, ?) "
            "ON CONFLICT(code) DO UPDATE SET sku = excluded.sku",
            [code, product.sku],
        )


def get_product(db: Database, sku: str) -> Product | None:
    """The product with its barcodes, or None."""
    row = db.execute(f"SELECT {_COLUMNS} FROM products WHERE sku = ?", [sku]).fetchone()
    return None if row is None else _product(db, row)


def sku_for_barcode(db: Database, code: str) -> str | None:
    """Which SKU a (normalised) barcode belongs to."""
    row = db.execute("SELECT sku FROM barcodes WHERE code = ?", [code]).fetchone()
    return None if row is None else str(row[0])


def search(db: Database, text: str, limit: int) -> list[Product]:
    """Products whose name or SKU contains `text`, active first, by name."""
    pattern = f"%{text}%"
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM products WHERE name LIKE ? OR sku LIKE ? "
        "ORDER BY active DESC, name LIMIT ?",
        [pattern, pattern, limit],
    ).fetchall()
    return [_product(db, row) for row in rows]


def skus_in_category(db: Database, category: str) -> list[str]:
    """Products at or under a category path (`drinks` takes `drinks/juice`)."""
    rows = db.execute(
        "SELECT sku FROM products WHERE category = ? OR category LIKE ? ESCAPE '\\' ORDER BY sku",
        [category, category.replace("_", "\\_").replace("%", "\\%") + "/%"],
    )
    return [str(row[0]) for row in rows.fetchall()]


def count(db: Database) -> int:
    """How many products the node knows."""
    return int(db.execute("SELECT count(*) FROM products").fetchone()[0])


def _product(db: Database, row: tuple[Any, ...]) -> Product:
    codes = [r[0] for r in db.execute("SELECT code FROM barcodes WHERE sku = ?", [row[0]])]
    return Product(
        sku=row[0],
        name=row[1],
        price=row[2],
        vat_rate_bp=row[3],
        active=bool(row[4]),
        location=row[5],
        updated_at=row[6],
        category=row[7],
        barcodes=sorted(codes),
    )
