"""The till's view of pricing: the edge prices the basket after every change (the same
engine and rules the sale will be recorded with), so each discount and promotion shows as it
is scanned and the payment dialog asks for what the customer really owes."""

from __future__ import annotations

from typing import Protocol

from pos_tui.basket import Basket, BasketQuote
from shared.errors import OmnistoreError
from shared.money import parse_money
from shared.tills import BasketQuoteIn, BasketQuoteOut


class Quotes(Protocol):
    """A till backend's pricing (local: the edge services; remote: the lane API)."""

    def quote(self, basket: BasketQuoteIn) -> BasketQuoteOut: ...


def requote(session: Quotes, basket: Basket) -> BasketQuote | None:
    """Price the basket now and keep the answer on it (None when it cannot be priced, or
    the node does not answer: the list prices then stand until the next change). A
    customer attached makes it a member's basket."""
    basket.quote = None
    if not basket.lines:
        return None
    try:
        found = session.quote(_request(basket))
    except (OmnistoreError, ValueError):
        return None
    basket.quote = BasketQuote(
        signature=basket.signature(),
        totals=[line.total for line in found.lines],
        discounts=[
            [(d.name or _label(d.source), d.amount) for d in line.discounts] for line in found.lines
        ],
        total=found.total,
        needs_manager=found.needs_manager,
    )
    return basket.quote


def _request(basket: Basket) -> BasketQuoteIn:
    return BasketQuoteIn(
        lines=basket.sale_lines(),
        coupons=basket.coupons,
        discount=basket.basket_discount(),
        customer_id=None if basket.customer is None else basket.customer.id,
    )


def _label(source: str) -> str:
    return "Discount" if source == "manual" else "Promotion"


def parse_discount(text: str, currency: str) -> dict[str, object]:
    """`10% reason` or `1.50 reason` as a manual discount; ValueError when it is not one."""
    value, _, reason = text.strip().partition(" ")
    if not reason.strip():
        raise ValueError("say why after the amount: `10% damaged`")
    if value.endswith("%"):
        number = value[:-1].replace(",", ".")
        try:
            percent_bp = round(float(number) * 100)
        except ValueError as exc:
            raise ValueError(f"not a percentage: {value}") from exc
        if not 1 <= percent_bp <= 10_000:
            raise ValueError("a percentage from 0.01 to 100")
        return {"percent_bp": percent_bp, "reason": reason.strip()}
    amount = parse_money(value, currency)
    if amount <= 0:
        raise ValueError("the amount must be above zero")
    return {"amount": amount, "reason": reason.strip()}


def parse_override(text: str, currency: str) -> dict[str, object]:
    """`3.99 reason` as a price override."""
    value, _, reason = text.strip().partition(" ")
    if not reason.strip():
        raise ValueError("say why after the price: `3.99 price match`")
    price = parse_money(value, currency)
    if price < 0:
        raise ValueError("the price cannot be negative")
    return {"price": price, "reason": reason.strip()}
