"""Holes a security review found, each played against a real `omnistore cloud serve` process
(on SQLite and on PostgreSQL) over HTTP with real signed store keys and HQ tokens."""

from __future__ import annotations

import copy
import gzip
import json
import os
import uuid
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from edge import node as node_config
from edge.storage import outbox as outbox_rows
from edge.storage.db import open_db, write
from shared.clock import format_ts, utc_now
from tests.cloud_fixtures import event as cloud_event
from tests.cloud_fixtures import movement, return_event, sale_event
from tests.harness import Cloud, Edge, last_line, omnistore, paged, wait_for
from tests.http_node import PULL, PUSH, HttpNode, enroll

SALES = "/api/v1/sync/sales"


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def cloud(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Cloud]:
    root = Path(tmp_path_factory.mktemp("cloud"))
    if request.param == "sqlite":
        running = Cloud(root).start()
        try:
            yield running
        finally:
            running.stop()
        return
    admin_url = request.getfixturevalue("postgres_admin")
    name = f"omnistore_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(_sa_url(admin_url), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    running = Cloud(root, db=admin_url.rsplit("/", 1)[0] + f"/{name}").start()
    try:
        yield running
    finally:
        running.stop()
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _sa_url(db: str) -> str:
    if db.startswith("postgresql://"):
        return db.replace("postgresql://", "postgresql+psycopg://", 1)
    return f"sqlite:///{db}"


def sql(cloud: Cloud, statement: str, **params: Any) -> list[Any]:
    """Reach into the cloud's database (SQLite or PostgreSQL) as an older version or the
    passing of time would have left it."""
    engine = sa.create_engine(_sa_url(cloud.db))
    try:
        with engine.begin() as conn:
            result = conn.execute(sa.text(statement), params)
            return list(result) if result.returns_rows else []
    finally:
        engine.dispose()


def age_order(cloud: Cloud, order_id: str, by: timedelta) -> None:
    """Move an order's creation time into the past."""
    [(body,)] = sql(cloud, "SELECT body FROM orders WHERE id = :id", id=order_id)
    data = json.loads(body)
    data["created_at"] = format_ts(utc_now() - by)
    sql(cloud, "UPDATE orders SET body = :body WHERE id = :id", body=json.dumps(data), id=order_id)


def node(cloud: Cloud, store: str) -> HttpNode:
    return HttpNode.enrolled(cloud.url, store, cloud.add_store(store))


def fake_sale(store: str, receipt_no: str, amount: int) -> dict[str, Any]:
    """A sale event whose receipt number and total the pushing store chose."""
    event = sale_event(store, sku="TV", price=amount)
    event["body"]["sale"]["receipt_no"] = receipt_no
    return event


# --- 1. receipt numbers belong to the store that pushes them ----------------------------


def test_a_store_cannot_push_a_sale_under_another_stores_receipt_number(cloud: Cloud) -> None:
    honest, thief, returner = node(cloud, "H1"), node(cloud, "T1"), node(cloud, "R1")
    real = sale_event("H1", sku="TV", price=500)
    real["body"]["sale"]["receipt_no"] = "H1-1-7"
    assert honest.push(real)[0]["status"] == "accepted"

    for receipt_no in ["H1-1-7", "H1-1-8", "T1", "T1-1-", "H1-T1-1-9"]:
        [result] = thief.push(fake_sale("T1", receipt_no, 9_999_900))
        assert result["status"] == "rejected", receipt_no
        assert "bad_receipt_no" in result["reason"]

    found = returner.request("GET", SALES, query="receipt_no=H1-1-7")
    assert found.status_code == 200, found.text
    assert found.json()["sale"]["id"] == real["body"]["sale"]["id"]
    assert found.json()["sale"]["store"] == "H1"
    assert returner.request("GET", SALES, query="receipt_no=H1-1-8").status_code == 404


