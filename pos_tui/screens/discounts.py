"""Ctrl+D at the till: a coupon, a manual discount on the chosen line or the basket, or a
price override, typed in one field. Above HQ's cap, and for any override, a manager's PIN is
asked at once (and sent with the sale); cancelling it takes the change back."""

from __future__ import annotations

import copy
import re
from typing import Any

from pos_tui.basket import Basket
from pos_tui.pricing import parse_discount, parse_override, requote
from pos_tui.screens.prompt import PromptScreen

HINT = (
    "C code: coupon · 10% why / 1.50 why: chosen line · B 10% why: basket · "
    "P 3.99 why: price of the chosen line (manager) · X: clear the line · XB: clear the basket"
)
COUPON = re.compile(r"^[A-Za-z0-9_-]{1,40}$")


Till = Any  # the sale screen: its basket, chosen line, session, notify and _show


def open_discounts(till: Till) -> None:
    """Ask what to give; apply it to a copy first, so a refused PIN leaves the basket as it was."""
    if not till.basket.lines:
        till.notify("scan something first", severity="warning")
        return
    before = copy.deepcopy(till.basket)
    before.quote = None

    def check(text: str) -> str:
        return apply(till.basket, text.strip(), till.selected(), till.session.currency)

    def done(said: str | None) -> None:
        if said is None:
            return
        quote = requote(till.session, till.basket)
        who = getattr(till.session, "actor", None)
        if quote is not None and quote.needs_manager and getattr(who, "role", "") != "manager":
            _ask_manager(till, before, said)
            return
        till.notify(said, title="discount")
        till._show(select=till.selected())

    till.app.push_screen(PromptScreen("Discount, coupon or price", hint=HINT, check=check), done)


def _ask_manager(till: Till, before: Basket, said: str) -> None:
    def check(pin: str) -> str:
        till.session.check_manager(pin.strip() or None)
        return pin.strip()

    def done(pin: str | None) -> None:
        if pin is None:
            till.basket.lines, till.basket.coupons = before.lines, before.coupons
            till.basket.discount = before.discount
            till.notify("not approved: taken back", severity="warning")
        else:
            till.basket.manager_pin = pin
            till.notify(said, title="approved")
        till._show(select=till.selected())

    till.app.push_screen(
        PromptScreen(
            "Manager PIN (above the cap, or a price override)", password=True, check=check
        ),
        done,
    )


def apply(basket: Basket, text: str, index: int | None, currency: str) -> str:
    """Change the basket as typed; what was done, or ValueError (the dialog says why)."""
    word, _, rest = text.partition(" ")
    key = word.upper()
    if key == "C":
        code = rest.strip()
        if not COUPON.match(code):
            raise ValueError("a coupon code is letters, digits, '-' or '_'")
        if code not in basket.coupons:
            basket.coupons.append(code)
        return f"coupon {code}"
    if key == "B":
        basket.discount = parse_discount(rest, currency)
        return "basket discount"
    if key == "XB":
        basket.discount, basket.coupons = None, []
        return "basket discount and coupons cleared"
    line = _chosen(basket, index)
    if key == "P":
        line.override = parse_override(rest, currency)
        return f"price of {line.name}"
    if key == "X":
        line.discount = line.override = None
        return f"{line.name}: back to its price"
    line.discount = parse_discount(text, currency)
    return f"discount on {line.name}"


def _chosen(basket: Basket, index: int | None) -> Any:
    if index is None or not 0 <= index < len(basket.lines):
        raise ValueError("choose a line first (Up/Down)")
    return basket.lines[index]
