"""The HQ console in a real browser (Playwright driving Debian's chromium) against a real
cloud and two real nodes: sign in, a store whose node stopped shows offline, an exception
resolved, a product created in the console reaches a node, the analytics charts show the
figures computed here from the sales the test rang up, a CSV downloaded and checked, and
the role table (an analyst cannot edit a product, support cannot see analytics).
Screenshots land in test-artifacts/hq/."""

from __future__ import annotations

import csv
import os
import shutil
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.harness import Cloud, Edge, omnistore, wait_for

pytestmark = pytest.mark.integration
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).parent.parent / "test-artifacts" / "hq"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"]
PASSWORD = "hq console password"
PRICES = {"MILK": 129, "BREAD": 250, "EGGS": 300}
SALES = [  # (lines, tender): EGGS has no stock, so its sale is an oversell
    ([("MILK", 2), ("BREAD", 1)], ("cash", 600)),
    ([("EGGS", 3)], ("card", 900)),
    ([("MILK", 1)], ("cash", 129)),
]


@pytest.fixture
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is missing: `make test` installs Debian's chromium package")
        pytest.skip("chromium not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def chain(tmp_path: Path) -> Iterator[tuple[Cloud, Edge, Edge]]:
    cloud = Cloud(tmp_path, env={"OMNISTORE_HQ_OFFLINE_AFTER_S": "4"}).start()
    nodes = []
    for store in ("S1", "S2"):
        edge = Edge(tmp_path, name=f"edge-{store}")
        edge.enroll(cloud.url, store, cloud.add_store(store))
        edge.add_staff("ana", "cashier", "1234")
        nodes.append(edge.start())
    secret = tmp_path / "password"
    secret.write_text(PASSWORD + "\n")
    for email, role in [
        ("ada@hq.example", "admin"),
        ("ana@hq.example", "analyst"),
        ("sam@hq.example", "support"),
    ]:
        omnistore(
            "cloud",
            "add-user",
            email,
            "--role",
            role,
            "--password-file",
            str(secret),
            "--db",
            cloud.db,
        )
    try:
        yield cloud, nodes[0], nodes[1]  # type: ignore[misc]
    finally:
        for edge in nodes:
            edge.stop()
        cloud.stop()


def _seed(cloud: Cloud, s1: Edge) -> list[dict[str, Any]]:
    """Products (EGGS without stock), then the sales of SALES rung up at S1's lane."""
    with cloud.hq() as hq:
        for sku, price in PRICES.items():
            body = {"name": sku.title(), "price": price, "vat_rate_bp": 700}
            assert hq.put(f"/products/{sku}", json=body).status_code == 201
            if sku != "EGGS":
                move = {"id": str(uuid.uuid4()), "sku": sku, "delta": 50, "reason": "receipt"}
                assert hq.post("/stores/S1/stock-movements", json=move).status_code == 201
    sold = []
    with s1.lane("ana", "1234") as lane:
        # every product pulled (EGGS comes last, without stock), and the stock
        assert wait_for(
            lambda: all(lane.get(f"/products/{s}").status_code == 200 for s in PRICES), 30
        )
        assert wait_for(lambda: lane.get("/stock/BREAD").json().get("on_hand") == 50, 30)
        for lines, (method, amount) in SALES:
            answer = lane.post(
                "/sales",
                json={
                    "id": str(uuid.uuid4()),
                    "lines": [{"sku": sku, "qty": qty} for sku, qty in lines],
                    "payments": [{"method": method, "amount": amount}],
                },
            )
            assert answer.status_code == 201, answer.text
            sold.append(answer.json())
        wait_for(lambda: lane.get("/sync/status").json()["outbox_pending"] == 0, 30)
    return sold


def _state(page: Any, store: str) -> str:
    """The fleet page's state of a store, after a reload."""
    page.reload()
    return str(page.inner_text(f"tr[data-store={store}] .state")).strip()


def sign_in(page: Any, url: str, email: str) -> None:
    page.goto(f"{url}/hq/")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("table#fleet")


def test_hq_console_in_chromium(browser: Any, chain: tuple[Cloud, Edge, Edge]) -> None:
    cloud, s1, s2 = chain
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    sold = _seed(cloud, s1)
    context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    sign_in(page, cloud.url, "ada@hq.example")

    # fleet: both online, then S2's node stops and S2 shows offline
    assert wait_for(lambda: _state(page, "S2") == "online", 20, 1)
    s2.stop()
    assert wait_for(lambda: _state(page, "S2") == "offline", 20, 1)
    assert "online" in page.inner_text("tr[data-store=S1] .state")
    row = page.inner_text("tr[data-store=S1]")
    assert "0.1.0" in row  # the version the node reported
    page.screenshot(path=str(ARTIFACTS / "1-fleet.png"), full_page=True)

    # the oversell of EGGS, resolved with a note
    page.click("nav >> text=Exceptions")
    item = page.locator("tr[data-state=open]", has_text="oversell").first
    item.locator("input[name=note]").fill("stock counted, delivery booked in")
    item.locator("button[value=resolved]").click()
    resolved = page.locator("tr[data-state=resolved]", has_text="oversell").first
    assert "stock counted, delivery booked in" in resolved.inner_text()
    page.screenshot(path=str(ARTIFACTS / "2-exception-resolved.png"), full_page=True)

    # a product created in the console reaches the running node
    page.click("nav >> text=Catalogue")
    page.click("text=New product")
    page.fill("input[name=sku]", "TEA")
    page.fill("input[name=name]", "Green tea")
    page.fill("input[name=price]", "3.49")
    page.fill("input[name=vat_rate_bp]", "700")
    page.click("form.product button[type=submit]")
    page.wait_for_selector("text=Saved")
    page.screenshot(path=str(ARTIFACTS / "3-product-saved.png"), full_page=True)
    with s1.lane("ana", "1234") as lane:
        found = wait_for(
            lambda: (r := lane.get("/products/TEA")).status_code == 200 and r.json(), 30
        )
    assert found["name"] == "Green tea" and found["price"] == 349

    # a price version scheduled in the console: the node sells at it once it has pulled it
    page.click("nav >> text=Prices")
    form = page.locator("#new-price")
    form.locator("input[name=sku]").fill("TEA")
    form.locator("input[name=price]").fill("2.99")
    form.locator("input[name=starts_at]").fill("2026-01-01T00:00")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("#versions tr[data-sku=TEA]")
    page.fill("#preview textarea[name=lines]", "TEA 2")
    page.fill("#preview input[name=store]", "S1")
    page.click("#preview button[type=submit]")
    assert page.inner_text("#preview-total") == "5.98"
    page.screenshot(path=str(ARTIFACTS / "3b-price-version.png"), full_page=True)
    with s1.lane("ana", "1234") as lane:
        assert wait_for(lambda: lane.get("/products/TEA").json()["price"] == 299, 30)

    # analytics: the figures computed here from the sales rung up
    day = sold[0]["occurred_at"][:10]
    total = sum(PRICES[s] * q for lines, _ in SALES for s, q in lines)
    units: Counter[str] = Counter()
    for lines, _ in SALES:
        for sku, qty in lines:
            units[sku] += qty
    assert total == sum(sale["total"] for sale in sold)
    page.click("nav >> text=Analytics")
    mark = page.locator(f"#chart-sales_by_store_day circle[data-series=S1][data-label='{day}']")
    assert int(mark.get_attribute("data-value")) == total
    hour = int(sold[0]["occurred_at"][11:13])
    bars = page.locator("#chart-sales_by_hour rect.mark[data-value]:not([data-value='0'])")
    assert bars.count() >= 1
    by_hour = {
        b.get_attribute("data-label"): int(b.get_attribute("data-value")) for b in bars.all()
    }
    assert sum(by_hour.values()) == total and f"{hour:02d}h" in by_hour
    top = page.locator("#chart-top_products rect.mark")
    shown = {b.get_attribute("data-label"): int(b.get_attribute("data-value")) for b in top.all()}
    assert shown == {sku: PRICES[sku] * qty for sku, qty in units.items()}
    assert top.first.get_attribute("data-label") == "EGGS"  # the largest total first
    table = page.locator("#report-sales_by_store_day table tbody tr").first
    assert table.locator("td[data-col=total]").inner_text() == str(total)
    page.screenshot(path=str(ARTIFACTS / "4-analytics-laptop.png"), full_page=True)
    page.set_viewport_size({"width": 820, "height": 1180})
    page.screenshot(path=str(ARTIFACTS / "5-analytics-tablet.png"), full_page=True)

    with page.expect_download() as download:
        page.click("#report-top_products a:text('CSV')")
    path = download.value.path()
    rows = list(csv.DictReader(Path(path).read_text().splitlines()))
    assert [(r["sku"], int(r["units"]), int(r["total"])) for r in rows] == sorted(
        ((sku, qty, PRICES[sku] * qty) for sku, qty in units.items()), key=lambda r: -r[2]
    )
    context.close()

    # roles: an analyst cannot edit a product; support cannot see analytics
    analyst = browser.new_context(viewport={"width": 820, "height": 1180}).new_page()
    sign_in(analyst, cloud.url, "ana@hq.example")
    analyst.goto(f"{cloud.url}/hq/catalogue/TEA")
    assert analyst.locator("fieldset[disabled]").count() == 1
    assert analyst.locator("button:text('Save')").count() == 0
    assert analyst.goto(f"{cloud.url}/hq/catalogue/new").status == 403
    analyst.screenshot(path=str(ARTIFACTS / "6-analyst-forbidden.png"), full_page=True)
    support = browser.new_context().new_page()
    sign_in(support, cloud.url, "sam@hq.example")
    assert support.locator("nav >> text=Analytics").count() == 0
    assert support.goto(f"{cloud.url}/hq/analytics").status == 403
    assert len(list(ARTIFACTS.glob("*.png"))) == 7
