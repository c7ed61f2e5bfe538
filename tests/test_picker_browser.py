"""The picker page in a real browser (Playwright driving Debian's chromium): sign-in, a
queue that updates without reload, picking by scan and by tap, a short pick, mark ready and
handover. Screenshots land in test-artifacts/picker/."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from shared.barcodes import make_ean13
from tests.harness import Cloud, Edge
from tests.system import System

pytestmark = pytest.mark.integration
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).parent.parent / "test-artifacts" / "picker"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def browser() -> Iterator[object]:
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
def store(tmp_path: Path) -> Iterator[System]:
    cloud = Cloud(tmp_path).start()
    edge = Edge(tmp_path)
    edge.enroll(cloud.url, "S1", cloud.add_store("S1"))
    edge.add_staff("pia", "picker", "2468")
    edge.add_staff("ana", "cashier", "1234")
    edge.start()
    try:
        yield System(cloud, edge)
    finally:
        edge.stop()
        cloud.stop()


def place(system: System, lines: list[tuple[str, int]], name: str) -> dict:
    with system.hq() as hq:
        answer = hq.post(
            "/orders",
            json={
                "id": str(uuid.uuid4()),
                "store": "S1",
                "customer": {"name": name},
                "lines": [{"sku": sku, "qty": qty} for sku, qty in lines],
            },
        )
    assert answer.status_code == 201, answer.text
    return dict(answer.json())


def test_picker_flow_in_chromium(browser: object, store: System) -> None:
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    skus = store.create_products(3, 10)
    store.wait_pulled(skus, 10)
    first = place(store, [(skus[0], 2), (skus[1], 1)], "Ada Lovelace")

    page = browser.new_page(viewport={"width": 800, "height": 1280})  # type: ignore[attr-defined]
    page.set_default_timeout(20_000)
    page.goto(f"{store.edge.url}/picker/")
    page.fill("input[name=name]", "pia")
    page.fill("input[name=pin]", "2468")
    page.click("button[type=submit]")
    page.wait_for_selector(f"li[data-id='{first['id']}']")
    page.screenshot(path=str(ARTIFACTS / "1-queue-portrait.png"), full_page=True)

    second = place(store, [(skus[2], 1)], "Grace Hopper")
    page.wait_for_selector(f"li[data-id='{second['id']}']")  # appears without a reload
    page.set_viewport_size({"width": 1280, "height": 800})
    page.screenshot(path=str(ARTIFACTS / "2-queue-landscape.png"), full_page=True)

    page.click(f"li[data-id='{first['id']}'] a")
    page.fill("#barcode", make_ean13("400123450000"))  # skus[0]'s barcode, as a scanner types it
    page.press("#barcode", "Enter")
    page.wait_for_selector("text=scanned")
    page.click(f"tr[data-sku='{skus[0]}'] button.tap")
    page.click(f"tr[data-sku='{skus[1]}'] button.tap")
    assert page.inner_text(f"tr[data-sku='{skus[0]}'] .picked") == "2"
    page.screenshot(path=str(ARTIFACTS / "3-picked.png"), full_page=True)
    page.click("#ready")
    page.wait_for_selector("text=ready for pickup")

    page.goto(f"{store.edge.url}/picker/orders/{second['id']}")
    page.click(f"tr[data-sku='{skus[2]}'] summary")
    page.fill(f"tr[data-sku='{skus[2]}'] input[name=reason]", "shelf empty")
    page.click(f"tr[data-sku='{skus[2]}'] button.danger")
    page.wait_for_selector("text=reported short")
    page.screenshot(path=str(ARTIFACTS / "4-short.png"), full_page=True)

    page.goto(f"{store.edge.url}/picker/handover")
    page.fill("#code", "000000" if first["pickup_code"] != "000000" else "111111")
    page.click("#handover")
    page.wait_for_selector("text=not this order's pickup code")
    page.fill("#scan", first["pickup_qr"])  # the customer's phone QR, read by the scanner
    page.press("#scan", "Enter")
    page.wait_for_selector("text=handed over")
    page.screenshot(path=str(ARTIFACTS / "5-handover.png"), full_page=True)

    with store.lane(("ana", "1234")) as lane:
        assert lane.get(f"/orders/{first['id']}").json()["status"] == "collected"
        assert lane.get(f"/orders/{second['id']}").json()["status"] == "short"
    with store.hq() as hq:
        from tests.harness import wait_for

        wait_for(lambda: hq.get(f"/orders/{first['id']}").json()["status"] == "collected", 20)
        wait_for(lambda: hq.get(f"/orders/{second['id']}").json()["status"] == "short", 20)
    shots = ("1-queue-portrait", "2-queue-landscape", "3-picked", "4-short", "5-handover")
    assert all((ARTIFACTS / f"{shot}.png").stat().st_size > 0 for shot in shots)
