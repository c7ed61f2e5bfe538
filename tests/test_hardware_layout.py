"""Receipt text layout on plain strings: widths, columns, tables, rates."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hardware.layout import Paper, amount, columns, fit, percent, table, two_columns, wrap

WIDTHS = st.sampled_from([32, 48])
TEXT = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=80)


@pytest.mark.parametrize(
    ("paper", "expected"),
    [(58, 32), (80, 48), (Paper.MM58, 32), (Paper.MM80, 48), (32, 32), (48, 48)],
)
def test_columns_per_paper(paper: int, expected: int) -> None:
    assert columns(paper) == expected


@pytest.mark.parametrize("paper", [0, 57, 76, 112, -80])
def test_unknown_paper_is_refused(paper: int) -> None:
    with pytest.raises(ValueError, match="58 or 80"):
        columns(paper)


def test_paper_enum_knows_its_columns() -> None:
    assert (Paper.MM58.columns, Paper.MM80.columns) == (32, 48)


@pytest.mark.parametrize(
    ("left", "right", "width", "expected"),
    [
        ("TOTAL", "11.57 EUR", 20, "TOTAL      11.57 EUR"),
        ("a" * 50, "12.00 EUR", 20, "aaaaaaaaaa 12.00 EUR"),
        ("only left", "", 5, "only "),
    ],
)
def test_two_columns(left: str, right: str, width: int, expected: str) -> None:
    assert two_columns(left, right, width) == expected


@given(TEXT, TEXT, WIDTHS)
def test_two_columns_never_exceeds_the_width_and_keeps_the_amount(
    left: str, right: str, width: int
) -> None:
    line = two_columns(left, right, width)
    assert len(line) <= width
    if right and len(right) < width:
        assert line.endswith(" " + right) and len(line) == width


@given(TEXT, WIDTHS)
def test_wrap_and_fit_stay_within_the_width_and_lose_no_word(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert len(fit(text, width)) <= width


def test_table_aligns_numbers_right_and_stretches_the_first_column() -> None:
    lines = table([("Rate", "Net", "VAT"), ("7%", "2.41", "0.17"), ("20%", "17.49", "3.50")], 20)
    assert lines == [
        "Rate        Net  VAT",
        "7%         2.41 0.17",
        "20%       17.49 3.50",
    ]


def test_table_that_cannot_fit_says_so_rather_than_cut_numbers() -> None:
    assert table([("Rate", "Net"), ("20%", "1" * 40)], 32) is None
    with pytest.raises(ValueError):
        table([("a", "b"), ("c",)], 32)
    assert table([], 32) == []


@pytest.mark.parametrize(
    ("bp", "text"), [(2000, "20%"), (700, "7%"), (550, "5.5%"), (1234, "12.34%"), (0, "0%")]
)
def test_percent(bp: int, text: str) -> None:
    assert percent(bp) == text


def test_amount_drops_the_currency_code() -> None:
    assert amount(1157, "EUR") == "11.57"
    assert amount(-49, "EUR") == "-0.49"
    assert amount(500, "JPY") == "500"
