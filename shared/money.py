"""Money is integer minor units (cents), never float; prices are VAT-inclusive and VAT is
rounded half-up per line (SPEC §3)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

MAX_MONEY = 10**12

_ZERO_DIGITS = ("JPY", "KRW", "ISK", "CLP", "VND", "XAF", "XOF", "XPF", "PYG", "UGX", "RWF")
_THREE_DIGITS = ("BHD", "KWD", "OMR", "JOD", "TND", "IQD", "LYD")
_MINOR_DIGITS = {**dict.fromkeys(_ZERO_DIGITS, 0), **dict.fromkeys(_THREE_DIGITS, 3)}
# ASCII digits only (str.isdigit and \d also accept other scripts); "," is a decimal point too.
_AMOUNT = re.compile(r"([+-]?)([0-9]*)(?:[.,]([0-9]*))?", re.ASCII)


def round_half_up(numerator: int, denominator: int) -> int:
    """Integer division rounding halves away from zero, symmetric for negatives, so a refund
    rounds exactly like the sale it mirrors."""
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    quotient, remainder = divmod(abs(numerator), denominator)
    if 2 * remainder >= denominator:
        quotient += 1
    return quotient if numerator >= 0 else -quotient


def line_total(unit_price: int, qty: int) -> int:
    """A line's amount; prices are per unit and already VAT-inclusive."""
    return unit_price * qty


def vat_included(gross: int, vat_rate_bp: int) -> int:
    """The VAT contained in a VAT-inclusive amount, half-up to the minor unit."""
    return round_half_up(gross * vat_rate_bp, 10_000 + vat_rate_bp)


@dataclass(frozen=True)
class VatLine:
    """One row of a receipt's VAT breakdown: totals for one rate."""

    rate_bp: int
    gross: int
    vat: int
    net: int


def vat_breakdown(lines: Iterable[tuple[int, int]]) -> list[VatLine]:
    """Totals per rate from (line gross, rate) pairs, VAT rounded per line as the rules
    require (not on the sum); rates ascending."""
    gross: dict[int, int] = {}
    vat: dict[int, int] = {}
    for amount, rate in lines:
        gross[rate] = gross.get(rate, 0) + amount
        vat[rate] = vat.get(rate, 0) + vat_included(amount, rate)
    return [VatLine(r, gross[r], vat[r], gross[r] - vat[r]) for r in sorted(gross)]


def minor_digits(currency: str) -> int:
    """Digits after the decimal point of a currency (the `e` of 10^e minor units)."""
    return _minor_digits(currency)


def _minor_digits(currency: str) -> int:
    """Digits after the decimal point for an ISO 4217 currency (2 unless listed)."""
    return _MINOR_DIGITS.get(currency.upper(), 2)


def format_money(amount: int, currency: str = "EUR") -> str:
    """`1234, "EUR"` → `"12.34 EUR"`, with integer arithmetic only so nothing is lost."""
    digits = _minor_digits(currency)
    sign = "-" if amount < 0 else ""
    whole, frac = divmod(abs(amount), 10**digits)
    text = f"{whole}.{frac:0{digits}d}" if digits else str(whole)
    return f"{sign}{text} {currency.upper()}"


def parse_money(text: str, currency: str = "EUR") -> int:
    """What a cashier typed, in minor units: `"12.3"` → 1230 for EUR (`,` also accepted as the
    decimal point); ValueError for garbage or more decimals than the currency has."""
    digits = _minor_digits(currency)
    match = _AMOUNT.fullmatch(text.strip())
    if match is None or not (match[2] or match[3]):
        raise ValueError(f"not an amount: {text!r}")
    sign, whole, frac = match[1], match[2] or "0", match[3] or ""
    if len(frac) > digits:
        raise ValueError(f"{currency.upper()} has {digits} decimals at most: {text!r}")
    value = int(whole) * 10**digits + int(frac.ljust(digits, "0") or "0")
    return -value if sign == "-" else value
