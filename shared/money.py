"""Money is integer minor units (cents), never float; VAT is included in prices."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

MAX_MONEY = 10**12
_MINOR_DIGITS = {
    **{c: 0 for c in ("JPY", "KRW", "ISK", "CLP", "VND", "XAF", "XOF", "PYG", "UGX")},
    **{c: 3 for c in ("BHD", "KWD", "OMR", "JOD", "TND", "IQD", "LYD")},
}


def round_half_up(numerator: int, denominator: int) -> int:
    """Integer division rounding halves away from zero (symmetric for negatives)."""
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    quotient, remainder = divmod(abs(numerator), denominator)
    if 2 * remainder >= denominator:
        quotient += 1
    return quotient if numerator >= 0 else -quotient


def line_total(unit_price: int, qty: int) -> int:
    """A line's amount: prices are per unit, already VAT-inclusive."""
    return unit_price * qty


def vat_included(gross: int, vat_rate_bp: int) -> int:
    """The VAT contained in a VAT-inclusive amount, half-up to the minor unit."""
    return round_half_up(gross * vat_rate_bp, 10_000 + vat_rate_bp)


@dataclass(frozen=True)
class VatLine:
    rate_bp: int
    gross: int
    vat: int
    net: int


def vat_breakdown(lines: Iterable[tuple[int, int]]) -> list[VatLine]:
    """VAT per rate from (line gross, rate) pairs, rounded per line as the rules require."""
    gross: dict[int, int] = {}
    vat: dict[int, int] = {}
    for amount, rate in lines:
        gross[rate] = gross.get(rate, 0) + amount
        vat[rate] = vat.get(rate, 0) + vat_included(amount, rate)
    return [VatLine(r, gross[r], vat[r], gross[r] - vat[r]) for r in sorted(gross)]


def minor_digits(currency: str) -> int:
    """Digits after the decimal point for an ISO 4217 currency (2 unless listed)."""
    return _MINOR_DIGITS.get(currency.upper(), 2)


def format_money(amount: int, currency: str = "EUR") -> str:
    """`1234, "EUR"` → `"12.34 EUR"`; integer arithmetic only."""
    digits = minor_digits(currency)
    sign = "-" if amount < 0 else ""
    whole, frac = divmod(abs(amount), 10**digits)
    text = f"{whole}.{frac:0{digits}d}" if digits else str(whole)
    return f"{sign}{text} {currency.upper()}"


def parse_money(text: str, currency: str = "EUR") -> int:
    """`"12.3"` → 1230 for EUR; refuses garbage and more decimals than the currency has."""
    digits = minor_digits(currency)
    raw = text.strip().replace(",", ".")
    negative = raw.startswith("-")
    if raw[:1] in ("+", "-"):
        raw = raw[1:]
    whole, _, frac = raw.partition(".")
    if not whole and not frac:
        raise ValueError(f"not an amount: {text!r}")
    if not (whole or "0").isdigit() or (frac and not frac.isdigit()) or len(frac) > digits:
        raise ValueError(f"not an amount in {currency}: {text!r}")
    value = int(whole or "0") * 10**digits + int((frac or "0").ljust(digits, "0")[:digits] or "0")
    return -value if negative else value
