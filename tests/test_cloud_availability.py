"""Availability for channels: `GET /stores/{store}/stock` lists a store's SKUs in the order
their stock last changed, with the level now, so a web shop keeps "in stock at your store"
right by following one feed; `stock.changed` webhooks coalesce per store and SKU."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from cloud.services import webhooks
from cloud.storage import stock_changes
from cloud.storage.engine import MIGRATIONS, make_engine, migrate
from cloud.storage.schema import webhook_deliveries
from cloud.storage.schema import webhooks as webhooks_table
from tests.cloud_fixtures import CloudUnderTest, push, sale_event

SKUS = ("MILK", "BREAD", "WINE")
WINDOW = 5.0


def feed(cloud: CloudUnderTest, store: str, query: str = "") -> dict[str, Any]:
    answer = cloud.client.get(f"/api/v1/stores/{store}/stock?{query}", headers=cloud.readonly)
    assert answer.status_code == 200, answer.get_json()
    return dict(answer.get_json())


def follow(
    cloud: CloudUnderTest, store: str, cursor: str = "", limit: int = 2
) -> tuple[dict[str, dict[str, Any]], str]:
    """Read the feed page by page from `cursor`; the latest level of each SKU seen."""
    seen: dict[str, dict[str, Any]] = {}
    while True:
        page = feed(cloud, store, f"limit={limit}&cursor={cursor}")
        for item in page["items"]:
            seen[item["sku"]] = item
        cursor = page["cursor"]
        if page["next"] is None:
            return seen, cursor
        assert page["next"] == page["cursor"]


def stock_events(cloud: CloudUnderTest) -> list[dict[str, Any]]:
    """The stock.changed deliveries queued; each went to the stock subscription only."""
    with cloud.engine.connect() as conn:
        rows = conn.execute(
            sa.select(webhook_deliveries.c.payload, webhooks_table.c.url).join(
                webhooks_table, webhooks_table.c.id == webhook_deliveries.c.webhook_id
            )
        ).all()
    found = []
    for payload, url in rows:
        event = json.loads(payload)
        if event["type"] == "stock.changed":
            assert url.endswith("/stock")
            found.append(event)
        else:
            assert url.endswith("/orders")
    return found


def announce(cloud: CloudUnderTest, now: float) -> int:
    with cloud.engine.begin() as conn:
        return webhooks.notify_stock(conn, now, WINDOW)


def test_fifty_sales_give_the_right_availability_and_coalesced_webhooks(
    cloud: CloudUnderTest,
) -> None:
    for sku in SKUS:
        cloud.product(sku)
    node = cloud.node("S1")
    cloud.add_store("S2")
    for sku in SKUS:
        cloud.receive("S1", sku, 100)
    hook = cloud.client.post(
        "/api/v1/webhooks",
        headers=cloud.hq,
        json={"url": "https://shop.example.com/stock", "events": ["stock.changed"]},
    )
    assert hook.status_code == 201 and hook.get_json()["events"] == ["stock.changed"]
    orders_only = cloud.client.post(  # the default: order events only, as before
        "/api/v1/webhooks", headers=cloud.hq, json={"url": "https://shop.example.com/orders"}
    )
    assert orders_only.get_json()["events"] == ["order"]
    order = cloud.client.post(
        "/api/v1/orders",
        headers=cloud.hq,
        json={
            "id": "6b0f1f9e-95a0-4f37-8d2a-0c1f1f1f1f1f",
            "store": "S1",
            "customer": {"name": "Kim"},
            "lines": [{"sku": "WINE", "qty": 4}],
        },
    )
    assert order.status_code == 201, order.get_json()

    t0 = 1_900_000_000.0
    assert announce(cloud, t0) == 3  # receipts and the reservation: one event per SKU
    before, cursor = follow(cloud, "S1")
    assert before["WINE"]["reserved"] == 4 and before["WINE"]["available"] == 96

    sold = {sku: 0 for sku in SKUS}
    for n in range(50):
        sku = SKUS[n % 3] if n < 45 else "MILK"
        qty = 1 + n % 2
        sold[sku] += qty
        assert push(node, sale_event("S1", sku, qty))[0]["status"] == "accepted"

    changed, end = follow(cloud, "S1", cursor)
    assert set(changed) == set(SKUS)  # each SKU once, however many sales it had
    for sku in SKUS:
        held = 4 if sku == "WINE" else 0
        assert changed[sku]["on_hand"] == 100 - sold[sku]
        assert changed[sku]["reserved"] == held
        assert changed[sku]["available"] == 100 - sold[sku] - held
        level = cloud.client.get(f"/api/v1/stores/S1/stock/{sku}", headers=cloud.readonly)
        assert level.get_json()["available"] == changed[sku]["available"]
    assert follow(cloud, "S1", end) == ({}, end)  # nothing new: an empty page, same cursor
    assert feed(cloud, "S2")["items"] == []  # another store's feed is untouched

    # Within the window after the first events: nothing; once it has passed: one per SKU.
    assert announce(cloud, t0 + 1) == 0
    assert announce(cloud, t0 + WINDOW - 0.1) == 0
    assert announce(cloud, t0 + WINDOW) == 3
    assert announce(cloud, t0 + 2 * WINDOW) == 0  # nothing changed since
    events = stock_events(cloud)
    assert len(events) == 6
    per_sku: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        per_sku.setdefault(event["stock"]["sku"], []).append(event["stock"])
    assert {sku: len(v) for sku, v in per_sku.items()} == {sku: 2 for sku in SKUS}
    for sku in SKUS:
        assert per_sku[sku][-1]["available"] == changed[sku]["available"]

    # A cancel releases the reservation: WINE changes again, alone.
    cancel = cloud.client.post(
        "/api/v1/orders/6b0f1f9e-95a0-4f37-8d2a-0c1f1f1f1f1f/cancel", headers=cloud.hq
    )
    assert cancel.status_code == 200
    again, _ = follow(cloud, "S1", end)
    assert list(again) == ["WINE"] and again["WINE"]["available"] == 100 - sold["WINE"]
    assert announce(cloud, t0 + 2 * WINDOW + 1) == 1


def test_updated_since_and_bad_input(cloud: CloudUnderTest) -> None:
    cloud.product("MILK")
    cloud.add_store("S1")
    cloud.receive("S1", "MILK", 5)
    [item] = feed(cloud, "S1")["items"]
    assert feed(cloud, "S1", f"updated_since={item['updated_at']}")["items"] == [item]
    assert feed(cloud, "S1", "updated_since=2999-01-01T00:00:00Z")["items"] == []
    for query, code in (("cursor=x", "bad_cursor"), ("limit=0", "bad_limit")):
        answer = cloud.client.get(f"/api/v1/stores/S1/stock?{query}", headers=cloud.readonly)
        assert answer.status_code == 400 and answer.get_json()["error"]["code"] == code
    assert cloud.client.get("/api/v1/stores/NOPE/stock", headers=cloud.hq).status_code == 404
    assert cloud.client.get("/api/v1/stores/S1/stock").status_code == 401


@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def test_the_migration_starts_the_feed_with_what_already_changed(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """A cloud upgraded from revision 0002 lists the SKUs that already had movements or
    reservations, so a shop starting on the feed misses nothing from before it existed."""
    url = (
        str(tmp_path / "cloud.db")
        if backend == "sqlite"
        else request.getfixturevalue("pg_database")
    )
    db = make_engine(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with db.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
        conn.execute(
            sa.text(
                "INSERT INTO movements (store, id, sku, delta, reason, occurred_at, origin) "
                "VALUES ('S1', 'm1', 'MILK', 5, 'receipt', '2026-01-01T00:00:00.000000Z', 'hq'),"
                " ('S1', 'm2', 'BREAD', 2, 'receipt', '2026-01-02T00:00:00.000000Z', 'hq'),"
                " ('S2', 'm3', 'MILK', 1, 'receipt', '2026-01-03T00:00:00.000000Z', 'hq')"
            )
        )
    migrate(db)
    with db.connect() as conn:
        assert [r["sku"] for r in stock_changes.read(conn, "S1", None, 0, 10)] == ["MILK", "BREAD"]
        assert stock_changes.head(conn, "S1") == 2 and stock_changes.head(conn, "S2") == 1
    with db.begin() as conn:
        assert stock_changes.touch(conn, "S1", "MILK", "2026-02-01T00:00:00.000000Z") == 3
    db.dispose()