def test_receipts_are_looked_up_in_the_store_their_prefix_names(cloud: Cloud) -> None:
    """A hijacked sale an older version stored (store F2, receipt F1-1-1) is never found."""
    honest, looker = node(cloud, "F1"), node(cloud, "F9")
    node(cloud, "F2")
    planted = fake_sale("F2", "F1-1-1", 9_999_900)["body"]["sale"]
    sql(
        cloud,
        "INSERT INTO sales (store, id, receipt_no, occurred_at, total, voided, body) "
        "VALUES ('F2', :id, 'F1-1-1', :at, 9999900, false, :body)",
        id=planted["id"],
        at=planted["occurred_at"],
        body=json.dumps(planted),
    )
    assert looker.request("GET", SALES, query="receipt_no=F1-1-1").status_code == 404
    real = fake_sale("F1", "F1-1-1", 250)
    assert honest.push(real)[0]["status"] == "accepted"
    got = looker.request("GET", SALES, query="receipt_no=F1-1-1").json()["sale"]
    assert (got["store"], got["id"]) == ("F1", real["body"]["sale"]["id"])
    for bad in ["F1", "-1-1", "F1--1"]:
        assert looker.request("GET", SALES, query=f"receipt_no={bad}").status_code == 404


def test_a_second_sale_under_a_used_receipt_number_is_rejected(cloud: Cloud) -> None:
    store = node(cloud, "D1")
    assert store.push(fake_sale("D1", "D1-1-1", 100))[0]["status"] == "accepted"
    [result] = store.push(fake_sale("D1", "D1-1-1", 99_999))
    assert result["status"] == "rejected" and "duplicate_receipt_no" in result["reason"]


def test_pushed_returns_never_give_back_more_than_the_sale_sold(cloud: Cloud) -> None:
    seller, returner_a, returner_b = node(cloud, "E1"), node(cloud, "E2"), node(cloud, "E3")
    sale_ev = sale_event("E1", sku="TV", qty=2, price=500)
    sale = sale_ev["body"]["sale"]
    assert seller.push(sale_ev)[0]["status"] == "accepted"

    [too_many] = returner_a.push(return_event("E2", sale, qty=3))
    assert too_many["status"] == "rejected" and "return_exceeds_sale" in too_many["reason"]

    pricey = return_event("E2", sale, qty=1)
    for line in pricey["body"]["ret"]["lines"]:
        line["total"] = 99_999
    pricey["body"]["ret"]["total"] = 99_999
    pricey["body"]["ret"]["refunds"] = [{"method": "cash", "amount": 99_999}]
    [result] = returner_a.push(pricey)
    assert result["status"] == "rejected" and "return_exceeds_sale" in result["reason"]

    other_sku = copy.deepcopy(return_event("E2", sale, qty=1))
    other_sku["body"]["ret"]["lines"][0]["sku"] = "RADIO"
    assert returner_a.push(other_sku)[0]["status"] == "rejected"

    assert returner_a.push(return_event("E2", sale, qty=1))[0]["status"] == "accepted"
    assert returner_b.push(return_event("E3", sale, qty=1))[0]["status"] == "accepted"
    [third] = seller.push(return_event("E1", sale, qty=1))  # the sale's own store too
    assert third["status"] == "rejected" and "return_exceeds_sale" in third["reason"]

    lookup = returner_a.request("GET", f"{SALES}/{sale['id']}").json()
    assert lookup["returned"] == {"TV": 2}
    with httpx.Client(
        base_url=cloud.url + "/api/v1", headers={"Authorization": f"Bearer {cloud.hq_token}"}
    ) as hq:
        refunded = [
            r for s in ("E1", "E2", "E3") for r in hq.get(f"/stores/{s}/returns").json()["items"]
        ]
    assert sum(r["total"] for r in refunded) == 1000


# --- 2. another store's sale: only what a return needs ----------------------------------


RETURNABLE_SALE_KEYS = {
    *("id", "store", "receipt_no", "occurred_at", "lines", "payments", "voided"),
    *("customer_id", "loyalty"),  # a customer's id (every node's index has it) and points
}


def test_a_sale_lookup_answers_only_what_a_return_needs(cloud: Cloud) -> None:
    seller, other = node(cloud, "L1"), node(cloud, "L2")
    event = sale_event("L1", sku="TV", qty=2, price=500)
    sale = event["body"]["sale"]
    sale["receipt_no"] = "L1-1-1"
    sale["cashier"] = "Ana Secret"
    sale["payments"] = [{"method": "card", "amount": 1000, "ref": "AUTH-4242-SECRET"}]
    assert seller.push(event)[0]["status"] == "accepted"
    assert other.push(return_event("L2", sale, qty=1))[0]["status"] == "accepted"

    for path, query in [(SALES, "receipt_no=L1-1-1"), (f"{SALES}/{sale['id']}", "")]:
        answer = other.request("GET", path, query=query)
        assert answer.status_code == 200, answer.text
        assert "Secret" not in answer.text and "SECRET" not in answer.text
        found = answer.json()
        assert set(found) == {"sale", "returned", "points_back"}
        assert set(found["sale"]) == RETURNABLE_SALE_KEYS
        assert found["sale"]["customer_id"] is None and found["points_back"] == {}
        assert found["sale"]["payments"] == [{"method": "card", "amount": 1000}]
        assert found["sale"]["lines"] == [
            {"sku": "TV", "qty": 2, "unit_price": 500, "total": 1000, "vat_rate_bp": 2000}
        ]
        assert found["returned"] == {"TV": 1}


