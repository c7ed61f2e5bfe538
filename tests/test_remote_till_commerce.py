"""A till on another machine does what the node's own till does with prices, promotions,
customers, points, parked baskets and other stores: through the lane API alone, with the
same answers as the local till on the same node."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from edge.storage import elsewhere as kept
from edge.storage.db import write
from pos_tui.basket import Basket
from pos_tui.pricing import requote
from pos_tui.session import PosSession
from shared.aisle import AisleOrderIn
from shared.errors import OmnistoreError
from shared.models import PaymentIn
from shared.stores import StockElsewhere, StoreStock
from tests.edge_fixtures import CASHIER
from tests.test_edge_pricing import feed, promotion
from tests.till_fixtures import ServedNode

PHONE = "+49 30 1234567"


def ringed(session: Any, *entries: str) -> Basket:
    basket = Basket()
    for entry in entries:
        basket.add(session.resolve(entry))
    return basket


def signed_in(served: ServedNode) -> Any:
    return signed_in_with_printer(served)[0]


def signed_in_with_printer(served: ServedNode) -> tuple[Any, Any]:
    till, printer = served.till("4")
    till.sign_in(*CASHIER)
    till.open_shift(0)
    return till, printer


def test_a_remote_till_prices_a_basket_as_the_node_and_its_own_till_do(
    served: ServedNode,
) -> None:
    three = promotion()
    feed(served.node, "promotion", three)
    feed(
        served.node,
        "promotion",
        promotion(kind="amount_off", skus=["WINE"], name="W5", params={"amount": 500}, coupon="W5"),
    )
    till = signed_in(served)
    basket = ringed(till, "MILK", "MILK", "MILK", "WINE")
    basket.coupons = ["W5"]
    remote = requote(till, basket)
    local = requote(PosSession(served.node.data_dir), basket)
    assert remote is not None and remote == local
    assert remote.totals == [258, 399] and remote.total == 657 and remote.saved == 129 + 500
    assert remote.discounts[0] == [("3 for 2 milk", 129)]
    sale = till.pay(basket, [PaymentIn(method="cash", amount=1000)])
    assert sale.total == remote.total and sale.coupons == ["W5"]


def test_customers_and_member_prices_at_a_remote_till(served: ServedNode) -> None:
    feed(served.node, "promotion", promotion(kind="member_price", params={"price": 99}))
    till, printer = signed_in_with_printer(served)
    signed_up = till.customers.sign_up("Ana Lima", PHONE)  # the node's cloud is away
    assert till.customers.find("+49301234567").id == signed_up.id
    assert till.customers.program().point_value >= 1
    basket = ringed(till, "MILK")
    assert requote(till, basket) is not None and basket.total == 129
    basket.customer = signed_up
    quote = requote(till, basket)
    assert quote is not None and quote.total == 99  # a member's price once attached
    sale = till.pay(basket, [PaymentIn(method="cash", amount=99)])
    assert sale.customer_id == signed_up.id and sale.total == 99
    assert sale.loyalty is not None and sale.loyalty.earned == 0  # 0.99: no whole unit
    assert till.print_sale(sale) and b"Ana" in printer.output and b"Lima" not in printer.output


def test_a_parked_basket_keeps_its_customer_coupons_and_discounts(served: ServedNode) -> None:
    till = signed_in(served)
    customer = till.customers.sign_up("Bo", "bo@example.com")
    basket = ringed(till, "WINE", "BREAD")
    basket.lines[0].discount = {"percent_bp": 500, "reason": "dented"}
    basket.coupons = ["W5"]
    basket.discount = {"amount": 50, "reason": "loyal"}
    basket.customer = customer
    till.parked.park(basket)
    back = till.parked.resume(0)
    assert back.sale_id == basket.sale_id
    assert back.lines[0].discount == {"percent_bp": 500, "reason": "dented"}
    assert (back.coupons, back.discount) == (["W5"], {"amount": 50, "reason": "loyal"})
    assert back.customer is not None and back.customer.id == customer.id


def test_other_stores_through_a_remote_till_need_the_cloud_or_a_copy(
    served: ServedNode,
) -> None:
    till = signed_in(served)
    with pytest.raises(OmnistoreError) as refused:
        till.stock_elsewhere("MILK")  # the node's cloud is away and it kept no copy
    assert refused.value.code == "cloud_unavailable"
    copy = StockElsewhere(
        sku="MILK",
        as_of="2026-12-01T08:00:00Z",
        live=True,
        items=[StoreStock(store="S2", name="Store 2", on_hand=7, reserved=1, available=6)],
    )
    with write(served.node.db):
        kept.put(served.node.db, copy)
    last = till.stock_elsewhere("MILK")
    assert (last.live, last.items[0].store, last.items[0].available) == (False, "S2", 6)
    order = AisleOrderIn.model_validate(
        {
            "id": str(uuid.uuid4()),
            "store": "S2",
            "customer": {"name": "Ana Lima", "phone": PHONE},
            "lines": [{"sku": "MILK", "qty": 1}],
        }
    )
    with pytest.raises(OmnistoreError) as away:
        till.place_aisle_order(order)
    assert away.value.code == "cloud_unavailable"


def test_a_remote_till_prints_the_nodes_shelf_labels_on_its_own_printer(
    served: ServedNode,
) -> None:
    feed(served.node, "promotion", promotion())  # changes what the MILK shelf shows
    till, printer = signed_in_with_printer(served)
    assert till.print_labels() >= 1
    assert b"MILK" in printer.output or b"Milk" in printer.output
    assert till.print_labels() == 0  # marked printed at the node


def test_recent_purchases_need_the_cloud(served: ServedNode) -> None:
    till = signed_in(served)
    customer = till.customers.sign_up("Cy", "cy@example.com")
    with pytest.raises(OmnistoreError) as away:
        till.recent_purchases(customer.id)
    assert away.value.code == "cloud_unavailable"
