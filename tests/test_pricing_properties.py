"""Properties of the engine for any basket and any rules (hypothesis): lines add up to the
total, no line goes negative, VAT per rate adds up, scan order does not matter, and with only
percent/amount off removing an item never makes the basket dearer."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from shared.pricing.engine import BasketLine, Manual, PricedBasket, price_basket
from shared.pricing.models import Promotion
from tests.pricing_fixtures import T0, promo

SKUS = ["A", "B", "C", "D", "E"]
CATEGORIES = {"A": "x/a", "B": "x/b", "C": "y", "D": "y/d", "E": None}

manuals = st.one_of(
    st.none(),
    st.builds(Manual, percent_bp=st.integers(1, 10_000)),
    st.builds(Manual, amount=st.integers(1, 5_000)),
)


@st.composite
def lines(draw: Any) -> list[BasketLine]:
    out = []
    for key in range(draw(st.integers(1, 8))):
        sku = draw(st.sampled_from(SKUS))
        out.append(
            BasketLine(
                key=key,
                sku=sku,
                qty=draw(st.integers(1, 12)),
                unit_price=draw(st.integers(0, 5_000)),
                vat_rate_bp=draw(st.sampled_from([0, 550, 700, 2000])),
                category=CATEGORIES[sku],
                overridden=draw(st.booleans()),
                manual=draw(manuals),
            )
        )
    return out


def _reach(draw: Any) -> dict[str, Any]:
    which = draw(st.sampled_from(["all", "skus", "categories"]))
    if which == "skus":
        return {"skus": draw(st.lists(st.sampled_from(SKUS), min_size=1, max_size=3))}
    if which == "categories":
        return {"categories": draw(st.lists(st.sampled_from(["x", "y", "x/b"]), min_size=1))}
    return {}


@st.composite
def promotion(draw: Any, kinds: tuple[str, ...]) -> Promotion:
    kind = draw(st.sampled_from(kinds))
    params: dict[str, Any] = {
        "percent_off": lambda: {"percent_bp": draw(st.integers(1, 10_000))},
        "amount_off": lambda: {"amount": draw(st.integers(1, 3_000))},
        "member_price": lambda: {"price": draw(st.integers(0, 3_000))},
        "multibuy": lambda: {
            "buy": (b := draw(st.integers(2, 5))),
            "pay": draw(st.integers(1, b - 1)),
        },
        "bundle": lambda: {
            "skus": draw(st.lists(st.sampled_from(SKUS), min_size=2, max_size=3, unique=True)),
            "price": draw(st.integers(0, 4_000)),
        },
        "basket_percent_off": lambda: {
            "min_total": draw(st.integers(0, 20_000)),
            "percent_bp": draw(st.integers(1, 10_000)),
        },
    }[kind]()
    return promo(
        f"p{draw(st.integers(0, 10**6))}",
        kind,
        params,
        priority=draw(st.integers(0, 3)),
        stackable=draw(st.booleans()),
        **_reach(draw),
    )


ALL_KINDS = (
    "percent_off",
    "amount_off",
    "member_price",
    "multibuy",
    "bundle",
    "basket_percent_off",
)
rules = st.lists(promotion(ALL_KINDS), max_size=6, unique_by=lambda p: p.id)
simple_rules = st.lists(
    promotion(("percent_off", "amount_off")), max_size=5, unique_by=lambda p: p.id
)


def run(
    basket: list[BasketLine], promos: list[Promotion], manual: Manual | None = None
) -> PricedBasket:
    return price_basket(basket, promos, store="S1", at=T0, member=True, basket_manual=manual)


@settings(max_examples=300, deadline=None)
@given(lines(), rules, manuals)
def test_lines_add_up_and_never_go_negative(
    basket: list[BasketLine], promos: list[Promotion], manual: Manual | None
) -> None:
    priced = run(basket, promos, manual)
    assert sum(pl.total for pl in priced.lines) == priced.total
    for given_line, pl in zip(basket, priced.lines, strict=True):
        assert pl.key == given_line.key
        assert 0 <= pl.total <= given_line.unit_price * given_line.qty
        assert pl.discount == given_line.unit_price * given_line.qty - pl.total
        assert sum(d.amount for d in pl.discounts) == pl.discount


@settings(max_examples=300, deadline=None)
@given(lines(), rules, manuals)
def test_vat_per_rate_adds_up(
    basket: list[BasketLine], promos: list[Promotion], manual: Manual | None
) -> None:
    priced = run(basket, promos, manual)
    assert sum(v.gross for v in priced.vat) == priced.total
    for vat in priced.vat:
        assert vat.gross == sum(pl.total for pl in priced.lines if pl.vat_rate_bp == vat.rate_bp)
        assert vat.vat + vat.net == vat.gross and 0 <= vat.vat <= vat.gross


@settings(max_examples=300, deadline=None)
@given(lines(), rules, manuals, st.randoms(use_true_random=False))
def test_scan_order_does_not_matter(
    basket: list[BasketLine], promos: list[Promotion], manual: Manual | None, rnd: Any
) -> None:
    shuffled = list(basket)
    rnd.shuffle(shuffled)
    first, second = run(basket, promos, manual), run(shuffled, promos, manual)
    assert first.total == second.total and first.vat == second.vat
    by_key = {pl.key: pl for pl in second.lines}
    assert sorted((pl.sku, pl.unit_price, pl.qty, pl.total) for pl in first.lines) == sorted(
        (by_key[pl.key].sku, pl.unit_price, pl.qty, by_key[pl.key].total) for pl in first.lines
    )


@settings(max_examples=300, deadline=None)
@given(lines(), simple_rules, st.data())
def test_removing_an_item_never_makes_the_basket_dearer(
    basket: list[BasketLine], promos: list[Promotion], data: Any
) -> None:
    plain = [BasketLine(**{**vars(ln), "manual": None}) for ln in basket]
    index = data.draw(st.integers(0, len(plain) - 1))
    target = plain[index]
    if target.qty > 1:
        smaller = [
            *plain[:index],
            BasketLine(**{**vars(target), "qty": target.qty - 1}),
            *plain[index + 1 :],
        ]
    else:
        smaller = plain[:index] + plain[index + 1 :]
    assert run(smaller, promos).total <= run(plain, promos).total
