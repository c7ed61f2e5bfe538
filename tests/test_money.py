"""Money in minor units: half-up rounding, VAT per line and per rate, formatting and parsing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shared.money import (
    MAX_MONEY,
    VatLine,
    format_money,
    line_total,
    parse_money,
    round_half_up,
    vat_breakdown,
    vat_included,
)

amounts = st.integers(-MAX_MONEY, MAX_MONEY)
rates = st.integers(0, 10_000)


@pytest.mark.parametrize(
    ("num", "den", "expected"),
    [
        (5, 2, 3),  # 2.5 → 3
        (15, 10, 2),  # 1.5 → 2
        (25, 10, 3),  # 2.5 → 3 (not banker's 2)
        (14, 10, 1),
        (16, 10, 2),
        (4, 2, 2),
        (1, 3, 0),
        (2, 3, 1),
        (0, 7, 0),
        (1, 2, 1),  # 0.5 → 1
        (-1, 2, -1),  # -0.5 → -1: away from zero
        (-5, 2, -3),
        (-25, 10, -3),
        (-14, 10, -1),
        (-16, 10, -2),
        (-1, 3, 0),
        (-2, 3, -1),
        (10**18 + 5, 10, 10**17 + 1),  # big ints stay exact
    ],
)
def test_round_half_up(num: int, den: int, expected: int) -> None:
    assert round_half_up(num, den) == expected


@given(st.integers(-(10**15), 10**15), st.integers(1, 10**6))
def test_round_half_up_is_symmetric_and_within_half(num: int, den: int) -> None:
    result = round_half_up(num, den)
    assert round_half_up(-num, den) == -result
    assert abs(2 * (num - result * den)) <= den  # never more than half a unit away


@pytest.mark.parametrize("den", [0, -1, -10])
def test_round_half_up_refuses_non_positive_denominator(den: int) -> None:
    with pytest.raises(ValueError):
        round_half_up(1, den)


@pytest.mark.parametrize(
    ("price", "qty", "total"), [(199, 3, 597), (0, 5, 0), (250, 1, 250), (-199, 2, -398)]
)
def test_line_total(price: int, qty: int, total: int) -> None:
    assert line_total(price, qty) == total


@pytest.mark.parametrize(
    ("gross", "rate", "vat"),
    [
        (120, 2000, 20),  # 1.20 at 20 % contains exactly 0.20
        (12_000, 2000, 2000),
        (107, 700, 7),
        (258, 700, 17),  # 16.878… → 17
        (899, 2000, 150),  # 149.83… → 150
        (3, 2000, 1),  # exactly 0.5 → 1
        (-3, 2000, -1),  # refund: -0.5 → -1
        (1, 2000, 0),
        (0, 2000, 0),
        (100, 0, 0),
        (-258, 700, -17),
        (1_000, 10_000, 500),  # 100 %: half of the gross
    ],
)
def test_vat_included(gross: int, rate: int, vat: int) -> None:
    assert vat_included(gross, rate) == vat


@given(st.integers(0, MAX_MONEY), rates)
def test_vat_is_a_part_of_the_gross(gross: int, rate: int) -> None:
    vat = vat_included(gross, rate)
    assert 0 <= vat <= gross
    (line,) = vat_breakdown([(gross, rate)])
    assert line == VatLine(rate, gross, vat, gross - vat)
    assert line.vat + line.net == line.gross


@given(st.lists(st.tuples(amounts, st.sampled_from([0, 550, 700, 1000, 2000])), max_size=30))
def test_breakdown_sums_per_rate_with_vat_rounded_per_line(lines: list[tuple[int, int]]) -> None:
    result = vat_breakdown(lines)
    assert [v.rate_bp for v in result] == sorted({rate for _, rate in lines})
    for v in result:
        mine = [gross for gross, rate in lines if rate == v.rate_bp]
        assert v.gross == sum(mine)
        assert v.vat == sum(vat_included(gross, v.rate_bp) for gross in mine)
        assert v.vat + v.net == v.gross
    assert sum(v.gross for v in result) == sum(gross for gross, _ in lines)


def test_breakdown_rounds_per_line_not_on_the_sum() -> None:
    # 0.03 at 20 % contains 0.005 → 0.01 per line, 0.03 for three lines;
    # rounding the sum instead (0.09 contains 0.015 → 0.02) would give 0.02.
    (line,) = vat_breakdown([(3, 2000)] * 3)
    assert (line.gross, line.vat, line.net) == (9, 3, 6)
    assert vat_included(9, 2000) == 2


def test_breakdown_groups_and_sorts_by_rate_and_keeps_zero_gross_rates() -> None:
    result = vat_breakdown([(1000, 2000), (500, 700), (250, 700), (0, 1000), (-120, 2000)])
    assert result == [
        VatLine(700, 750, 49, 701),  # 33 + 16
        VatLine(1000, 0, 0, 0),
        VatLine(2000, 880, 147, 733),  # 167 - 20 (a refund line)
    ]


def test_breakdown_of_nothing_is_empty() -> None:
    assert vat_breakdown([]) == []


@pytest.mark.parametrize(
    ("amount", "currency", "text"),
    [
        (1234, "EUR", "12.34 EUR"),
        (-5, "EUR", "-0.05 EUR"),
        (-1234, "EUR", "-12.34 EUR"),
        (5, "EUR", "0.05 EUR"),
        (100, "EUR", "1.00 EUR"),
        (0, "usd", "0.00 USD"),
        (MAX_MONEY, "EUR", "10000000000.00 EUR"),
        (1234, "JPY", "1234 JPY"),
        (-7, "KRW", "-7 KRW"),
        (1234, "ISK", "1234 ISK"),
        (1234, "KWD", "1.234 KWD"),
        (5, "BHD", "0.005 BHD"),
        (-1005, "TND", "-1.005 TND"),
    ],
)
def test_format_money(amount: int, currency: str, text: str) -> None:
    assert format_money(amount, currency) == text


def test_format_money_defaults_to_euro() -> None:
    assert format_money(1234) == "12.34 EUR"


@given(amounts, st.sampled_from(["EUR", "USD", "JPY", "KRW", "KWD", "OMR"]))
def test_format_parse_round_trip(amount: int, currency: str) -> None:
    number, code = format_money(amount, currency).split(" ")
    assert code == currency
    assert parse_money(number, currency) == amount


@pytest.mark.parametrize(
    ("text", "currency", "value"),
    [
        ("12.34", "EUR", 1234),
        ("12", "EUR", 1200),
        ("12.3", "EUR", 1230),
        ("0.05", "EUR", 5),
        ("-0.05", "EUR", -5),
        ("+1.50", "EUR", 150),
        (" 7.00 ", "EUR", 700),
        ("0,5", "EUR", 50),  # a comma is a decimal point too
        (".5", "EUR", 50),
        ("5.", "EUR", 500),
        ("007", "EUR", 700),
        ("1234", "JPY", 1234),
        ("1.234", "KWD", 1234),
        ("1.2", "KWD", 1200),
    ],
)
def test_parse_money(text: str, currency: str, value: int) -> None:
    assert parse_money(text, currency) == value


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("", "EUR"),
        ("   ", "EUR"),
        ("abc", "EUR"),
        (".", "EUR"),
        (" . ", "EUR"),
        ("-", "EUR"),
        ("1.234", "EUR"),  # too many decimals
        ("0.001", "EUR"),
        ("1.5", "JPY"),  # JPY has none
        ("1.2345", "KWD"),
        ("1..2", "EUR"),
        ("1.2.3", "EUR"),
        ("1,000.00", "EUR"),
        ("--1", "EUR"),
        ("+-1", "EUR"),
        ("1-", "EUR"),
        ("1e3", "EUR"),
        ("1_000", "EUR"),
        ("1 000", "EUR"),
        ("12 EUR", "EUR"),
        ("inf", "EUR"),
        ("nan", "EUR"),
        ("١٢", "EUR"),  # Arabic-Indic digits: int() would accept them
        ("１２", "EUR"),  # fullwidth digits
        ("²", "EUR"),
    ],
)
def test_parse_money_refuses_garbage(text: str, currency: str) -> None:
    with pytest.raises(ValueError):
        parse_money(text, currency)


@given(st.text(max_size=12))
def test_parse_money_never_fails_otherwise(text: str) -> None:
    try:
        value = parse_money(text)
    except ValueError:
        return
    assert isinstance(value, int)
