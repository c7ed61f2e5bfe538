"""EAN-13, EAN-8 and UPC-A validation, and GS1 variable-measure codes (prefix 2), so that
every scan resolves to one canonical catalogue code (SPEC §3)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

_DIGITS = re.compile(r"[0-9]+", re.ASCII)  # str.isdigit would accept other scripts' digits
_LENGTHS = (8, 12, 13, 14)
_MAX_VALUE = 99_999


class BarcodeError(ValueError):
    """A code no scanner should have produced: wrong length, non-digits or bad check digit."""


def _is_digits(text: str) -> bool:
    """True for a non-empty string of ASCII digits."""
    return _DIGITS.fullmatch(text) is not None


def gtin_check_digit(body: str) -> int:
    """GS1 mod-10 check digit of a code without its check digit (weights 3,1,3,… from the
    right), for EAN-8, UPC-A, EAN-13 and GTIN-14 alike."""
    if not _is_digits(body):
        raise BarcodeError(f"barcode {body!r} must contain digits only")
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def is_valid_gtin(code: str) -> bool:
    """True for an 8-, 12-, 13- or 14-digit code whose check digit is right."""
    return (
        _is_digits(code) and len(code) in _LENGTHS and gtin_check_digit(code[:-1]) == int(code[-1])
    )


def normalize(code: str) -> str:
    """The canonical form a barcode is stored and looked up under: UPC-A becomes EAN-13 with
    a leading 0; anything invalid raises BarcodeError saying why."""
    code = code.strip()
    if not code:
        raise BarcodeError("barcode is empty: it must contain digits only")
    if not _is_digits(code):
        raise BarcodeError(f"barcode {code!r} must contain digits only")
    if len(code) not in _LENGTHS:
        raise BarcodeError(f"barcode {code!r} must have 8, 12, 13 or 14 digits, not {len(code)}")
    if gtin_check_digit(code[:-1]) != int(code[-1]):
        raise BarcodeError(f"barcode {code!r} has a wrong check digit")
    return "0" + code if len(code) == 12 else code


def _make(body: str, length: int, name: str) -> str:
    """Append the check digit to a body of `length` digits."""
    if len(body) != length or not _is_digits(body):
        raise BarcodeError(f"an {name} body has {length} digits, not {body!r}")
    return body + str(gtin_check_digit(body))


def make_ean13(body12: str) -> str:
    """A valid EAN-13 from its first 12 digits."""
    return _make(body12, 12, "EAN-13")


def make_ean8(body7: str) -> str:
    """A valid EAN-8 from its first 7 digits."""
    return _make(body7, 7, "EAN-8")


@dataclass(frozen=True)
class VariableMeasure:
    """What a restricted-circulation code says: which product (the EAN-13 it is registered
    under, value digits zeroed) and the embedded price (20–24) or weight in grams (25–29)."""

    lookup_code: str
    kind: Literal["price", "weight"]
    value: int


def parse_variable_measure(code: str) -> VariableMeasure | None:
    """Read layout `2D IIIII VVVVV C`; None for valid codes that are not variable-measure
    EAN-13s, BarcodeError for invalid ones."""
    code = normalize(code)
    if len(code) != 13 or code[0] != "2":
        return None
    kind: Literal["price", "weight"] = "price" if code[1] in "01234" else "weight"
    return VariableMeasure(make_ean13(code[:7] + "00000"), kind, int(code[7:12]))


def make_variable_measure(prefix2: str, item_ref: str, value: int) -> str:
    """Build a variable-measure EAN-13 as a scale would print it (tests and the demo)."""
    if len(prefix2) != 2 or prefix2[0] != "2" or not _is_digits(prefix2):
        raise BarcodeError(f"variable-measure prefix must be 20–29, not {prefix2!r}")
    if len(item_ref) != 5 or not _is_digits(item_ref):
        raise BarcodeError(f"item reference must have 5 digits, not {item_ref!r}")
    if not 0 <= value <= _MAX_VALUE:
        raise BarcodeError(f"value must be 0–{_MAX_VALUE}, not {value}")
    return make_ean13(f"{prefix2}{item_ref}{value:05d}")
