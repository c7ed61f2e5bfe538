"""Set-based ingest (cloud/services/ingest.py) on SQLite and PostgreSQL: a batch applied in
bulk gives the same results and stores the same facts as applying its events one by one,
in a constant number of statements, and a value the database refuses in the bulk write
falls back to one by one for that batch."""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import sqlalchemy as sa

from cloud.services import ingest, sync
from cloud.services.apply import apply_event
from cloud.services.ingest import apply_batch
from cloud.storage import sales as cloud_sales
from cloud.storage.schema import metadata
from shared.models import Event
from tests.cloud_fixtures import (
    CloudUnderTest,
    event,
    movement,
    push,
    return_event,
    sale_event,
    void_event,
)

# What may differ between the two paths: generated ids and times, and the availability
# feed's positions (one by one takes one per movement, in bulk one per SKU and batch: the
# feed only promises increasing positions and the same SKUs marked changed).
VOLATILE = {
    "exceptions": {"id", "created_at"},
    "sync_events": {"received_at"},
    "stock_changes": {"seq", "updated_at"},
    "stock_change_counters": {"seq"},
}


def three_line_sale(store: str, n: int) -> Any:
    """A sale of three lines, as a catch-up after an outage carries thousands of."""
    wire = sale_event(store, "MILK", 1)
    sale = wire["body"]["sale"]
    sale["receipt_no"] = f"{store}-1-{n}"
    sale["lines"] = [
        {"sku": sku, "qty": 1, "unit_price": 100, "total": 100, "vat_rate_bp": 2000}
        for sku in ("MILK", "BREAD", "EGGS")
    ]
    sale["payments"] = [{"method": "cash", "amount": 300}]
    sale["total"] = 300
    wire["body"]["movements"] = [
        movement(store, line["sku"], -1, "sale", sale["id"]) for line in sale["lines"]
    ]
    return wire


def tricky_batch() -> list[Any]:
    """Every path at once: replays and conflicts inside the batch, a reused receipt, another
    store's sale, a return and a void of sales of the same batch, oversells, bad bodies."""
    a, b = sale_event("S1", qty=1), sale_event("S1", qty=2)
    reused = sale_event("S1")
    reused["body"]["sale"]["receipt_no"] = a["body"]["sale"]["receipt_no"]
    conflict = copy.deepcopy(b)
    conflict["body"]["sale"]["cashier"] = "someone else"
    same_sale = copy.deepcopy(a)
    same_sale["id"] = str(uuid.uuid4())
    foreign_receipt = sale_event("S1")
    foreign_receipt["body"]["sale"]["receipt_no"] = "S2-1-1"
    zero_qty = sale_event("S1")
    zero_qty["body"]["sale"]["lines"][0]["qty"] = 0
    return [
        a,
        b,
        copy.deepcopy(a),
        conflict,
        reused,
        sale_event("S2"),
        return_event("S1", a["body"]["sale"]),
        void_event("S1", b["body"]["sale"]),
        event("movement", {"movement": movement("S1", "BREAD", -5, "adjustment")}),
        same_sale,
        foreign_receipt,
        event("sale", {"sale": {"id": str(uuid.uuid4())}}),
        zero_qty,
        sale_event("S1", qty=3),
        event("movement", {"movement": movement("S2", "BREAD", 1, "adjustment")}),
    ]


