"""The remote till's backend against a node over real HTTP: every till action through the
lane API, with the same answers the local backend gives."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from cli import main
from pos_tui.basket import Basket
from pos_tui.lane_client import LaneClient, NodeLost
from pos_tui.session import PosSession
from shared.errors import Conflict, Forbidden, NotFound, Unprocessable
from shared.models import PaymentIn
from tests.edge_fixtures import CASHIER, MANAGER
from tests.test_pos_desk import ORDER_ID, receive_order
from tests.till_fixtures import ServedNode


def sold(session, *entries: str, cash: int | None = None):  # type: ignore[no-untyped-def]
    basket = Basket()
    for entry in entries:
        basket.add(session.resolve(entry))
    return session.pay(basket, [PaymentIn(method="cash", amount=cash or basket.total)])


def test_enrolment_needs_a_manager_and_the_store_sees_the_till(served: ServedNode) -> None:
    till, _ = served.till("7", till_name="Lane 7", enrolled=False)
    assert till.needs_enrolment()
    with pytest.raises(Forbidden):
        till.enrol(*CASHIER)
    assert till.needs_enrolment()
    assert till.enrol(*MANAGER) == MANAGER[0]
    assert not till.needs_enrolment()
    headers = served.node.token(CASHIER)
    listed = served.node.client.get("/api/v1/tills", headers=headers).get_json()["items"]
    assert [(t["register"], t["name"], t["enrolled_by"]) for t in listed] == [
        ("7", "Lane 7", MANAGER[0])
    ]
    till.sign_in(*CASHIER)  # signing in says the till was seen
    listed = served.node.client.get("/api/v1/tills", headers=headers).get_json()["items"]
    assert listed[0]["last_seen"] >= listed[0]["enrolled_at"]


def test_a_remote_till_sells_parks_returns_and_voids(served: ServedNode) -> None:
    till, printer = served.till("3")
    till.sign_in(*CASHIER)
    assert till.current_shift() is None
    till.open_shift(10_000)
    assert till.resolve("milk").sku == "MILK"  # any case, as the local till
    line, level = till.price_check("2*MILK")
    assert (line.qty, level.on_hand) == (2, 10)
    assert [p.sku for p in till.search("wine")] == ["WINE"]
    sale = sold(till, "2*MILK", "BREAD", cash=1000)
    assert sale.receipt_no == "S1-3-1" and sale.change == 1000 - sale.total
    assert till.print_sale(sale) and b"S1-3-1" in printer.output
    # parked baskets live on the node, on this register's shift
    basket = Basket()
    basket.add(till.resolve("WINE"))
    till.parked.park(basket)
    assert [b.sale_id for b in till.parked.all()] == [basket.sale_id]
    resumed = till.parked.resume(0)
    assert resumed.sale_id == basket.sale_id and resumed.lines[0].sku == "WINE"
    assert till.parked.all() == []
    # returns: found by receipt number, checked line by line, recorded
    known = till.find_sale("S1-3-1")
    assert till.left_to_return(known) == {"MILK": 2, "BREAD": 1}
    assert [q.total for q in till.quote_return(known, {"MILK": 1})] == [129]
    with pytest.raises(Unprocessable):
        till.quote_return(known, {"MILK": 3})
    ret = till.refund(known.sale, {"MILK": 1}, None)
    assert ret.total == 129
    assert till.left_to_return(till.find_sale("S1-3-1")) == {"MILK": 1, "BREAD": 1}
    # voids with a manager's PIN, checked as typed
    other = sold(till, "WINE")
    with pytest.raises(Forbidden):
        till.check_manager("0000")
    assert till.check_manager(MANAGER[1]) == MANAGER[0]
    voided = till.void_sale(other.receipt_no, MANAGER[1], "test")
    assert voided.voided and till.local_sale(other.receipt_no).voided
    with pytest.raises(NotFound):
        till.local_sale("S1-3-99")
    report = till.close_shift(10_000 + sale.total - 129)
    assert (report.sales_count, report.returns_count, report.voids_count) == (2, 1, 1)
    assert till.current_shift() is None


def test_losing_the_node_keeps_the_basket_and_the_same_sale_goes_through_once(
    served: ServedNode,
) -> None:
    till, _ = served.till("4")
    till.sign_in(*CASHIER)
    till.open_shift(0)
    basket = Basket()
    basket.add(till.resolve("BREAD"))
    cash = [PaymentIn(method="cash", amount=500)]
    served.stop()
    with pytest.raises(NodeLost):
        till.pay(basket, cash)
    assert till.status()["node_lost"]
    with pytest.raises(NodeLost):
        till.resolve("MILK")  # nothing is sold that the node cannot record
    served.start()
    first = till.pay(basket, cash)
    assert not till.status()["node_lost"]
    again = till.pay(basket, cash)  # an answer lost: the node answers the first sale
    assert again.id == first.id and again.receipt_no == first.receipt_no == "S1-4-1"
    assert served.node.count("sales") == 1


def test_handover_and_the_tills_command(served: ServedNode) -> None:
    receive_order(PosSession(served.node.data_dir), "MILK", 2)
    till, _ = served.till("9", till_name="Lane 9", enrolled=False)
    till.enrol(*MANAGER)
    till.sign_in(*CASHIER)
    desk = till.pickups
    assert desk is not None
    assert [o.id for o in desk.ready()] == [ORDER_ID]
    with pytest.raises(Unprocessable):
        desk.hand_over(ORDER_ID, "654321")
    assert desk.hand_over(ORDER_ID, "123456").status == "collected"
    listed = CliRunner().invoke(main, ["edge", "tills", "--data-dir", str(served.node.data_dir)])
    assert listed.exit_code == 0
    assert "9  Lane 9  by max  last seen 20" in listed.output


def test_a_basket_changed_after_the_node_recorded_it_is_not_sold_again(
    served: ServedNode,
) -> None:
    till, _ = served.till("10")
    till.sign_in(*CASHIER)
    basket = Basket()
    basket.add(till.resolve("BREAD"))
    till.pay(basket, [PaymentIn(method="cash", amount=250)])  # the answer "lost"
    basket.add(till.resolve("MILK"))  # the cashier rang up more meanwhile
    with pytest.raises(Conflict) as refused:
        till.pay(basket, [PaymentIn(method="cash", amount=500)])
    assert refused.value.code == "basket_already_sold"
    assert served.node.count("sales") == 1


def test_a_call_after_the_till_closed_its_connection_is_node_lost() -> None:
    # The till's status thread may poll once more while the till shuts down: it must get
    # the ordinary "node lost", never an exception that kills the thread.
    lane = LaneClient("http://127.0.0.1:9")
    lane.close()
    with pytest.raises(NodeLost):
        lane.call("GET", "/sync/status")
