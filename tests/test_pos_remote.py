"""The remote till's UI (Textual pilot) against a node over real HTTP: enrolment approved
by a manager at first start, the NODE LOST banner the moment the node goes, the basket
kept and nothing sold meanwhile, and the same basket sold once when the node is back."""

from __future__ import annotations

import asyncio
from typing import Any

from textual.widgets import Input

from hardware.receipt import receipt_qr
from pos_tui.app import PosApp, SaleScreen
from pos_tui.screens.login import EnrolScreen, LoginScreen
from pos_tui.screens.payment import PaymentScreen
from tests.edge_fixtures import MANAGER
from tests.pos_fixtures import pilot_test
from tests.test_pos_flows import BREAD, MILK, sell, settle, sign_in, text_of, type_in
from tests.till_fixtures import ServedNode


async def until(pilot: Any, check: Any, seconds: float = 10.0) -> None:
    """Let the till's timers run (the status is polled every second) until `check()`."""
    for _ in range(int(seconds * 10)):
        if check():
            return
        await asyncio.sleep(0.1)
        await pilot.pause()
    assert check()


@pilot_test
async def test_first_start_enrols_the_till_with_a_managers_pin(served: ServedNode) -> None:
    session, _ = served.till("6", till_name="Lane 6", enrolled=False)
    app = PosApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, EnrolScreen)
        assert "Register 6 is new to Store 1" in text_of(app.screen, "#enrol-hint")
        await type_in(pilot, "ana")  # a cashier cannot enrol a till
        await type_in(pilot, "1234")
        assert "manager" in text_of(app.screen, "#error")
        app.screen.query_one("#name", Input).value = MANAGER[0]
        await type_in(pilot, MANAGER[1])  # the PIN field keeps the focus
        assert isinstance(app.screen, LoginScreen) and not isinstance(app.screen, EnrolScreen)
        await sign_in(pilot)
    session.close()
    headers = served.node.token()
    tills = served.node.client.get("/api/v1/tills", headers=headers).get_json()["items"]
    assert [(t["register"], t["name"], t["enrolled_by"]) for t in tills] == [
        ("6", "Lane 6", MANAGER[0])
    ]
    assert tills[0]["last_seen"] is not None


@pilot_test
async def test_losing_the_node_shows_at_once_keeps_the_basket_and_sells_it_when_back(
    served: ServedNode,
) -> None:
    session, printer = served.till("8")
    app = PosApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        screen = app.screen
        assert isinstance(screen, SaleScreen)
        await type_in(pilot, MILK)
        basket = screen.basket
        banner = screen.query_one("#node-lost")
        assert not banner.display
        served.stop()
        await type_in(pilot, BREAD)  # nothing can be looked up: said at once
        assert "does not answer" in text_of(screen, "#say")
        await until(pilot, lambda: banner.display)
        assert "NODE LOST" in text_of(screen, "StatusBar")
        assert screen.basket is basket and [line.sku for line in basket.lines] == ["MILK"]
        await pilot.press("f10")
        await type_in(pilot, "")  # cash, exactly the total: not sold, tenders kept
        assert isinstance(app.screen, PaymentScreen)
        assert "not sold" in text_of(app.screen, "#error")
        assert served.node.count("sales") == 0
        await pilot.press("escape")
        assert screen.tenders and screen.basket.lines
        served.start()
        await until(pilot, lambda: not banner.display)
        await pilot.press("f10")
        await type_in(pilot, "")  # covered already: recorded now
        await settle(pilot)
        sale = session.last_sale
        assert sale is not None and sale.id == basket.sale_id
        assert isinstance(app.screen, SaleScreen) and not screen.basket.lines
    session.close()
    assert served.node.count("sales") == 1
    assert sale.receipt_no.encode() in printer.output  # on the till's own printer


@pilot_test
async def test_a_remote_till_parks_resumes_returns_and_prints_a_return(served: ServedNode) -> None:
    session, printer = served.till("5")
    app = PosApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await type_in(pilot, f"2*{MILK}")
        await pilot.press("f5")  # parked on the node, on this register's shift
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SaleScreen) and not screen.basket.lines
        assert served.node.count("parked") == 1
        await pilot.press("f5")  # the one parked basket comes back at once
        await pilot.pause()
        assert [(line.sku, line.qty) for line in screen.basket.lines] == [("MILK", 2)]
        assert served.node.count("parked") == 0
        sale = await sell(pilot)
        await pilot.press("f6")
        await type_in(pilot, receipt_qr(sale.id))
        await settle(pilot)
        assert "Receipt S1-5-1" in text_of(app.screen, "#sale")
        await type_in(pilot, "3*MILK")  # more than was sold: the node says so at once
        assert "only 2 of 2 sold are left" in text_of(app.screen, "#error")
        await type_in(pilot, MILK)
        await pilot.press("f10")
        await settle(pilot)
        assert isinstance(app.screen, SaleScreen)
    session.close()
    assert served.node.count("returns") == 1
    assert b"RETURN" in printer.output and b"Original receipt S1-5-1" in printer.output
