"""A sample catalogue for the demo: a few hundred products with valid EAN-13 codes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from shared.barcodes import make_ean13

# (department, VAT basis points, base price in cents, items, sizes)
DEPARTMENTS: list[tuple[str, int, int, list[str], list[str]]] = [
    (
        "DAIRY",
        700,
        89,
        [
            "Whole milk",
            "Semi-skimmed milk",
            "Greek yoghurt",
            "Butter",
            "Cheddar",
            "Gouda",
            "Cream",
            "Kefir",
        ],
        ["250 g", "500 g", "1 kg"],
    ),
    (
        "BAKERY",
        700,
        129,
        ["Sourdough loaf", "Baguette", "Croissant", "Rye bread", "Bagels", "Muffins"],
        ["1 pc", "4 pcs", "6 pcs"],
    ),
    (
        "PANTRY",
        700,
        99,
        [
            "Spaghetti",
            "Penne",
            "Basmati rice",
            "Rolled oats",
            "Olive oil",
            "Tomato passata",
            "Chickpeas",
            "Peanut butter",
            "Honey",
            "Coffee beans",
        ],
        ["250 g", "500 g", "1 kg"],
    ),
    (
        "DRINKS",
        2000,
        79,
        [
            "Sparkling water",
            "Still water",
            "Orange juice",
            "Apple juice",
            "Cola",
            "Lemonade",
            "Iced tea",
        ],
        ["0.5 L", "1 L", "1.5 L", "6 x 1.5 L"],
    ),
    (
        "HOME",
        2000,
        199,
        [
            "Dish soap",
            "Laundry liquid",
            "Kitchen roll",
            "Toilet paper",
            "Bin bags",
            "Sponges",
            "Glass cleaner",
        ],
        ["small", "medium", "large"],
    ),
    (
        "CARE",
        2000,
        249,
        ["Shampoo", "Shower gel", "Toothpaste", "Hand soap", "Deodorant", "Sun cream"],
        ["50 ml", "250 ml", "500 ml"],
    ),
    (
        "FRESH",
        700,
        149,
        [
            "Bananas",
            "Apples",
            "Carrots",
            "Tomatoes",
            "Cucumber",
            "Lettuce",
            "Onions",
            "Potatoes",
            "Lemons",
        ],
        ["500 g", "1 kg", "2 kg"],
    ),
    (
        "FROZEN",
        700,
        199,
        [
            "Peas",
            "Pizza margherita",
            "Fish fingers",
            "Vanilla ice cream",
            "Spinach",
            "Berries mix",
            "Chips",
        ],
        ["400 g", "750 g", "1 kg"],
    ),
    (
        "PET",
        2000,
        149,
        ["Dog food", "Cat food", "Cat litter", "Dog treats"],
        ["400 g", "1 kg", "3 kg", "10 kg"],
    ),
    (
        "BABY",
        700,
        229,
        ["Nappies", "Baby wipes", "Baby porridge", "Fruit pouch"],
        ["small", "medium", "large", "family pack"],
    ),
    (
        "SNACKS",
        700,
        119,
        ["Crisps", "Salted peanuts", "Dark chocolate", "Milk chocolate", "Oat biscuits", "Popcorn"],
        ["100 g", "200 g", "400 g"],
    ),
]
VARIABLE_MEASURE = [
    ("DELI-HAM", "Sliced ham (priced at the counter)", 1990, 700, "2100001"),
    ("DELI-CHEESE", "Cheese from the counter (priced)", 2490, 700, "2100002"),
    ("LOOSE-APPLES", "Loose apples per kg", 299, 700, "2500003"),
]


def products() -> Iterator[tuple[str, dict[str, Any]]]:
    """(sku, ProductIn body) pairs; the EAN-13s use the GS1 company prefix 4006381."""
    n = 0
    for dept, vat, base, items, sizes in DEPARTMENTS:
        for i, item in enumerate(items):
            for s, size in enumerate(sizes):
                n += 1
                sku = f"{dept}-{i + 1:02d}{s + 1}"
                yield (
                    sku,
                    {
                        "name": f"{item} {size}",
                        "price": base + 40 * i + 85 * s,
                        "vat_rate_bp": vat,
                        "barcodes": [make_ean13(f"40063810{n:04d}")],
                        "location": f"{dept[:2]}-{i + 1:02d}",
                    },
                )
    for sku, name, price, vat, stem in VARIABLE_MEASURE:
        yield (
            sku,
            {
                "name": name,
                "price": price,
                "vat_rate_bp": vat,
                "barcodes": [make_ean13(stem + "00000")],
                "location": "DELI",
            },
        )
