"""EAN-13, EAN-8 and UPC-A validation, and GS1 variable-measure codes (prefix 2)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


class BarcodeError(ValueError):
    """A code that no scanner should have produced: wrong length, digits or check digit."""


def gtin_check_digit(body: str) -> int:
    """GS1 mod-10 check digit: weights 3,1,3,… from the right of the body."""
    if not body.isdigit():
        raise BarcodeError(f"barcode {body!r} must contain digits only")
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def is_valid_gtin(code: str) -> bool:
    """True for an 8-, 12-, 13- or 14-digit code with the right check digit."""
    return (
        code.isdigit()
        and len(code) in (8, 12, 13, 14)
        and gtin_check_digit(code[:-1]) == int(code[-1])
    )


def normalize(code: str) -> str:
    """The canonical form: UPC-A becomes EAN-13 with a leading 0; invalid codes raise."""
    code = code.strip()
    if not code.isdigit():
        raise BarcodeError(f"barcode {code!r} must contain digits only")
    if len(code) not in (8, 12, 13, 14):
        raise BarcodeError(f"barcode {code!r} must have 8, 12, 13 or 14 digits")
    if gtin_check_digit(code[:-1]) != int(code[-1]):
        raise BarcodeError(f"barcode {code!r} has a wrong check digit")
    return "0" + code if len(code) == 12 else code


def make_ean13(body12: str) -> str:
    """Append the check digit to 12 digits."""
    if len(body12) != 12:
        raise BarcodeError("an EAN-13 body has 12 digits")
    return body12 + str(gtin_check_digit(body12))


def make_ean8(body7: str) -> str:
    """Append the check digit to 7 digits."""
    if len(body7) != 7:
        raise BarcodeError("an EAN-8 body has 7 digits")
    return body7 + str(gtin_check_digit(body7))


@dataclass(frozen=True)
class VariableMeasure:
    """What a restricted-circulation code says: which product (by the code it is registered
    under, value zeroed) and the embedded price (20–24) or weight in grams (25–29)."""

    lookup_code: str
    kind: Literal["price", "weight"]
    value: int


def parse_variable_measure(code: str) -> VariableMeasure | None:
    """Layout `2D IIIII VVVVV C`; None for codes that are not variable-measure EAN-13s."""
    code = normalize(code)
    if len(code) != 13 or code[0] != "2":
        return None
    kind: Literal["price", "weight"] = "price" if code[1] in "01234" else "weight"
    return VariableMeasure(make_ean13(code[:7] + "00000"), kind, int(code[7:12]))


def make_variable_measure(prefix2: str, item_ref: str, value: int) -> str:
    """Build a variable-measure EAN-13 (for tests and the demo)."""
    if len(prefix2) != 2 or prefix2[0] != "2" or not prefix2.isdigit():
        raise BarcodeError("prefix must be 20–29")
    if len(item_ref) != 5 or not item_ref.isdigit():
        raise BarcodeError("item reference has 5 digits")
    if not 0 <= value <= 99_999:
        raise BarcodeError("value must fit in 5 digits")
    return make_ean13(f"{prefix2}{item_ref}{value:05d}")