def test_a_node_takes_a_return_of_another_stores_sale_from_the_reduced_answer(
    cloud: Cloud, tmp_path: Path
) -> None:
    seller = node(cloud, "M1")
    with cloud.hq() as hq:
        product = {"name": "Radio", "price": 700, "vat_rate_bp": 2000}
        assert hq.put("/products/RADIO", json=product).status_code in (200, 201)
    event = sale_event("M1", sku="RADIO", qty=2, price=700)
    sale = event["body"]["sale"]
    sale["receipt_no"] = "M1-1-1"
    sale["payments"] = [{"method": "card", "amount": 1400, "ref": "AUTH-1"}]
    assert seller.push(event)[0]["status"] == "accepted"

    edge = Edge(tmp_path, "m2")
    edge.enroll(cloud.url, "M2", cloud.add_store("M2"))
    edge.add_staff("ana", "cashier", "1234")
    edge.start()
    try:
        with edge.lane("ana", "1234") as lane:
            wait_for(lambda: lane.get("/stock/RADIO").status_code == 200)
            body = {
                "id": str(uuid.uuid4()),
                "receipt_no": "M1-1-1",
                "lines": [{"sku": "RADIO", "qty": 1}],
            }
            answer = lane.post("/returns", json=body)
            assert answer.status_code == 201, answer.text
            ret = answer.json()
            assert ret["sale_id"] == sale["id"] and ret["sale_receipt_no"] == "M1-1-1"
            assert ret["refunds"] == [{"method": "card", "amount": 700, "ref": None}]
            assert ret["lines"][0]["name"] == "Radio"
            too_many = {**body, "id": str(uuid.uuid4()), "lines": [{"sku": "RADIO", "qty": 2}]}
            refused = lane.post("/returns", json=too_many)
            assert refused.status_code == 422, refused.text
            assert refused.json()["error"]["code"] == "return_exceeds_sale"
    finally:
        edge.stop()


# --- 3. enrolment: tokens expire, one live token, no takeover of an enrolled store -------


def cli(cloud: Cloud, *args: str) -> str:
    return last_line(omnistore("cloud", *args, "--db", cloud.db))


def test_enrolment_cannot_take_over_a_store_and_hq_can_cut_a_node_off(cloud: Cloud) -> None:
    first_token = cloud.add_store("K1")
    second_token = cloud.add_store("K1")  # again: a fresh token, the first one is void
    assert first_token != second_token and second_token.startswith("en_")
    void = enroll(cloud.url, "K1", first_token)
    assert void.status_code == 401 and void.json()["error"]["code"] == "bad_enrollment_token"

    honest = HttpNode.enrolled(cloud.url, "K1", second_token)
    assert honest.request("GET", PULL).status_code == 200
    reused = enroll(cloud.url, "K1", second_token)
    assert reused.status_code == 401

    thief_token = cloud.add_store("K1")  # a token leaked after the node enrolled
    takeover = enroll(cloud.url, "K1", thief_token)
    assert takeover.status_code == 409 and takeover.json()["error"]["code"] == "already_enrolled"
    assert honest.request("GET", PULL).status_code == 200  # the honest node is untouched

    cli(cloud, "revoke-store", "K1")
    cut = honest.request("GET", PULL)
    assert cut.status_code == 401 and cut.json()["error"]["code"] == "unknown_key"
    revoked = enroll(cloud.url, "K1", cloud.add_store("K1"))
    assert revoked.status_code == 409 and revoked.json()["error"]["code"] == "store_revoked"

    cli(cloud, "reset-store", "K1")
    assert honest.request("GET", PULL).status_code == 401
    fresh = cloud.add_store("K1")
    replacement = HttpNode.enrolled(cloud.url, "K1", fresh)
    assert replacement.request("GET", PULL).status_code == 200
    assert replacement.keyid != honest.keyid

    cli(cloud, "reset-store", "K1")  # reset alone cuts the enrolled node off too
    assert replacement.request("GET", PULL).status_code == 401


