"""The picker page's Transfers tab in a real browser (Playwright driving Debian's
chromium): store A's picker ships a transfer by scanning, store B's picker receives it by
scanning with per-line counts, and the cloud sees both. Screenshots land in
test-artifacts/picker/ (named transfers-*)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from shared.barcodes import make_ean13
from tests.harness import Cloud, Edge, wait_for
from tests.test_picker_browser import ARTIFACTS, browser  # noqa: F401  (the fixture)

pytestmark = pytest.mark.integration
TEA, JAM = make_ean13("400123458881"), make_ean13("400123458882")


@pytest.fixture
def two_stores(tmp_path: Path) -> Iterator[tuple[Cloud, dict[str, Edge]]]:
    cloud = Cloud(tmp_path).start()
    edges: dict[str, Edge] = {}
    for store in ("A", "B"):
        edge = Edge(tmp_path, f"edge-{store}")
        edge.enroll(cloud.url, store, cloud.add_store(store))
        edge.add_staff("pia", "picker", "2468")
        edges[store] = edge.start()
    with cloud.hq() as hq:
        for sku, code in (("TEA", TEA), ("JAM", JAM)):
            product = {"name": f"{sku.title()} jar", "price": 300, "vat_rate_bp": 700}
            assert (
                hq.put(f"/products/{sku}", json=product | {"barcodes": [code]}).status_code == 201
            )
            move = {"id": str(uuid.uuid4()), "sku": sku, "delta": 10, "reason": "receipt"}
            assert hq.post("/stores/A/stock-movements", json=move).status_code == 201
    try:
        yield cloud, edges
    finally:
        for edge in edges.values():
            edge.stop()
        cloud.stop()


def sign_in(page: Any, url: str) -> None:
    page.goto(f"{url}/picker/")
    page.fill("input[name=name]", "pia")
    page.fill("input[name=pin]", "2468")
    page.click("button[type=submit]")
    page.wait_for_selector("#transfers-tab")


def scan(page: Any, code: str) -> None:
    page.fill("#barcode", code)
    page.press("#barcode", "Enter")
    page.wait_for_selector("text=scanned")


def test_ship_and_receive_by_scanning(browser: Any, two_stores: Any) -> None:  # noqa: F811
    cloud, edges = two_stores
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    transfer_id = str(uuid.uuid4())
    body = {
        "id": transfer_id,
        "from": "A",
        "to": "B",
        "lines": [{"sku": "TEA", "qty": 3}, {"sku": "JAM", "qty": 1}],
    }
    with cloud.hq() as hq:
        assert hq.post("/transfers", json=body).status_code == 201
    page = browser.new_page(viewport={"width": 800, "height": 1280})
    page.set_default_timeout(20_000)
    sign_in(page, edges["A"].url)
    wait_for(
        lambda: (
            page.goto(f"{edges['A'].url}/picker/transfers")
            and page.query_selector(f"#to-ship li[data-id='{transfer_id}']")
        ),
        30,
        0.5,
    )
    page.screenshot(path=str(ARTIFACTS / "transfers-1-to-ship.png"), full_page=True)
    page.click(f"#to-ship li[data-id='{transfer_id}'] a")
    for _ in range(3):
        scan(page, TEA)
    page.click("tr[data-sku='JAM'] button.tap:not(.minus)")
    page.wait_for_selector("text=JAM: 1 counted")
    assert page.inner_text("tr[data-sku='TEA'] .counted") == "3"
    page.screenshot(path=str(ARTIFACTS / "transfers-2-counted.png"), full_page=True)
    page.click("#ship")
    page.wait_for_selector("text=shipped: 4 units")
    assert page.query_selector("#ship") is None

    sign_in(page, edges["B"].url)
    wait_for(
        lambda: (
            page.goto(f"{edges['B'].url}/picker/transfers")
            and page.query_selector(f"#to-receive li[data-id='{transfer_id}'].shipped")
        ),
        30,
        0.5,
    )
    page.click(f"#to-receive li[data-id='{transfer_id}'] a")
    page.set_viewport_size({"width": 1280, "height": 800})
    scan(page, TEA)
    scan(page, TEA)
    scan(page, TEA)
    page.click("tr[data-sku='TEA'] button.minus")  # one jar arrived broken: counted back
    page.wait_for_selector("text=TEA: 2 counted")
    scan(page, JAM)
    page.screenshot(path=str(ARTIFACTS / "transfers-3-receiving.png"), full_page=True)
    page.click("#receive")
    page.wait_for_selector("text=received: 3 units")
    page.screenshot(path=str(ARTIFACTS / "transfers-4-received.png"), full_page=True)

    with cloud.hq() as hq:
        wait_for(lambda: hq.get(f"/transfers/{transfer_id}").json()["state"] == "received", 30)
        wait_for(
            lambda: hq.get("/exceptions", params={"kind": "transfer_discrepancy"}).json()["items"],
            30,
        )
        lines = {x["sku"]: x for x in hq.get(f"/transfers/{transfer_id}").json()["lines"]}
        assert (lines["TEA"]["shipped"], lines["TEA"]["received"]) == (3, 2)
        assert (lines["JAM"]["shipped"], lines["JAM"]["received"]) == (1, 1)
        wait_for(lambda: hq.get("/stores/B/stock/TEA").json()["on_hand"] == 2, 30)
        wait_for(lambda: hq.get("/stores/A/stock/TEA").json()["on_hand"] == 7, 30)
