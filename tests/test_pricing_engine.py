"""The promotions engine against baskets whose totals were computed by hand (mixed VAT
rates, multibuy, bundle, member price, coupon, basket and manual discounts), and the rules
of priority and stacking."""

from __future__ import annotations

from datetime import timedelta

import pytest

from shared.pricing.allocate import largest_remainder
from shared.pricing.engine import Manual, price_basket
from tests.pricing_fixtures import T0, line, promo

THREE_FOR_TWO = promo(
    "p-3for2", "multibuy", {"buy": 3, "pay": 2}, categories=["drinks/juice"], priority=10
)
BASKET_10 = promo("p-basket10", "basket_percent_off", {"min_total": 1000, "percent_bp": 1000})
MEMBER_BREAD = promo("p-member", "member_price", {"price": 250}, skus=["BREAD"])
WINE_COUPON = promo(
    "p-wine5", "percent_off", {"percent_bp": 500}, skus=["WINE"], coupon="WINE5", stackable=True
)
MEAL_DEAL = promo("p-meal", "bundle", {"skus": ["SANDWICH", "JUICE", "CRISPS"], "price": 599})
ALL = [THREE_FOR_TWO, BASKET_10, MEMBER_BREAD, WINE_COUPON, MEAL_DEAL]


def totals(basket: object) -> dict[str, int]:
    return {pl.sku: pl.total for pl in basket.lines}  # type: ignore[attr-defined]


# Each row: lines, member, coupons, expected line totals, basket total, VAT per rate
# (rate, gross, vat), all worked out by hand in the comments.
WORKED = [
    pytest.param(
        # 3 × 250 = 750; 3 for 2 → the cheapest unit free: 500. VAT 7 %: 500·7/107 = 32.71 → 33.
        [line(1, "JUICE", 3)],
        False,
        [],
        {"JUICE": 500},
        500,
        [(700, 500, 33)],
        id="three-for-two",
    ),
    pytest.param(
        # JUICE 500 (3 for 2), WINE 1000, BREAD 600 → 2100 ≥ 1000: 10 % = 210, spread
        # 600:500:1000 → 60, 50, 100. BREAD 540, JUICE 450, WINE 900 = 1890.
        # VAT 7 %: 540 → 35.33 → 35, 450 → 29.44 → 29: 64 on 990. 20 %: 900/6 = 150.
        [line(1, "JUICE", 3), line(2, "WINE"), line(3, "BREAD", 2)],
        False,
        [],
        {"JUICE": 450, "WINE": 900, "BREAD": 540},
        1890,
        [(700, 990, 64), (2000, 900, 150)],
        id="multibuy-basket-mixed-vat",
    ),
    pytest.param(
        # member: BREAD 2 × 250 = 500; coupon WINE5 (stackable 5 %): 1000 → 950; JUICE 500.
        # 1950 ≥ 1000: 10 % = 195, spread 500:500:950 → 50, 50, 95 → 450, 450, 855 = 1755.
        # VAT 7 %: 450 → 29.44 → 29 twice = 58 on 900; 20 %: 855/6 = 142.5 → 143.
        [line(1, "JUICE", 3), line(2, "WINE"), line(3, "BREAD", 2)],
        True,
        ["WINE5"],
        {"JUICE": 450, "WINE": 855, "BREAD": 450},
        1755,
        [(700, 900, 58), (2000, 855, 143)],
        id="member-coupon-multibuy-basket",
    ),
    pytest.param(
        # Meal deal: 350 + 250 + 120 = 720 for 599 saves 121, spread 350:250:120 →
        # 58.82, 42.01, 20.17: floors 58, 42, 20 (120), the 1 left to the largest remainder
        # (.82, the sandwich): 59, 42, 20 → 291, 208, 100 = 599. Under the 1000 minimum.
        # VAT 7 %: 291 → 19.04 → 19, 208 → 13.61 → 14: 33 on 499; 20 %: 100/6 = 16.67 → 17.
        [line(1, "SANDWICH"), line(2, "JUICE"), line(3, "CRISPS")],
        False,
        [],
        {"SANDWICH": 291, "JUICE": 208, "CRISPS": 100},
        599,
        [(700, 499, 33), (2000, 100, 17)],
        id="bundle-largest-remainder",
    ),
    pytest.param(
        # WINE 2 × 1000 = 2000, manual 10 % on the line → 1800; SOAP overridden at 150 (no
        # line promotion). 1950 ≥ 1000: basket 10 % = 195, spread 150:1800 → 15, 180:
        # SOAP 135, WINE 1620 = 1755. VAT 20 %: 135/6 = 22.5 → 23, 1620/6 = 270: 293.
        [
            line(1, "WINE", 2, manual=Manual(percent_bp=1000)),
            line(2, "SOAP", override=150),
        ],
        False,
        [],
        {"WINE": 1620, "SOAP": 135},
        1755,
        [(2000, 1755, 293)],
        id="manual-line-and-override",
    ),
]


@pytest.mark.parametrize(("lines", "member", "coupons", "expected", "total", "vat"), WORKED)
def test_worked_baskets(
    lines: list, member: bool, coupons: list[str], expected: dict, total: int, vat: list
) -> None:
    soap_promo = promo("p-soap", "percent_off", {"percent_bp": 5000}, skus=["SOAP"])
    basket = price_basket(
        lines, [*ALL, soap_promo], store="S1", at=T0, member=member, coupons=coupons
    )
    assert totals(basket) == expected
    assert basket.total == total
    assert [(v.rate_bp, v.gross, v.vat) for v in basket.vat] == vat