def test_enrolment_tokens_expire_after_a_day(cloud: Cloud) -> None:
    old, fresh = cloud.add_store("X1"), cloud.add_store("X2")
    day_ago = format_ts(utc_now() - timedelta(hours=24, minutes=1))
    almost = format_ts(utc_now() - timedelta(hours=23))
    change = "UPDATE enrolment_tokens SET created_at = :at WHERE store = :store"
    sql(cloud, change, at=day_ago, store="X1")
    sql(cloud, change, at=almost, store="X2")
    expired = enroll(cloud.url, "X1", old)
    assert expired.status_code == 401 and expired.json()["error"]["code"] == "bad_enrollment_token"
    assert enroll(cloud.url, "X2", fresh).status_code == 201


def test_store_admin_commands_refuse_unknown_stores(cloud: Cloud) -> None:
    for command in ("reset-store", "revoke-store"):
        with pytest.raises(AssertionError, match="no store NOPE"):
            cli(cloud, command, "NOPE")


# --- 4. a push body is bounded once inflated, and so is each event ------------------------


def peak_rss_mb(cloud: Cloud) -> float:
    """The largest peak resident size among the cloud's processes (gunicorn and workers)."""
    assert cloud.proc is not None
    group, peak = os.getpgid(cloud.proc.pid), 0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            if os.getpgid(int(status.parent.name)) != group:
                continue
            for line in status.read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]))
        except (OSError, ValueError):
            continue
    return peak / 1024


def test_a_gzip_bomb_is_refused_before_it_costs_memory(cloud: Cloud) -> None:
    store = node(cloud, "G1")
    padding = "a" * 38_000
    events = [sale_event("G1") for _ in range(500)]
    for item in events:
        item["body"]["pad"] = padding
    inflated = json.dumps({"clock_offset_s": 0, "events": events}).encode()
    bomb = gzip.compress(inflated, 9)
    assert len(inflated) > 18_000_000 and len(bomb) < 400_000
    answer = store.request("POST", PUSH, raw=bomb)
    assert answer.status_code == 413, answer.text
    assert answer.json()["error"]["code"] == "payload_too_large"
    assert peak_rss_mb(cloud) < 400

    plain = store.request("POST", PUSH, raw=b" " * (4 * 1024 * 1024 + 1))
    assert plain.status_code == 413 and plain.json()["error"]["code"] == "payload_too_large"
    assert store.push(sale_event("G1"))[0]["status"] == "accepted"


def test_an_event_over_64_kb_is_rejected_and_the_rest_of_its_batch_lands(cloud: Cloud) -> None:
    store = node(cloud, "G2")
    big = sale_event("G2")
    big["body"]["sale"]["cashier"] = "x" * (65 * 1024)
    small = sale_event("G2")
    results = store.push(big, small)
    assert results[0]["status"] == "rejected" and "event_too_large" in results[0]["reason"]
    assert results[1]["status"] == "accepted"


def test_a_node_splits_its_push_by_size_under_the_cloud_cap(cloud: Cloud, tmp_path: Path) -> None:
    """200 pending sales of ~40 KB each (8 MB) reach the cloud in batches under its cap."""
    data_dir = tmp_path / "n1"
    omnistore(
        "edge",
        "enroll",
        "--data-dir",
        str(data_dir),
        "--cloud",
        cloud.url,
        "--store",
        "N1",
        "--token",
        cloud.add_store("N1"),
    )
    db = open_db(node_config.db_path(data_dir))
    sale_ids = []
    with write(db):
        for n in range(200):
            event = sale_event("N1", sku="SKU0", price=1)
            sale = event["body"]["sale"]
            sale["receipt_no"] = f"N1-1-{n + 1}"
            sale["lines"] = [
                {
                    "sku": f"SKU{k}",
                    "name": "n" * 40,
                    "qty": 1,
                    "unit_price": 1,
                    "total": 1,
                    "vat_rate_bp": 2000,
                }
                for k in range(400)
            ]
            sale["payments"][0]["amount"] = sale["total"] = 400
            sale_ids.append(sale["id"])
            outbox_rows.insert(
                db,
                outbox_rows.OutboxRow(
                    0,
                    event["id"],
                    "sale",
                    event["hlc"],
                    event["occurred_at"],
                    event["device_time"],
                    json.dumps(event["body"]),
                    "pending",
                    None,
                ),
            )
    assert sum(len(r.body) for r in outbox_rows.pending(db, 1000)) > 6 * 1024 * 1024
    db.close()
    omnistore("edge", "sync", "--data-dir", str(data_dir), "--once")
    with cloud.hq() as hq:
        listed = paged(hq, "/stores/N1/sales")
    assert sorted(s["id"] for s in listed) == sorted(sale_ids)