def state(conn: sa.Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored row of the push tables, without what differs from run to run."""
    out = {}
    for table in metadata.sorted_tables:
        columns = [c for c in table.c if c.name not in VOLATILE.get(table.name, set())]
        rows = conn.execute(sa.select(*columns)).all()
        out[table.name] = sorted((tuple(row) for row in rows), key=repr)
    return out


@contextmanager
def rolled_back(engine: sa.Engine) -> Iterator[sa.Connection]:
    """A transaction that is undone afterwards, so two ways of applying start from one state."""
    with engine.connect() as conn:
        transaction = conn.begin()
        try:
            yield conn
        finally:
            transaction.rollback()


def returns_and_voids(earlier: Any, bigger: Any, foreign: Any) -> list[Any]:
    """Returns and voids of sales stored before the batch: in bounds (bulk), a second return
    of the same sale (one by one, bounded by the first), beyond the sale, without a receipt,
    a void of this store's sale and of another store's (then a return of that one by id)."""
    sale, big = earlier["body"]["sale"], bigger["body"]["sale"]
    no_receipt = return_event("S1", big)
    no_receipt["body"]["ret"]["sale_id"] = None
    no_receipt["body"]["ret"]["sale_receipt_no"] = None
    return [
        void_event("S1", sale),
        return_event("S1", big, qty=2),
        return_event("S1", big, qty=2),
        return_event("S1", sale, qty=5),
        no_receipt,
        void_event("S1", foreign["body"]["sale"]),
        return_event("S1", foreign["body"]["sale"], by_id=True),
    ]


def test_a_batch_in_bulk_answers_and_stores_as_one_by_one(
    cloud: CloudUnderTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    cloud.product("MILK")
    cloud.product("BREAD")
    node, other = cloud.node("S1"), cloud.node("S2")
    cloud.receive("S1", "MILK", 5)
    earlier, bigger, refused = sale_event("S1"), sale_event("S1", qty=3), event("sale", {})
    assert [r["status"] for r in push(node, earlier, bigger, refused)] == [
        "accepted",
        "accepted",
        "rejected",
    ]
    foreign = sale_event("S2", qty=2)
    assert push(other, foreign)[0]["status"] == "accepted"
    wires = [earlier, refused, *tricky_batch(), *returns_and_voids(earlier, bigger, foreign)]
    batch = [Event.model_validate_json(json.dumps(w)) for w in wires]

    with rolled_back(cloud.engine) as conn:
        one_by_one = [apply_event(conn, "S1", e) for e in batch]
        expected = state(conn)
    one_by_one_calls: list[str] = []

    def counted(conn: sa.Connection, store: str, e: Event) -> Any:
        one_by_one_calls.append(e.id)
        return apply_event(conn, store, e)

    monkeypatch.setattr(ingest, "apply_event", counted)
    with rolled_back(cloud.engine) as conn:
        bulk = apply_batch(conn, "S1", batch)
        stored = state(conn)

    assert bulk == one_by_one
    statuses = [status for status, _ in bulk]
    assert statuses.count("accepted") == 11 and statuses.count("duplicate") == 2, bulk
    reasons = [reason or "" for _, reason in bulk[-7:]]
    assert reasons[2].startswith("return_exceeds_sale") and reasons[5].startswith("unknown_sale")
    assert reasons[3].startswith("return_exceeds_sale"), reasons
    # in bulk: 4 sales or movements of the tricky part, the void, a return, the one without receipt
    assert len(one_by_one_calls) == len(batch) - 2 - 7, bulk
    assert stored == expected
    oversells = sorted(r[2] for r in stored["exceptions"] if r[:2] == ("S1", "oversell"))
    tricky = wires[2:]
    assert oversells == sorted(
        [
            f"MILK:{tricky[1]['body']['sale']['id']}",  # 5 - 1 - 3 - 1 - 2 < 0
            f"BREAD:{tricky[8]['body']['movement']['id']}",
            f"MILK:{tricky[13]['body']['sale']['id']}",  # back to 1 (return, void), then 3 sold
        ]
    )


def test_the_oversell_check_reports_each_sale_with_the_stock_it_left(
    cloud: CloudUnderTest,
) -> None:
    cloud.product("MILK")
    node = cloud.node("S1")
    cloud.receive("S1", "MILK", 1)
    sales = [sale_event("S1") for _ in range(3)]
    assert [r["status"] for r in push(node, *sales)] == ["accepted"] * 3
    answer = cloud.client.get("/api/v1/exceptions?kind=oversell", headers=cloud.readonly)
    found = {item["ref"]: item["detail"] for item in answer.get_json()["items"]}
    assert found == {
        f"MILK:{sales[1]['body']['sale']['id']}": "MILK on_hand -1",
        f"MILK:{sales[2]['body']['sale']['id']}": "MILK on_hand -2",
    }


def statements_for(cloud: CloudUnderTest, store: str, count: int) -> int:
    """How many SQL statements the push of `count` three-line sales sends."""
    batch = [Event.model_validate_json(json.dumps(three_line_sale(store, n))) for n in range(count)]
    sent: list[str] = []

    def record(*args: Any) -> None:
        sent.append(args[2])

    sa.event.listen(cloud.engine, "before_cursor_execute", record)
    try:
        out = sync.push(cloud.engine, store, batch, 0.0)
    finally:
        sa.event.remove(cloud.engine, "before_cursor_execute", record)
    assert [r.status for r in out.results] == ["accepted"] * count
    return len(sent)


def test_statements_per_batch_do_not_grow_with_its_size(cloud: CloudUnderTest) -> None:
    for sku in ("MILK", "BREAD", "EGGS"):
        cloud.product(sku)
    cloud.add_store("S1")
    cloud.add_store("S2")
    small, large = statements_for(cloud, "S1", 5), statements_for(cloud, "S2", 200)
    # the feed marks each SKU once per batch; re-pricing (products, versions, promotions, cap)
    # and the report rollups add a fixed number of statements per batch, never per event
    assert large == small <= 32, (small, large)


def test_a_value_the_database_refuses_fails_its_event_alone(cloud: CloudUnderTest) -> None:
    """PostgreSQL refuses a movement id longer than its column (SQLite stores it): the bulk
    write is undone and the batch goes one by one, so only that event is rejected."""
    cloud.product("MILK")
    node = cloud.node("S1")
    bad = sale_event("S1")
    bad["body"]["movements"][0]["id"] = "x" * 40
    results = push(node, sale_event("S1"), bad, sale_event("S1"))
    statuses = [r["status"] for r in results]
    if cloud.engine.dialect.name == "postgresql":
        assert statuses == ["accepted", "rejected", "accepted"]
        assert results[1]["reason"] == "out_of_range: DataError"
    else:
        assert statuses == ["accepted"] * 3
    answer = cloud.client.get("/api/v1/stores/S1/sales?limit=10", headers=cloud.readonly)
    assert len(answer.get_json()["items"]) == statuses.count("accepted")


def test_a_receipt_taken_after_the_lookups_sends_the_batch_one_by_one(
    cloud: CloudUnderTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A concurrent push may take a receipt number between the batch's lookups and its bulk
    write: the sale is not silently dropped as accepted, the batch goes one by one."""
    cloud.product("MILK")
    node = cloud.node("S1")
    first = sale_event("S1")
    assert push(node, first)[0]["status"] == "accepted"
    monkeypatch.setattr(cloud_sales, "taken_receipts", lambda *_: set())  # the lookup raced
    again = sale_event("S1")
    again["body"]["sale"]["receipt_no"] = first["body"]["sale"]["receipt_no"]
    results = push(node, again, sale_event("S1"))
    assert [r["status"] for r in results] == ["rejected", "accepted"]
    assert results[0]["reason"].startswith("duplicate_receipt_no")
