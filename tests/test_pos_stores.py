"""The till and the other stores, with a real cloud: the price check shows stock
elsewhere live and, with the cloud away, the node's last copy; F7 (or Ctrl+O) orders the
item at another store for the customer and prints the pickup slip; with the cloud away the
order is refused at once."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input

from pos_tui.app import make_app
from pos_tui.screens.aisle import AisleScreen
from pos_tui.screens.elsewhere import PriceCheckScreen
from shared.barcodes import make_ean13
from tests.harness import Cloud, Edge, omnistore
from tests.pos_fixtures import SharedDummy, pilot_test
from tests.test_pos_flows import settle, sign_in, text_of, type_in

pytestmark = pytest.mark.integration
TEA = make_ean13("400123457771")


@pytest.fixture
def chain(tmp_path: Path) -> Iterator[tuple[Cloud, Path]]:
    """A cloud with stores A (this till's node, enrolled and synced) and B (30 teas; B never
    synced, so the order safety buffer there is 20)."""
    cloud = Cloud(tmp_path).start()
    edge = Edge(tmp_path, "till-node")
    edge.enroll(cloud.url, "A", cloud.add_store("A"))
    edge.add_staff("ana", "cashier", "1234")
    cloud.add_store("B")
    with cloud.hq() as hq:
        product = {"name": "Tea jar", "price": 300, "vat_rate_bp": 700, "barcodes": [TEA]}
        assert hq.put("/products/TEA", json=product).status_code == 201
        move = {"id": str(uuid.uuid4()), "sku": "TEA", "delta": 30, "reason": "receipt"}
        assert hq.post("/stores/B/stock-movements", json=move).status_code == 201
        for code, lat, lon in (("A", 48.85, 2.37), ("B", 45.76, 4.86)):
            place = {"name": f"Store {code}", "lat": lat, "lon": lon}
            assert hq.put(f"/stores/{code}", json=place).status_code == 200
    omnistore("edge", "sync", "--data-dir", str(edge.data_dir), "--once")
    try:
        yield cloud, edge.data_dir
    finally:
        cloud.stop()


@pilot_test
async def test_price_check_shows_elsewhere_and_orders_there(chain: tuple[Cloud, Path]) -> None:
    cloud, data_dir = chain
    printer = SharedDummy()
    app = make_app(data_dir, printer=printer)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await pilot.press("f2")
        await type_in(pilot, TEA)
        assert isinstance(app.screen, PriceCheckScreen)
        await settle(pilot)
        shown = text_of(app.screen, "#elsewhere")
        assert "Other stores (live)" in shown and "B Store B" in shown
        assert "available 30" in shown and "391.5 km" in shown  # from A
        await pilot.press("f7")
        await settle(pilot)
        aisle = app.screen
        assert isinstance(aisle, AisleScreen)
        assert aisle.query_one("#store", Input).value == "B"  # nearest store that has it
        aisle.query_one("#qty", Input).value = "2"
        aisle.query_one("#name", Input).value = "Kim Lee"
        aisle.query_one("#phone", Input).value = "12"
        await pilot.press("f10")
        assert "phone" in text_of(aisle, "#error")  # refused before anything is sent
        aisle.query_one("#phone", Input).value = "+33 6 12 34 56 78"
        await pilot.press("f10")
        await settle(pilot)
        result = text_of(aisle, "#result")
        order = aisle.order
        assert order is not None and order.pickup_code is not None
        assert "ORDER PLACED at Store B" in result and order.pickup_code in result
        assert order.pickup_code.encode() in printer.output
        assert (order.pickup_qr or "").encode() in printer.output
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, AisleScreen)
    with cloud.hq() as hq:
        placed = hq.get(f"/orders/{order.id}").json()
    assert (placed["store"], placed["status"]) == ("B", "placed")
    assert placed["customer"]["name"] == "Kim Lee"

    cloud.stop()  # the cloud goes away: the last copy, and no order
    app = make_app(data_dir, printer=SharedDummy())
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await pilot.press("f2")
        await type_in(pilot, "TEA")
        await settle(pilot)
        shown = text_of(app.screen, "#elsewhere")
        assert "last copy of" in shown and "cloud away" in shown and "B Store B" in shown
        await pilot.press("escape")
        await pilot.press("ctrl+o")
        await pilot.pause()
        aisle = app.screen
        assert isinstance(aisle, AisleScreen)
        await type_in(pilot, "TEA")
        await settle(pilot)
        for field, value in (("store", "B"), ("name", "Kim"), ("phone", "+3361234")):
            aisle.query_one(f"#{field}", Input).value = value
        await pilot.press("f10")
        await settle(pilot)
        assert "needs the cloud" in text_of(aisle, "#error")
        assert aisle.order is None
