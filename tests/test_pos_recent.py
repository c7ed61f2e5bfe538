"""A customer's purchases in other stores and online, shown at the till when the customer is
attached and the cloud answers (real cloud and node; the order is placed at store B by HQ,
the till is store A's)."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from pos_tui.app import SaleScreen, make_app
from tests.harness import Cloud, omnistore
from tests.pos_fixtures import SharedDummy, pilot_test
from tests.test_pos_flows import settle, sign_in, type_in
from tests.test_pos_stores import chain  # noqa: F401  (the fixture: cloud, stores A and B)

pytestmark = pytest.mark.integration


@pilot_test
async def test_attaching_a_customer_shows_their_purchases_in_every_store(
    chain: tuple[Cloud, Path],  # noqa: F811
) -> None:
    cloud, data_dir = chain
    customer = str(uuid.uuid4())
    with cloud.hq() as hq:
        made = hq.put(f"/customers/{customer}", json={"name": "Kim Lee", "phone": "+33612345678"})
        assert made.status_code == 201, made.text
        order = {"id": str(uuid.uuid4()), "store": "B", "customer_id": customer}
        order |= {"lines": [{"sku": "TEA", "qty": 2}]}
        assert hq.post("/orders", json=order).status_code == 201
    omnistore("edge", "sync", "--data-dir", str(data_dir), "--once")  # the customer index
    app = make_app(data_dir, printer=SharedDummy())
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot)
        await pilot.press("ctrl+k")
        await type_in(pilot, "+33 6 12 34 56 78")
        assert isinstance(app.screen, SaleScreen)

        def shown() -> str:
            return "\n".join(str(n.message) for n in app._notifications)

        for _ in range(100):  # the worker asks the cloud while the cashier goes on
            await settle(pilot)
            if "order" in shown():
                break
        assert "web order" in shown() and "6.00" in shown()
