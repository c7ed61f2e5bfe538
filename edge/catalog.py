"""Finding what is being sold: by SKU, by barcode, or by a GS1 variable-measure barcode."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from edge.storage import catalog as rows
from shared.barcodes import BarcodeError, normalize, parse_variable_measure
from shared.errors import BadRequest, NotFound
from shared.models import PricedProduct, Product
from shared.money import round_half_up


@dataclass(frozen=True)
class Resolved:
    """A product and the unit price this scan or key-in sells it at."""

    product: Product
    unit_price: int
    barcode: str | None = None
    weight_g: int | None = None  # a weight-embedded code: grams, priced at product.price/kg


def get(db: Database, sku: str) -> Product:
    """The product with this SKU, or 404 `unknown_product`."""
    product = rows.get_product(db, sku)
    if product is None:
        raise NotFound("unknown_product", f"no product with SKU {sku}")
    return product


def lookup_barcode(db: Database, raw: str) -> Resolved:
    """Resolve a scanned code. Variable-measure codes (prefix 2) find their product by the
    code with the value zeroed; 20–24 embed the price, 25–29 the weight in grams."""
    try:
        code = normalize(raw)
        measure = parse_variable_measure(code)
    except BarcodeError as exc:
        raise BadRequest("bad_barcode", str(exc)) from exc
    sku = rows.sku_for_barcode(db, code)
    if sku is not None:
        product = get(db, sku)
        return Resolved(product, product.price, code)
    if measure is not None:
        sku = rows.sku_for_barcode(db, measure.lookup_code)
        if sku is not None:
            product = get(db, sku)
            price = _measured_price(product, measure.kind, measure.value)
            grams = measure.value if measure.kind == "weight" else None
            return Resolved(product, price, code, grams)
    raise NotFound("unknown_product", f"no product with barcode {code}")


def get_any_case(db: Database, sku: str) -> Product:
    """The product whose SKU equals `sku` ignoring case (`milk` finds `MILK`, `ab-1c` finds
    `AB-1c`), or 404 `unknown_product`. An exact match wins."""
    product = rows.get_product(db, sku)
    if product is not None:
        return product
    folded = sku.casefold()
    for candidate in rows.search(db, sku, 50):
        if candidate.sku.casefold() == folded:
            return candidate
    raise NotFound("unknown_product", f"no product with SKU {sku}")


def resolve(db: Database, sku: str | None, barcode: str | None) -> Resolved:
    """A sale line's product and price, by whichever key the line carries."""
    if barcode is not None:
        return lookup_barcode(db, barcode)
    product = get(db, str(sku))
    return Resolved(product, product.price)


def search(db: Database, text: str, limit: int = 20) -> list[Product]:
    """Products by name or SKU fragment, for the POS search."""
    return rows.search(db, text, limit)


def _measured_price(product: Product, kind: str, value: int) -> int:
    """Price-embedded codes carry the price; weight-embedded ones price grams at price/kg."""
    if kind == "price":
        return value
    return round_half_up(product.price * value, 1000)


def priced(db: Database, barcode: str) -> PricedProduct:
    """A product by barcode with the price this barcode means."""
    found = lookup_barcode(db, barcode)
    return PricedProduct(**found.product.model_dump(), unit_price=found.unit_price)
