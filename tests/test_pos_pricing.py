"""The till with promotions (pilot, 80×24): a 3 for 2 shows under its line as scanned and the
total is what the customer owes; Ctrl+D takes a coupon, a line discount within the cap, and a
price override that asks for a manager's PIN; the receipt lists the discounts and "you saved"."""

from __future__ import annotations

import uuid
from typing import Any

from edge import sales
from edge.storage.db import write
from edge.sync.pull import apply_change
from pos_tui.basket import Basket, BasketLine
from pos_tui.screens.discounts import apply
from shared.models import Change
from tests.edge_fixtures import MANAGER, Node
from tests.pos_fixtures import pilot_test, till
from tests.test_pos_flows import MILK, WINE, settle, sign_in, text_of, type_in

PAST = "2020-01-01T00:00:00Z"


def feed(node: Node, kind: str, body: dict[str, Any]) -> None:
    from edge import node as node_config

    with write(node.db):
        apply_change(node.db, node_config.load(node.data_dir), Change(kind=kind, body=body))  # type: ignore[arg-type]


def promotion(**extra: Any) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "name": "Milk 3 for 2",
        "kind": "multibuy",
        "skus": ["MILK"],
        "params": {"buy": 3, "pay": 2},
        "starts_at": PAST,
    } | extra


@pilot_test
async def test_promotion_shows_as_scanned_and_the_sale_matches(lane_node: Node) -> None:
    feed(lane_node, "promotion", promotion())
    app, printer = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await type_in(pilot, f"3*{MILK}")
        assert "TOTAL 2.58 EUR" in text_of(app.screen, "#totals")
        assert "saved 1.29 EUR" in text_of(app.screen, "#totals")
        await pilot.press("f10")
        await type_in(pilot, "")  # exactly what is due
        await settle(pilot)
        sale_id = app.session.last_sale.id
    sale = sales.get_sale(lane_node.db, sale_id)
    assert sale.total == 258 and sale.lines[0].discounts[0].name == "Milk 3 for 2"
    assert b"Milk 3 for 2" in printer.output and b"YOU SAVED" in printer.output


@pilot_test
async def test_ctrl_d_coupon_discount_and_an_override_with_a_manager(lane_node: Node) -> None:
    feed(
        lane_node,
        "promotion",
        promotion(
            name="Wine coupon",
            skus=["WINE"],
            kind="amount_off",
            params={"amount": 100},
            coupon="W1",
        ),
    )
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await type_in(pilot, WINE)
        await pilot.press("ctrl+d")
        await type_in(pilot, "C W1")
        assert app.screen.basket.coupons == ["W1"]
        assert "TOTAL 7.99 EUR" in text_of(app.screen, "#totals")
        await pilot.press("ctrl+d")
        await type_in(pilot, "10% dented")  # within the 10 % cap: no PIN
        assert "TOTAL 7.19 EUR" in text_of(app.screen, "#totals")
        await pilot.press("ctrl+d")
        await type_in(pilot, "P 5.00 price match")
        await type_in(pilot, "0000")  # not a manager's PIN: asked again
        await type_in(pilot, MANAGER[1])
        assert app.screen.basket.manager_pin == MANAGER[1]
        assert "TOTAL 4.50 EUR" in text_of(app.screen, "#totals")  # 5.00 − 10 %, no coupon
        await pilot.press("f10")
        await type_in(pilot, "")
        await settle(pilot)
        sale_id = app.session.last_sale.id
    sale = sales.get_sale(lane_node.db, sale_id)
    assert sale.total == 450 and sale.coupons == ["W1"]
    assert sale.lines[0].price_override.approved_by == MANAGER[0]


@pilot_test
async def test_ctrl_l_prints_the_shelf_labels(lane_node: Node) -> None:
    feed(lane_node, "promotion", promotion(starts_at="2099-01-01T00:00:00Z"))
    app, printer = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await pilot.press("ctrl+l")
        await settle(pilot)
    assert b"Milk 3 for 2" in printer.output and b"1.29 EUR" in printer.output


def test_discount_entries_are_parsed_or_refused() -> None:
    basket = Basket(lines=[BasketLine("MILK", "Milk", 1, 129, 700)])
    assert apply(basket, "B 1.50 loyal", 0, "EUR") == "basket discount"
    assert basket.discount == {"amount": 150, "reason": "loyal"}
    apply(basket, "12.5% dent", 0, "EUR")
    assert basket.lines[0].discount == {"percent_bp": 1250, "reason": "dent"}
    apply(basket, "X", 0, "EUR")
    assert basket.lines[0].discount is None
    for bad in ("10%", "abc why", "C bad code!", "P -1 no", "150% too much"):
        try:
            apply(basket, bad, 0, "EUR")
        except ValueError:
            continue
        raise AssertionError(f"accepted {bad!r}")


@pilot_test
async def test_the_till_shows_the_price_in_force(lane_node: Node) -> None:
    version = {"id": str(uuid.uuid4()), "sku": "MILK", "price": 99, "starts_at": PAST}
    feed(lane_node, "price_version", version)
    app, _ = till(lane_node)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await type_in(pilot, MILK)
        assert app.screen.basket.lines[0].unit_price == 99
        assert "TOTAL 0.99 EUR" in text_of(app.screen, "#totals")
