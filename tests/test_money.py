"""Money in minor units, half-up rounding and VAT per rate."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shared.money import (
    format_money,
    parse_money,
    round_half_up,
    vat_breakdown,
    vat_included,
)


@pytest.mark.parametrize(
    ("num", "den", "expected"),
    [
        (5, 2, 3),
        (4, 2, 2),
        (7, 2, 4),
        (1, 3, 0),
        (2, 3, 1),
        (-5, 2, -3),
        (-7, 2, -4),
        (-1, 3, 0),
        (15, 10, 2),
        (14, 10, 1),
        (0, 7, 0),
    ],
)
def test_round_half_up(num: int, den: int, expected: int) -> None:
    assert round_half_up(num, den) == expected


def test_round_half_up_refuses_bad_denominator() -> None:
    with pytest.raises(ValueError):
        round_half_up(1, 0)


@pytest.mark.parametrize(
    ("gross", "rate", "vat"),
    [
        (120, 2000, 20),
        (107, 700, 7),
        (258, 700, 17),
        (899, 2000, 150),
        (1, 2000, 0),
        (0, 2000, 0),
        (100, 0, 0),
        (-258, 700, -17),
    ],
)
def test_vat_included(gross: int, rate: int, vat: int) -> None:
    assert vat_included(gross, rate) == vat


@given(st.integers(0, 10**12), st.integers(0, 10_000))
def test_vat_is_a_part_of_the_gross(gross: int, rate: int) -> None:
    vat = vat_included(gross, rate)
    assert 0 <= vat <= gross
    (line,) = vat_breakdown([(gross, rate)])
    assert line.vat + line.net == line.gross == gross


def test_breakdown_rounds_per_line_not_per_total() -> None:
    # three lines of 0.05 at 20 %: each line's VAT is 0.0083 → 0.01; on the sum it would be 0.03
    # too, so use 0.06: per line 0.01 each (0.03 total), on the sum 0.18*2000/12000 = 0.03.
    lines = [(6, 2000)] * 3
    (line,) = vat_breakdown(lines)
    assert line.vat == 3
    # 0.03 three times: per line 0.005 → 0.01 each = 0.03; on the sum 0.09 → 0.015 → 0.02.
    (rounded,) = vat_breakdown([(3, 2000)] * 3)
    assert rounded.vat == 3
    assert vat_included(9, 2000) == 2


def test_breakdown_groups_and_sorts_by_rate() -> None:
    result = vat_breakdown([(1000, 2000), (500, 700), (250, 700), (0, 1000)])
    assert [(v.rate_bp, v.gross) for v in result] == [(700, 750), (1000, 0), (2000, 1000)]


@pytest.mark.parametrize(
    ("amount", "currency", "text"),
    [
        (1234, "EUR", "12.34 EUR"),
        (-5, "EUR", "-0.05 EUR"),
        (1234, "JPY", "1234 JPY"),
        (1234, "KWD", "1.234 KWD"),
        (0, "usd", "0.00 USD"),
    ],
)
def test_format_money(amount: int, currency: str, text: str) -> None:
    assert format_money(amount, currency) == text


@given(st.integers(-(10**12), 10**12), st.sampled_from(["EUR", "JPY", "KWD"]))
def test_format_parse_round_trip(amount: int, currency: str) -> None:
    assert parse_money(format_money(amount, currency).split()[0], currency) == amount


@pytest.mark.parametrize("text", ["", "abc", "1.234", "1..2", "1.2.3", "--1", "1e3", " . "])
def test_parse_money_refuses_garbage(text: str) -> None:
    with pytest.raises(ValueError):
        parse_money(text, "EUR")


@pytest.mark.parametrize(
    ("text", "value"), [("12.34", 1234), ("12", 1200), ("12.3", 1230), ("0,5", 50), (".5", 50)]
)
def test_parse_money(text: str, value: int) -> None:
    assert parse_money(text) == value
