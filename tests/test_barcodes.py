"""EAN-13 / EAN-8 / UPC-A / GTIN-14 validation and GS1 variable-measure barcodes."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shared.barcodes import (
    BarcodeError,
    VariableMeasure,
    gtin_check_digit,
    is_valid_gtin,
    make_ean8,
    make_ean13,
    make_variable_measure,
    normalize,
    parse_variable_measure,
)

EAN13 = ["4006381333931", "5901234123457", "9780306406157", "5012345678900", "4012345000009"]
EAN8 = ["96385074", "73513537"]
UPCA = ["036000291452", "012345678905", "042100005264"]
GTIN14 = ["10012345678902", "00012345600012"]
REAL = EAN13 + EAN8 + UPCA + GTIN14


def digits(size: int) -> st.SearchStrategy[str]:
    return st.text("0123456789", min_size=size, max_size=size)


def reference_valid(code: str) -> bool:
    """GS1 rule stated the other way round: weights 3,1,… from the right over the whole code
    (check digit weight 1) sum to a multiple of 10."""
    weights = [1, 3] * 7
    return sum(int(d) * w for d, w in zip(reversed(code), weights, strict=False)) % 10 == 0


@pytest.mark.parametrize("code", REAL)
def test_real_codes_are_valid(code: str) -> None:
    assert is_valid_gtin(code)
    assert reference_valid(code)
    assert gtin_check_digit(code[:-1]) == int(code[-1])


@pytest.mark.parametrize(
    ("body", "check"),
    [("400638133393", 1), ("590123412345", 7), ("9638507", 4), ("03600029145", 2), ("0", 0)],
)
def test_check_digit(body: str, check: int) -> None:
    assert gtin_check_digit(body) == check


@pytest.mark.parametrize("body", ["", "12a", " 123", "١٢٣"])
def test_check_digit_needs_digits(body: str) -> None:
    with pytest.raises(BarcodeError):
        gtin_check_digit(body)


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("036000291452", "0036000291452"),  # UPC-A becomes EAN-13
        ("012345678905", "0012345678905"),
        (" 4006381333931\n", "4006381333931"),
        ("96385074", "96385074"),  # EAN-8 stays 8 digits
        ("\t73513537 ", "73513537"),
        ("5901234123457", "5901234123457"),
        ("10012345678902", "10012345678902"),
    ],
)
def test_normalize(raw: str, canonical: str) -> None:
    assert normalize(raw) == canonical
    assert is_valid_gtin(canonical)


@pytest.mark.parametrize(
    ("code", "fragment"),
    [
        ("4006381333932", "wrong check digit"),
        ("96385075", "wrong check digit"),
        ("036000291453", "wrong check digit"),
        ("40063813339", "8, 12, 13 or 14 digits"),
        ("1234567", "8, 12, 13 or 14 digits"),
        ("123456789012345", "8, 12, 13 or 14 digits"),
        ("40063813339a1", "digits only"),
        ("4006381 333931", "digits only"),
        ("-4006381333931", "digits only"),
        ("٤٠٠٦٣٨١٣٣٣٩٣١", "digits only"),  # Arabic-Indic digits of a valid code
        ("", "empty"),
        ("   ", "empty"),
    ],
)
def test_normalize_refuses_bad_codes(code: str, fragment: str) -> None:
    with pytest.raises(BarcodeError, match=fragment):
        normalize(code)
    assert not is_valid_gtin(code.strip())


def test_barcode_error_is_a_value_error() -> None:
    assert issubclass(BarcodeError, ValueError)


@given(st.sampled_from([7, 11, 12, 13]).flatmap(digits), st.data())
def test_every_single_digit_error_is_detected(body: str, data: st.DataObject) -> None:
    code = body + str(gtin_check_digit(body))
    assert is_valid_gtin(code)
    position = data.draw(st.integers(0, len(code) - 1))
    wrong = str((int(code[position]) + data.draw(st.integers(1, 9))) % 10)
    corrupted = code[:position] + wrong + code[position + 1 :]
    assert not is_valid_gtin(corrupted)
    with pytest.raises(BarcodeError):
        normalize(corrupted)


@pytest.mark.parametrize("code", REAL)
def test_every_single_digit_error_of_real_codes_is_detected(code: str) -> None:
    for position in range(len(code)):
        for digit in "0123456789":
            if digit != code[position]:
                assert not is_valid_gtin(code[:position] + digit + code[position + 1 :])


@given(digits(12), st.integers(0, 11))
def test_adjacent_swaps_are_detected_unless_digits_differ_by_five(body: str, i: int) -> None:
    code = make_ean13(body)
    a, b = code[i], code[i + 1]
    swapped = code[:i] + b + a + code[i + 2 :]
    assert is_valid_gtin(swapped) == (abs(int(a) - int(b)) in (0, 5))


@given(digits(12))
def test_make_ean13_agrees_with_the_reference_rule(body: str) -> None:
    code = make_ean13(body)
    assert code[:12] == body and len(code) == 13
    assert reference_valid(code) and normalize(code) == code


@given(digits(7))
def test_make_ean8(body: str) -> None:
    code = make_ean8(body)
    assert code[:7] == body and reference_valid(code) and normalize(code) == code


def test_make_known_codes() -> None:
    assert make_ean13("400638133393") == "4006381333931"
    assert make_ean8("9638507") == "96385074"


@pytest.mark.parametrize(
    ("maker", "body"),
    [
        (make_ean13, "123"),
        (make_ean13, "4006381333931"),
        (make_ean13, "40063813339a"),
        (make_ean8, "963850"),
        (make_ean8, "96385074"),
        (make_ean8, "963850x"),
    ],
)
def test_makers_refuse_wrong_bodies(maker: Callable[[str], str], body: str) -> None:
    with pytest.raises(BarcodeError):
        maker(body)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("2123456015997", VariableMeasure("2123456000009", "price", 1599)),
        ("2012345000995", VariableMeasure("2012345000001", "price", 99)),
        ("2400001999996", VariableMeasure("2400001000005", "price", 99_999)),
        ("2500001012500", VariableMeasure("2500001000002", "weight", 1250)),
        ("2912345000004", VariableMeasure("2912345000004", "weight", 0)),
    ],
)
def test_variable_measure_literals(code: str, expected: VariableMeasure) -> None:
    assert reference_valid(code) and reference_valid(expected.lookup_code)
    assert parse_variable_measure(code) == expected


@pytest.mark.parametrize(
    ("prefix", "kind"),
    [
        ("20", "price"),
        ("21", "price"),
        ("22", "price"),
        ("23", "price"),
        ("24", "price"),
        ("25", "weight"),
        ("26", "weight"),
        ("27", "weight"),
        ("28", "weight"),
        ("29", "weight"),
    ],
)
def test_variable_measure_kind_by_prefix(prefix: str, kind: str) -> None:
    code = make_variable_measure(prefix, "01234", 1599)
    assert code[:12] == f"{prefix}0123401599"
    parsed = parse_variable_measure(code)
    assert parsed is not None
    assert (parsed.lookup_code, parsed.kind, parsed.value) == (
        make_ean13(f"{prefix}0123400000"),
        kind,
        1599,
    )


@given(st.integers(20, 29), digits(5), st.integers(0, 99_999))
def test_variable_measure_round_trip(prefix: int, item: str, value: int) -> None:
    code = make_variable_measure(str(prefix), item, value)
    assert is_valid_gtin(code) and reference_valid(code)
    parsed = parse_variable_measure(code)
    assert parsed is not None
    assert parsed.value == value
    assert parsed.kind == ("price" if prefix <= 24 else "weight")
    assert parsed.lookup_code == f"{prefix}{item}00000" + parsed.lookup_code[-1]
    assert is_valid_gtin(parsed.lookup_code) and reference_valid(parsed.lookup_code)
    assert parse_variable_measure(parsed.lookup_code) == VariableMeasure(
        parsed.lookup_code, parsed.kind, 0
    )


@pytest.mark.parametrize(
    "code",
    ["4006381333931", "96385074", "036000291452", "0036000291452", "10012345678902", "20123451"],
)
def test_ordinary_codes_are_not_variable_measure(code: str) -> None:
    assert is_valid_gtin(code)
    assert parse_variable_measure(code) is None


@pytest.mark.parametrize("code", ["2000000000000", "2123456015990", "21234560159", "2x23456015997"])
def test_invalid_variable_measure_codes_raise(code: str) -> None:
    with pytest.raises(BarcodeError):
        parse_variable_measure(code)


def test_variable_measure_is_read_after_normalizing() -> None:
    parsed = parse_variable_measure(" 2123456015997 ")
    assert parsed is not None and parsed.value == 1599


@pytest.mark.parametrize(
    ("prefix", "item", "value"),
    [
        ("19", "12345", 1),
        ("30", "12345", 1),
        ("2", "12345", 1),
        ("2a", "12345", 1),
        ("200", "12345", 1),
        ("21", "1234", 1),
        ("21", "123456", 1),
        ("21", "1234x", 1),
        ("21", "12345", -1),
        ("21", "12345", 100_000),
    ],
)
def test_make_variable_measure_validates(prefix: str, item: str, value: int) -> None:
    with pytest.raises(BarcodeError):
        make_variable_measure(prefix, item, value)