# --- 5. pushed numbers are bounded; out of bounds is one rejected event, never a 500 ------

BIG = 10**20


def _sale(change: Callable[[dict[str, Any]], None]) -> Callable[[str], Any]:
    def make(store: str) -> Any:
        event = sale_event(store)
        change(event["body"])
        return event

    return make


def _ret(change: Callable[[dict[str, Any]], None]) -> Callable[[str], Any]:
    def make(store: str) -> Any:
        event = return_event(store, sale_event(store)["body"]["sale"])
        event["body"]["ret"]["sale_id"] = None  # a return without receipt: only bounds apply
        change(event["body"])
        return event

    return make


def _movement(delta: int) -> Callable[[str], Any]:
    return lambda store: cloud_event(
        "movement", {"movement": movement(store, "M", delta, "count")}, store
    )


def _shift(field: str, value: int) -> Callable[[str], Any]:
    def make(store: str) -> Any:
        report = {
            "shift_id": str(uuid.uuid4()),
            "store": store,
            "register": "1",
            "cashier": "ana",
            "opened_at": "2026-01-01T08:00:00Z",
            "float_amount": 0,
            "sales_count": 0,
            "sales_total": 0,
            "returns_count": 0,
            "returns_total": 0,
            "voids_count": 0,
            "voids_total": 0,
            "net_total": 0,
            "tenders": [],
            "vat": [],
            "expected_cash": 0,
        }
        report[field] = value
        return cloud_event("shift", {"report": report}, store)

    return make


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(body: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = body
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = value

    return change


OUT_OF_BOUNDS = {
    "movement delta 10^20": _movement(BIG),
    "movement delta 2^62": _movement(2**62),
    "movement delta 10^9+1": _movement(-(10**9) - 1),
    "sale line qty 0": _sale(_set("sale.lines.0.qty", 0)),
    "sale line qty 100001": _sale(_set("sale.lines.0.qty", 100_001)),
    "sale line price 10^12+1": _sale(_set("sale.lines.0.unit_price", 10**12 + 1)),
    "sale line total 10^20": _sale(_set("sale.lines.0.total", BIG)),
    "sale line vat 10001": _sale(_set("sale.lines.0.vat_rate_bp", 10_001)),
    "sale total 10^20": _sale(_set("sale.total", BIG)),
    "sale change -1": _sale(_set("sale.change", -1)),
    "sale payment 10^20": _sale(_set("sale.payments.0.amount", BIG)),
    "sale vat gross 10^20": _sale(
        _set("sale.vat", [{"rate_bp": 2000, "gross": BIG, "vat": 0, "net": 0}])
    ),
    "sale movement delta 10^20": _sale(_set("movements.0.delta", BIG)),
    "return line qty 10^6": _ret(_set("ret.lines.0.qty", 10**6)),
    "return total 10^20": _ret(_set("ret.total", BIG)),
    "return refund 10^20": _ret(_set("ret.refunds.0.amount", BIG)),
    "return movement delta 2^62": _ret(_set("movements.0.delta", 2**62)),
    "shift sales_total 10^20": _shift("sales_total", BIG),
    "shift net_total -10^20": _shift("net_total", -BIG),
    "shift sales_count 10^20": _shift("sales_count", BIG),
}


@pytest.mark.parametrize("make", OUT_OF_BOUNDS.values(), ids=OUT_OF_BOUNDS.keys())
def test_an_out_of_bounds_event_is_rejected_alone_and_later_pushes_succeed(
    cloud: Cloud, make: Callable[[str], Any]
) -> None:
    store_code = f"B{uuid.uuid4().hex[:8]}"
    store = node(cloud, store_code)
    bad, good = make(store_code), sale_event(store_code)
    results = store.push(bad, good)
    assert results[0]["status"] == "rejected", results[0]
    assert results[1]["status"] == "accepted"
    assert store.push(bad)[0]["status"] == "rejected"  # again: still a verdict, not a 500
    assert store.push(sale_event(store_code))[0]["status"] == "accepted"
    with cloud.hq() as hq:
        assert hq.put(
            "/products/M", json={"name": "M", "price": 1, "vat_rate_bp": 0}
        ).status_code in (200, 201)
        level = hq.get(f"/stores/{store_code}/stock/M")
    assert level.status_code == 200 and level.json()["on_hand"] == 0


def test_an_order_event_out_of_bounds_is_rejected(cloud: Cloud) -> None:
    store = node(cloud, "O1")
    order = {
        "id": str(uuid.uuid4()),
        "store": "O1",
        "status": "picking",
        "customer": {},
        "lines": [{"sku": "M", "qty": 1, "picked": BIG}],
        "created_at": "2026-01-01T00:00:00Z",
        "updated_at": "2026-01-01T00:00:00Z",
        "expires_at": "2026-01-04T00:00:00Z",
    }
    [result] = store.push(cloud_event("order", {"order": order}, "O1"))
    assert result["status"] == "rejected" and "invalid body" in result["reason"]


def test_the_stock_route_sums_movements_past_64_bits(cloud: Cloud) -> None:
    """Two deltas of 2^62 stored before pushes were bounded: the level is still answered."""
    node(cloud, "Q1")
    with cloud.hq() as hq:
        assert hq.put(
            "/products/Q", json={"name": "Q", "price": 1, "vat_rate_bp": 0}
        ).status_code in (200, 201)
    for _ in range(2):
        sql(
            cloud,
            "INSERT INTO movements (store, id, sku, delta, reason, occurred_at, origin) "
            "VALUES ('Q1', :id, 'Q', :delta, 'count', '2026-01-01T00:00:00.000000Z', 'store')",
            id=str(uuid.uuid4()),
            delta=2**62,
        )
    with cloud.hq() as hq:
        level = hq.get("/stores/Q1/stock/Q")
    assert level.status_code == 200, level.text
    assert level.json()["on_hand"] == 2**63


# --- 6. pickup codes only in the placement answer; shop tokens see their own orders -------


def token(cloud: Cloud, name: str, role: str) -> httpx.Client:
    value = cli(cloud, "add-token", name, "--role", role)
    assert value.startswith({"hq": "hq_", "readonly": "ro_", "shop": "sh_"}[role])
    return httpx.Client(
        base_url=cloud.url + "/api/v1", headers={"Authorization": f"Bearer {value}"}, timeout=30
    )


def test_pickup_codes_and_shop_tokens(cloud: Cloud) -> None:
    store = node(cloud, "W1")
    hq, readonly = token(cloud, "hq2", "hq"), token(cloud, "viewer", "readonly")
    shop_a, shop_b = token(cloud, "webshop-a", "shop"), token(cloud, "webshop-b", "shop")
    assert hq.put(
        "/products/SOAP", json={"name": "Soap", "price": 300, "vat_rate_bp": 2000}
    ).status_code in (200, 201)
    movement_in = {"id": str(uuid.uuid4()), "sku": "SOAP", "delta": 50, "reason": "receipt"}
    assert hq.post("/stores/W1/stock-movements", json=movement_in).status_code == 201
    assert store.request("GET", PULL).status_code == 200  # a fresh sync: no safety buffer

    def order_body() -> dict[str, Any]:
        return {
            "id": str(uuid.uuid4()),
            "store": "W1",
            "customer": {"name": "Cleo"},
            "lines": [{"sku": "SOAP", "qty": 1}],
        }

    body = order_body()
    placed = shop_a.post("/orders", json=body)
    assert placed.status_code == 201, placed.text
    code = placed.json()["pickup_code"]
    assert len(code) == 6 and placed.json()["pickup_qr"]

    again = shop_a.post("/orders", json=body)  # the shop's own identical replay, in time
    assert again.status_code == 200 and again.json()["pickup_code"] == code

    for client in (hq, readonly, shop_a):  # reads never show the code
        read = client.get(f"/orders/{body['id']}")
        assert read.status_code == 200, read.text
        assert code not in read.text and "pickup_code" not in read.json()

    by_hq = hq.post("/orders", json=body)  # another token replaying the placement
    assert by_hq.status_code == 200 and code not in by_hq.text
    assert "pickup_code" not in by_hq.json() and "pickup_qr" not in by_hq.json()

    stranger = shop_b.post("/orders", json=body)
    assert stranger.status_code == 422 and code not in stranger.text
    assert stranger.json()["error"]["code"] == "idempotency_conflict"
    for method, path in (
        ("GET", f"/orders/{body['id']}"),
        ("POST", f"/orders/{body['id']}/cancel"),
    ):
        refused = shop_b.request(method, path)
        assert refused.status_code == 404 and refused.json()["error"]["code"] == "unknown_order"

    age_order(cloud, body["id"], timedelta(minutes=11))  # eleven minutes later
    late = shop_a.post("/orders", json=body)
    assert late.status_code == 200 and code not in late.text and "pickup_code" not in late.json()

    assert readonly.post("/orders", json=order_body()).status_code == 403
    assert readonly.post(f"/orders/{body['id']}/cancel").status_code == 403

    assert shop_a.get("/products/SOAP").status_code == 200
    assert shop_a.get("/products").status_code == 200
    assert shop_a.get("/stores/W1/stock/SOAP").status_code == 200
    forbidden = [
        ("GET", "/stores", None),
        ("GET", "/exceptions", None),
        ("GET", "/stores/W1/sales", None),
        ("GET", "/stores/W1/returns", None),
        ("GET", "/webhooks", None),
        ("POST", "/webhooks", {"url": "http://127.0.0.1:9/x"}),
        ("PUT", "/products/SOAP", {"name": "x", "price": 1, "vat_rate_bp": 0}),
        ("POST", "/stores/W1/stock-movements", movement_in),
    ]
    for method, path, payload in forbidden:
        answer = shop_a.request(method, path, json=payload)
        assert answer.status_code == 403, (method, path, answer.text)

    cancelled = shop_a.post(f"/orders/{body['id']}/cancel")
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    assert code not in cancelled.text
    hq_order = order_body()
    assert hq.post("/orders", json=hq_order).status_code == 201
    assert shop_a.get(f"/orders/{hq_order['id']}").status_code == 404
    assert readonly.get(f"/orders/{hq_order['id']}").status_code == 200
    for client in (hq, readonly, shop_a, shop_b):
        client.close()


def test_replaying_a_placement_later_or_with_another_token_shows_no_pickup_code(
    cloud: Cloud,
) -> None:
    store = node(cloud, "W2")
    placer, other = token(cloud, "hq-a", "hq"), token(cloud, "hq-b", "hq")
    assert placer.put(
        "/products/SOAP", json={"name": "Soap", "price": 300, "vat_rate_bp": 2000}
    ).status_code in (200, 201)
    movement_in = {"id": str(uuid.uuid4()), "sku": "SOAP", "delta": 50, "reason": "receipt"}
    assert placer.post("/stores/W2/stock-movements", json=movement_in).status_code == 201
    assert store.request("GET", PULL).status_code == 200
    body = {
        "id": str(uuid.uuid4()),
        "store": "W2",
        "customer": {"name": "Dan"},
        "lines": [{"sku": "SOAP", "qty": 1}],
    }
    code = placer.post("/orders", json=body).json()["pickup_code"]
    assert placer.post("/orders", json=body).json()["pickup_code"] == code
    replay = other.post("/orders", json=body)
    assert replay.status_code == 200 and code not in replay.text
    age_order(cloud, body["id"], timedelta(minutes=10, seconds=5))
    late = placer.post("/orders", json=body)
    assert late.status_code == 200 and code not in late.text
    placer.close()
    other.close()


def test_an_unsigned_body_over_the_cap_is_refused_unread(cloud: Cloud) -> None:
    huge = b" " * (4 * 1024 * 1024 + 1)
    for path, headers in [
        ("/api/v1/sync/enroll", {}),
        ("/api/v1/products/SOAP", {"Authorization": f"Bearer {cloud.hq_token}"}),
    ]:
        method = "POST" if "enroll" in path else "PUT"
        answer = httpx.request(method, cloud.url + path, content=huge, headers=headers, timeout=30)
        assert answer.status_code == 413, answer.text
        assert answer.json()["error"]["code"] == "payload_too_large"
