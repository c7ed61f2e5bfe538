"""Reading what HQ types into console forms: money as `12.34`, lists as words, and the
reason to show when a form is refused."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from pydantic import ValidationError

from shared.errors import OmnistoreError


def money(text: str, label: str = "price") -> int:
    """An amount typed as 12.34 (or 12) into minor units."""
    try:
        value = Decimal(text.strip().replace(",", "."))
    except InvalidOperation as exc:
        raise ValueError(f"{label}: a number like 12.34") from exc
    if value != value.quantize(Decimal("0.01")) or value < 0:
        raise ValueError(f"{label}: a number like 12.34, at most two decimals")
    return int(value * 100)


def words(text: str) -> list[str]:
    """Space- or comma-separated codes (SKUs, stores, categories), in order, once each."""
    return list(dict.fromkeys(text.replace(",", " ").split()))


def reason_of(exc: Exception) -> str:
    """What the page says when a form is refused."""
    if isinstance(exc, OmnistoreError):
        return exc.message
    if isinstance(exc, ValidationError):
        return "; ".join(
            f"{'.'.join(map(str, e['loc'])) or 'form'}: {e['msg']}" for e in exc.errors()
        )
    return str(exc)
