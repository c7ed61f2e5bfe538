"""EAN-13 / EAN-8 / UPC-A validation and GS1 variable-measure barcodes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shared.barcodes import (
    BarcodeError,
    gtin_check_digit,
    is_valid_gtin,
    make_ean8,
    make_ean13,
    make_variable_measure,
    normalize,
    parse_variable_measure,
)

REAL = ["4006381333931", "5901234123457", "96385074", "73513537", "036000291452"]


@pytest.mark.parametrize("code", REAL)
def test_real_codes_are_valid(code: str) -> None:
    assert is_valid_gtin(code)


def test_upc_a_becomes_ean13() -> None:
    assert normalize("036000291452") == "0036000291452"
    assert normalize(" 96385074 ") == "96385074"


@pytest.mark.parametrize(
    ("code", "fragment"),
    [
        ("4006381333932", "check digit"),
        ("40063813339", "digits"),
        ("40063813339a1", "digits"),
        ("", "digits"),
        ("123456789012345", "8, 12, 13 or 14"),
    ],
)
def test_bad_codes_are_refused(code: str, fragment: str) -> None:
    with pytest.raises(BarcodeError, match=fragment):
        normalize(code)


@given(st.text("0123456789", min_size=12, max_size=12), st.integers(0, 11), st.integers(1, 9))
def test_every_single_digit_error_is_detected(body: str, position: int, shift: int) -> None:
    code = make_ean13(body)
    wrong = str((int(code[position]) + shift) % 10)
    corrupted = code[:position] + wrong + code[position + 1 :]
    assert not is_valid_gtin(corrupted)


def test_check_digit_and_builders() -> None:
    assert gtin_check_digit("400638133393") == 1
    assert make_ean8("9638507") == "96385074"
    with pytest.raises(BarcodeError):
        make_ean13("123")


@pytest.mark.parametrize(
    ("prefix", "kind"), [("20", "price"), ("24", "price"), ("25", "weight"), ("29", "weight")]
)
def test_variable_measure(prefix: str, kind: str) -> None:
    code = make_variable_measure(prefix, "01234", 1599)
    parsed = parse_variable_measure(code)
    assert parsed is not None
    assert (parsed.kind, parsed.value) == (kind, 1599)
    assert parsed.lookup_code == make_ean13(f"{prefix}01234" + "00000")
    assert is_valid_gtin(parsed.lookup_code)


@given(st.integers(20, 29), st.text("0123456789", min_size=5, max_size=5), st.integers(0, 99_999))
def test_variable_measure_round_trip(prefix: int, item: str, value: int) -> None:
    parsed = parse_variable_measure(make_variable_measure(str(prefix), item, value))
    assert parsed is not None and parsed.value == value
    assert parsed.lookup_code[:7] == f"{prefix}{item}"


def test_ordinary_codes_are_not_variable_measure() -> None:
    assert parse_variable_measure("4006381333931") is None
    assert parse_variable_measure("96385074") is None
    with pytest.raises(BarcodeError):
        parse_variable_measure("2000000000000")