def test_manual_basket_discount_split_by_largest_remainder() -> None:
    # 100 over three lines of 100: 33 each, the unit left to the first in canonical order.
    lines = [line(1, "C"), line(2, "A"), line(3, "B")]
    basket = price_basket(lines, [], store="S1", at=T0, basket_manual=Manual(amount=100))
    assert totals(basket) == {"A": 66, "B": 67, "C": 67}
    assert [pl.discounts[0].source for pl in basket.lines] == ["manual"] * 3


def test_best_outcome_among_same_priority() -> None:
    # 20 % on 3 saves 150, 3 for 2 saves 250: the 3 for 2 wins; a 4th unit gets the 20 %.
    twenty = promo("p-20", "percent_off", {"percent_bp": 2000}, skus=["JUICE"], priority=10)
    three = price_basket([line(1, "JUICE", 3)], [twenty, THREE_FOR_TWO], store="S1", at=T0)
    assert three.total == 500 and three.lines[0].promotions == ["p-3for2"]
    four = price_basket([line(1, "JUICE", 4)], [twenty, THREE_FOR_TWO], store="S1", at=T0)
    assert four.total == 1000 - 250 - 50
    assert four.lines[0].promotions == ["p-20", "p-3for2"]


def test_each_line_gets_its_own_best_per_unit_promotion() -> None:
    # Found by the "never dearer" property: 2 off every unit of everything against 5 off a
    # unit of WINE. Weighed as a whole, "2 off" saved 2·300 + 2 = 602 on BREAD×2 + WINE and
    # beat "5 off WINE" (5), leaving WINE at 998. Weighed line by line, BREAD takes 2 off
    # (2 × 298 = 596) and WINE takes its own best, 5 off: 995. Total 1591.
    two_off = promo("p-2off", "amount_off", {"amount": 2})
    wine = promo("p-wine", "amount_off", {"amount": 5}, skus=["WINE"])
    basket = price_basket(
        [line(1, "BREAD", 2), line(2, "WINE")], [two_off, wine], store="S1", at=T0
    )
    assert totals(basket) == {"BREAD": 596, "WINE": 995} and basket.total == 1591
    assert [pl.promotions for pl in basket.lines] == [["p-2off"], ["p-wine"]]


def test_higher_priority_claims_units_first() -> None:
    twenty = promo("p-20", "percent_off", {"percent_bp": 2000}, skus=["JUICE"], priority=20)
    basket = price_basket([line(1, "JUICE", 4)], [twenty, THREE_FOR_TWO], store="S1", at=T0)
    assert basket.total == 800 and basket.lines[0].promotions == ["p-20"]


def test_stackable_applies_on_top() -> None:
    ten = promo(
        "p-10", "percent_off", {"percent_bp": 1000}, skus=["JUICE"], priority=1, stackable=True
    )
    basket = price_basket([line(1, "JUICE", 3)], [ten, THREE_FOR_TWO], store="S1", at=T0)
    assert basket.total == 450  # 500 after the 3 for 2, then 10 % off


def test_multibuy_groups_dearest_first_across_lines() -> None:
    # JUICE 250 ×2 and BREAD 300 ×2 both in one 3-for-2: dearest first BREAD, BREAD, JUICE
    # (the juice free), JUICE left over (no full group).
    both = promo("p-mix", "multibuy", {"buy": 3, "pay": 2}, skus=["JUICE", "BREAD"])
    basket = price_basket([line(1, "JUICE", 2), line(2, "BREAD", 2)], [both], store="S1", at=T0)
    assert totals(basket) == {"JUICE": 250, "BREAD": 600}


def test_rules_out_of_time_store_or_without_coupon_do_not_apply() -> None:
    later = promo("p-later", "percent_off", {"percent_bp": 5000}, starts_at=T0 + timedelta(1))
    ended = promo("p-ended", "percent_off", {"percent_bp": 5000}, ends_at=T0)
    elsewhere = promo("p-else", "percent_off", {"percent_bp": 5000}, stores=["S2"])
    members = promo("p-members", "percent_off", {"percent_bp": 5000}, members_only=True)
    rules = [later, ended, elsewhere, members, WINE_COUPON, MEMBER_BREAD]
    basket = price_basket([line(1, "WINE"), line(2, "BREAD")], rules, store="S1", at=T0)
    assert basket.total == 1300 and basket.discount == 0


def test_largest_remainder_adds_up() -> None:
    assert largest_remainder(10, [5, 5, 5]) == [4, 3, 3]
    assert largest_remainder(10, [1, 1, 1]) == [1, 1, 1]  # never more than a line
    assert largest_remainder(0, [5, 5]) == [0, 0]
    assert largest_remainder(7, [0, 0]) == [0, 0]
    assert largest_remainder(20, [5, 5]) == [5, 5]


def test_units_paid_in_full_in_a_multibuy_group_are_claimed_too() -> None:
    # BREAD, BREAD, JUICE form one 3 for 2 group (the juice free): the breads are part of the
    # deal, so a same-priority 10 % on bread cannot also take them; the lone 4th JUICE can
    # not get it either (it is no bread).
    both = promo("p-mix", "multibuy", {"buy": 3, "pay": 2}, skus=["JUICE", "BREAD"])
    bread = promo("p-bread", "percent_off", {"percent_bp": 1000}, skus=["BREAD"])
    lines = [line(1, "JUICE", 1), line(2, "BREAD", 2)]
    basket = price_basket(lines, [both, bread], store="S1", at=T0)
    assert totals(basket) == {"JUICE": 0, "BREAD": 600}  # the 3 for 2 saves more than 10 %
