"""The till's view of pricing: the edge prices the basket after every change (the same
engine and rules the sale will be recorded with), so each discount and promotion shows as it
is scanned and the payment dialog asks for what the customer really owes."""

from __future__ import annotations

from typing import Protocol

from sqlite_utils import Database

from edge import labels, sales
from edge.node import NodeConfig
from pos_tui.basket import Basket, BasketQuote
from shared.errors import OmnistoreError
from shared.money import parse_money


class HasNode(Protocol):
    db: Database
    config: NodeConfig


def requote(session: HasNode, basket: Basket, member: bool = False) -> BasketQuote | None:
    """Price the basket now and keep the answer on it (None when it cannot be priced: the
    list prices then stand until the next change)."""
    if not basket.lines or not hasattr(session, "db"):  # a remote till prices elsewhere
        basket.quote = None
        return None
    try:
        found = sales.quote(
            session.db,
            session.config,
            basket.sale_lines(),
            basket.coupons,
            basket.basket_discount(),
            member,
        )
    except (OmnistoreError, ValueError):
        basket.quote = None
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


def print_labels(session: HasNode) -> int:
    """Send the waiting shelf labels to this till's printer queue; how many."""
    if not hasattr(session, "db"):
        return 0
    printing = getattr(session, "printing")  # noqa: B009  (a till session has one)
    return labels.print_waiting(session.db, session.config.store, printing)


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
