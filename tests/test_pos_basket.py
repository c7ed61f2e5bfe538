"""The till's UI-free rules: the `*` quantity multiplier, basket lines and totals, VAT of a
running basket, the lane request, parked baskets."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_tui.basket import Basket, BasketLine, ParkedBaskets, parse_entry
from shared.models import MAX_QTY, PaymentIn
from shared.money import vat_breakdown


def line(
    sku: str = "MILK", qty: int = 1, price: int = 129, vat: int = 700, **kw: str
) -> BasketLine:
    return BasketLine(sku, sku.title(), qty, price, vat, kw.get("barcode"))


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("4006381333931", (1, "4006381333931")),
        ("3*4006381333931", (3, "4006381333931")),
        (" 12 * MILK ", (12, "MILK")),
        (f"{MAX_QTY}*X", (MAX_QTY, "X")),
        ("MILK", (1, "MILK")),
    ],
)
def test_parse_entry(entry: str, expected: tuple[int, str]) -> None:
    assert parse_entry(entry) == expected


@pytest.mark.parametrize("entry", ["0*MILK", f"{MAX_QTY + 1}*MILK", "x*MILK", "-2*MILK", "3*", "*"])
def test_parse_entry_refuses_bad_quantities(entry: str) -> None:
    with pytest.raises(ValueError):
        parse_entry(entry)


@given(st.integers(1, MAX_QTY), st.from_regex(r"[A-Z0-9]{1,20}", fullmatch=True))
def test_multiplier_round_trip(qty: int, code: str) -> None:
    assert parse_entry(f"{qty}*{code}") == (qty, code)


def test_same_item_merges_and_variable_measure_does_not() -> None:
    basket = Basket()
    basket.add(line(qty=2))
    basket.add(line(qty=3))
    basket.add(line("CHEESE", price=450, barcode="2100001004505"))
    basket.add(line("CHEESE", price=300, barcode="2100001003003"))
    assert [(item.sku, item.qty) for item in basket.lines] == [
        ("MILK", 5),
        ("CHEESE", 1),
        ("CHEESE", 1),
    ]
    assert basket.qty_of("CHEESE") == 2
    assert basket.total == 5 * 129 + 450 + 300


def test_a_merge_never_goes_over_the_line_bound() -> None:
    basket = Basket()
    basket.add(line(qty=MAX_QTY))
    basket.add(line(qty=1))
    assert [item.qty for item in basket.lines] == [MAX_QTY, 1]


def test_remove_a_line() -> None:
    basket = Basket()
    basket.add(line())
    basket.add(line("WINE", price=899, vat=2000))
    assert basket.remove(0).sku == "MILK"
    assert [item.sku for item in basket.lines] == ["WINE"]


@given(
    st.lists(
        st.tuples(st.integers(1, 50), st.integers(1, 100_000), st.sampled_from([0, 700, 2000])),
        min_size=1,
        max_size=20,
    )
)
def test_vat_of_the_basket_adds_up_to_its_total(items: list[tuple[int, int, int]]) -> None:
    basket = Basket()
    for n, (qty, price, vat) in enumerate(items):
        basket.add(line(f"SKU{n}", qty, price, vat))
    breakdown = basket.vat()
    assert sum(v.gross for v in breakdown) == basket.total
    assert all(v.net + v.vat == v.gross for v in breakdown)
    assert breakdown == vat_breakdown((item.total, item.vat_rate_bp) for item in basket.lines)


def test_to_sale_sends_skus_and_variable_measure_barcodes_with_one_id() -> None:
    basket = Basket()
    basket.add(line(qty=2, barcode="4000000000012"))
    basket.add(line("CHEESE", price=450, barcode="2100001004505"))
    first = basket.to_sale([PaymentIn(method="cash", amount=1000)])
    again = basket.to_sale([PaymentIn(method="cash", amount=1000)])
    assert first == again and first.id == basket.sale_id
    assert [(item.sku, item.barcode, item.qty) for item in first.lines] == [
        ("MILK", None, 2),
        (None, "2100001004505", 1),
    ]


def test_parked_baskets_survive_a_restart_in_order(tmp_path: Path) -> None:
    path = tmp_path / "parked-1.json"
    first, second = Basket(), Basket()
    first.add(line())
    second.add(line("WINE", 2, 899, 2000))
    ParkedBaskets(path).park(first)
    ParkedBaskets(path).park(second)
    parked = ParkedBaskets(path)
    assert [b.sale_id for b in parked.all()] == [first.sale_id, second.sale_id]
    resumed = parked.resume(0)
    assert resumed == first and [b.sale_id for b in parked.all()] == [second.sale_id]
    assert parked.resume() == second and parked.all() == []
