"""The report API on SQLite and PostgreSQL: rollups kept by pushes give the figures computed
here straight from the pushed facts; a rebuild gives the same; CSV; bad input is 4xx."""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from typing import Any

import sqlalchemy as sa
from click.testing import CliRunner

from cli import main
from cloud.services import rollups
from cloud.storage.rollups import ROLLUPS
from cloud.storage.schema import report_promotions
from tests.cloud_fixtures import (
    CloudUnderTest,
    push,
    return_event,
    sale_event,
    void_event,
)
from tests.test_hq_console import _user, sign_in

REPORTS = "/api/v1/reports"


def _sale(store: str, when: str, lines: list[tuple[str, int, int]], pay: list[Any]) -> Any:
    """A sale event at `when` with (sku, qty, price) lines and (method, amount) tenders."""
    event = sale_event(store)
    sale = event["body"]["sale"]
    sale["occurred_at"] = when
    sale["lines"] = [
        {"sku": s, "qty": q, "unit_price": p, "total": q * p, "vat_rate_bp": 2000}
        for s, q, p in lines
    ]
    sale["total"] = sum(q * p for _, q, p in lines)
    sale["payments"] = [{"method": m, "amount": a} for m, a in pay]
    sale["change"] = sum(a for _, a in pay) - sale["total"]
    event["body"]["movements"] = [
        dict(event["body"]["movements"][0], id=f"{sale['id'][:30]}-{i:05d}", sku=s, delta=-q)
        for i, (s, q, _) in enumerate(lines)
    ]
    return event


def _seed(cloud: CloudUnderTest) -> tuple[list[Any], list[Any], list[str]]:
    """Two stores, sales on two days and several hours, a return, a void."""
    s1, s2 = cloud.node("S1"), cloud.node("S2")
    for sku in ("MILK", "BREAD", "EGGS"):
        cloud.product(sku)
    sales = [
        _sale(
            "S1",
            "2026-03-01T08:15:00.000000Z",
            [("MILK", 2, 120), ("BREAD", 1, 250)],
            [("cash", 500)],
        ),
        _sale("S1", "2026-03-01T17:40:00.000000Z", [("EGGS", 3, 300)], [("card", 900)]),
        _sale(
            "S1", "2026-03-02T08:05:00.000000Z", [("MILK", 1, 120)], [("cash", 100), ("card", 20)]
        ),
        _sale("S2", "2026-03-01T12:00:00.000000Z", [("BREAD", 4, 250)], [("voucher", 1000)]),
        _sale("S2", "2026-03-02T23:59:59.000000Z", [("MILK", 5, 120)], [("cash", 600)]),
    ]
    push(s1, *[e for e in sales if e["body"]["sale"]["store"] == "S1"])
    push(s2, *[e for e in sales if e["body"]["sale"]["store"] == "S2"])
    ret = return_event("S1", sales[1]["body"]["sale"])
    ret["body"]["ret"]["occurred_at"] = "2026-03-02T10:00:00.000000Z"
    void = void_event("S2", sales[3]["body"]["sale"])
    assert [r["status"] for r in push(s1, ret)] == ["accepted"]
    assert [r["status"] for r in push(s2, void)] == ["accepted"]
    return (
        [e["body"]["sale"] for e in sales],
        [ret["body"]["ret"]],
        [sales[3]["body"]["sale"]["id"]],
    )


def _expected_by_store_day(sales: list[Any], rets: list[Any], voided: list[str]) -> list[Any]:
    """Computed from the facts, not the rollups."""
    rows: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for sale in sales:
        if sale["id"] in voided:
            continue
        key = (sale["store"], sale["occurred_at"][:10])
        rows[key]["receipts"] += 1
        rows[key]["units"] += sum(ln["qty"] for ln in sale["lines"])
        rows[key]["total"] += sale["total"]
    for ret in rets:
        key = (ret["store"], ret["occurred_at"][:10])
        rows[key]["receipts"] += 0
        rows[key]["units"] -= sum(ln["qty"] for ln in ret["lines"])
        rows[key]["total"] -= ret["total"]
    return [
        {"store": s, "day": d, "receipts": c["receipts"], "units": c["units"], "total": c["total"]}
        for (s, d), c in sorted(rows.items())
    ]


def _get(cloud: CloudUnderTest, name: str, query: str = "") -> Any:
    answer = cloud.client.get(
        f"{REPORTS}/{name}?from=2026-03-01&to=2026-03-03{query}", headers=cloud.readonly
    )
    assert answer.status_code == 200, answer.get_json()
    return answer.get_json()["items"]


def test_reports_match_the_facts(cloud: CloudUnderTest) -> None:
    sales, rets, voided = _seed(cloud)
    assert _get(cloud, "sales_by_store_day") == _expected_by_store_day(sales, rets, voided)
    assert _get(cloud, "sales_by_store_day", "&store=S2") == [
        {"store": "S2", "day": "2026-03-02", "receipts": 1, "units": 5, "total": 600}
    ]
    hours = {r["hour"]: r for r in _get(cloud, "sales_by_hour")}
    assert hours[8] == {"hour": 8, "receipts": 2, "units": 4, "total": 610}
    assert hours[10] == {"hour": 10, "receipts": 0, "units": -1, "total": -300}
    assert 12 not in hours or hours[12]["receipts"] == 0  # the voided sale
    top = _get(cloud, "top_products")
    assert top[0] == {"sku": "MILK", "name": "MILK", "units": 8, "total": 960}
    assert {r["sku"]: r["total"] for r in top} == {"MILK": 960, "EGGS": 600, "BREAD": 250}
    mix = {r["method"]: r for r in _get(cloud, "tender_mix")}
    # cash net of change, less the return's cash refund; card as paid
    assert mix["cash"]["amount"] == 490 + 100 + 600 - 300
    assert mix["card"]["amount"] == 920 and mix["card"]["payments"] == 2
    assert "voucher" not in mix  # its only sale was voided
    basket = {r["store"]: r for r in _get(cloud, "basket_size")}
    assert basket["S1"]["receipts"] == 3 and basket["S1"]["items"] == 7
    assert basket["S1"]["value_per_receipt"] == round((490 + 900 + 120) / 3)
    assert all(r["discount"] == 0 for r in _get(cloud, "discounts"))


def test_rebuild_gives_the_same_rollups(cloud: CloudUnderTest) -> None:
    _seed(cloud)

    def snapshot() -> list[Any]:
        with cloud.engine.connect() as conn:
            return [
                sorted(
                    tuple(r)
                    for r in conn.execute(sa.select(t))
                    if any(r[len(t.primary_key.columns) :])
                )
                for t in ROLLUPS
            ]

    before = snapshot()
    with cloud.engine.begin() as conn:
        assert rollups.rebuild(conn) == 5  # 4 sales (the voided one skipped), 1 return
    assert snapshot() == before


def test_csv_has_a_header_and_the_same_rows(cloud: CloudUnderTest) -> None:
    sales, rets, voided = _seed(cloud)
    answer = cloud.client.get(
        f"{REPORTS}/sales_by_store_day?from=2026-03-01&to=2026-03-03&format=csv",
        headers=cloud.hq,
    )
    assert answer.status_code == 200 and answer.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(answer.get_data(as_text=True))))
    expected = _expected_by_store_day(sales, rets, voided)
    assert [{k: str(v) for k, v in r.items()} for r in expected] == rows


def test_bad_report_input_is_4xx(cloud: CloudUnderTest) -> None:
    for query, status, code in [
        ("sales_by_store_day?from=2026-13-01", 400, "bad_from"),
        ("sales_by_store_day?from=yesterday", 400, "bad_from"),
        ("sales_by_store_day?from=2026-03-02&to=2026-03-01", 400, "bad_range"),
        ("sales_by_store_day?from=2024-01-01&to=2026-01-01", 400, "bad_range"),
        ("sales_by_store_day?store=NOPE", 404, "unknown_store"),
        ("sales_by_store_day?format=xml", 400, "bad_format"),
        ("top_products?limit=0", 400, "bad_limit"),
        ("everything", 404, "unknown_report"),
    ]:
        answer = cloud.client.get(f"{REPORTS}/{query}", headers=cloud.hq)
        assert answer.status_code == status, (query, answer.get_json())
        assert answer.get_json()["error"]["code"] == code, query
    assert cloud.client.get(f"{REPORTS}/top_products").status_code == 401


def test_top_products_of_the_chain_sum_whole_months_and_edge_days(cloud: CloudUnderTest) -> None:
    node = cloud.node("S1")
    cloud.node("S2")
    for sku in ("TEA", "COFFEE"):
        cloud.product(sku)
    when = ["2026-02-27T10:00:00Z", "2026-03-15T10:00:00Z", "2026-04-02T10:00:00Z"]
    events = [
        _sale("S1", when[0], [("TEA", 1, 300)], [("cash", 300)]),
        _sale("S1", when[1], [("COFFEE", 2, 450)], [("cash", 900)]),
        _sale("S1", when[2], [("TEA", 4, 300)], [("card", 1200)]),
        _sale("S1", "2026-04-09T10:00:00Z", [("COFFEE", 9, 450)], [("card", 4050)]),  # outside
    ]
    push(node, *events)
    for start, end, expected in [
        ("2026-02-20", "2026-04-05", {"TEA": (5, 1500), "COFFEE": (2, 900)}),
        ("2026-03-01", "2026-04-01", {"COFFEE": (2, 900)}),
        ("2026-02-28", "2026-03-31", {"COFFEE": (2, 900)}),
        ("2026-01-01", "2026-12-31", {"TEA": (5, 1500), "COFFEE": (11, 4950)}),
    ]:
        rows = {}
        for store in ("", "&store=S1"):
            answer = cloud.client.get(
                f"{REPORTS}/top_products?from={start}&to={end}{store}", headers=cloud.hq
            )
            rows[store] = {r["sku"]: (r["units"], r["total"]) for r in answer.get_json()["items"]}
        assert rows[""] == rows["&store=S1"] == expected, (start, end)


def test_days_and_hours_are_the_stores_local_ones() -> None:
    from zoneinfo import ZoneInfo

    tally = rollups.Tally({"S1": ZoneInfo("Europe/Berlin")})
    assert tally.local("S1", "2026-03-01T23:30:00Z") == ("2026-03-02", 0)
    assert tally.local("S1", "2026-07-01T21:59:00Z") == ("2026-07-01", 23)  # summer time
    assert tally.local("S2", "2026-03-01T23:30:00Z") == ("2026-03-01", 23)  # no zone: UTC


def test_a_line_discount_is_read_when_lines_carry_one() -> None:
    assert rollups.line_discount({"sku": "A", "total": 100}) == 0
    assert rollups.line_discount({"sku": "A", "total": 100, "discount": 25}) == 25


def test_a_range_at_the_start_of_the_calendar_is_answered(cloud: CloudUnderTest) -> None:
    """Schemathesis found `to=0001-01-02` (no `from`): the default 28 days before it do not
    exist, so the range starts at the calendar's first day."""
    answer = cloud.client.get(
        "/api/v1/reports/sales_by_store_day?to=0001-01-02", headers=cloud.readonly
    )
    assert answer.status_code == 200 and answer.get_json()["items"] == []


MILK_10 = "0192f0c4-8e1a-7c3b-9d2e-00000000a001"
EGGS_3_FOR_2 = "0192f0c4-8e1a-7c3b-9d2e-00000000a002"
BREAD_OFF = "0192f0c4-8e1a-7c3b-9d2e-00000000a003"  # only on the voided sale
NAMES = {
    MILK_10: "Milk 10 % off",
    EGGS_3_FOR_2: "3 for 2 on eggs",
    BREAD_OFF: "50 off bread",
    "manual": "Manual discounts",
}


def _discounted(store: str, when: str, lines: list[tuple[str, int, int, dict[str, int]]]) -> Any:
    """A sale event whose (sku, qty, price, {source: discount}) lines carry their discounts
    per source, as the pricing engine records them; paid by card."""
    event = _sale(store, when, [(s, q, p) for s, q, p, _ in lines], [("card", 1)])
    sale = event["body"]["sale"]
    for line, (_, _, _, parts) in zip(sale["lines"], lines, strict=True):
        line["discount"] = sum(parts.values())
        line["total"] -= line["discount"]
        line["promotions"] = [source for source in parts if source != "manual"]
        line["discounts"] = [
            {"source": source, "name": "" if source == "manual" else NAMES[source], "amount": a}
            for source, a in parts.items()
        ]
    sale["total"] = sum(line["total"] for line in sale["lines"])
    sale["payments"], sale["change"] = [{"method": "card", "amount": sale["total"]}], 0
    return event


def _seed_promotions(cloud: CloudUnderTest) -> tuple[list[Any], str]:
    """Two promotions and manual discounts in two stores on two days; one sale voided (with a
    third promotion found on no other sale), one returned (returns are not netted per
    promotion). The sales pushed and the voided id."""
    s1, s2 = cloud.node("S1"), cloud.node("S2")
    for sku in ("MILK", "BREAD", "EGGS"):
        cloud.product(sku)
    day1, day2 = "2026-03-01T09:00:00.000000Z", "2026-03-02T18:30:00.000000Z"
    events = [
        _discounted(
            "S1", day1, [("MILK", 2, 120, {MILK_10: 24}), ("BREAD", 1, 250, {"manual": 25})]
        ),
        _discounted(
            "S1",
            day1,
            [("EGGS", 3, 300, {EGGS_3_FOR_2: 300}), ("MILK", 1, 120, {MILK_10: 12, "manual": 10})],
        ),
        _discounted("S1", day2, [("EGGS", 6, 300, {EGGS_3_FOR_2: 600}), ("BREAD", 2, 250, {})]),
        _discounted(  # voided below
            "S2", day1, [("MILK", 5, 120, {MILK_10: 60}), ("BREAD", 1, 250, {BREAD_OFF: 50})]
        ),
        _discounted("S2", day2, [("MILK", 3, 120, {MILK_10: 36}), ("BREAD", 1, 250, {})]),
    ]
    push(s1, *events[:3])
    push(s2, *events[3:])
    sales = [e["body"]["sale"] for e in events]
    void = void_event("S2", sales[3])
    ret = return_event("S1", sales[0])  # one milk of two, paid 216: 108 back
    ret["body"]["ret"]["occurred_at"] = day2
    ret["body"]["ret"]["lines"][0]["total"] = ret["body"]["ret"]["total"] = 108
    ret["body"]["ret"]["refunds"] = [{"method": "card", "amount": 108}]
    assert [r["status"] for r in push(s2, void)] == ["accepted"]
    assert [r["status"] for r in push(s1, ret)] == ["accepted"]
    return sales, sales[3]["id"]


def _expected_promotions(sales: list[Any], voided: str, store: str | None = None) -> list[Any]:
    """Per source, computed from the sales' lines, not the rollups."""
    rows: dict[str, Counter[str]] = defaultdict(Counter)
    receipts: dict[str, set[str]] = defaultdict(set)
    for sale in sales:
        if sale["id"] == voided or store not in (None, sale["store"]):
            continue
        for line in sale["lines"]:
            for part in line["discounts"]:
                receipts[part["source"]].add(sale["id"])
                rows[part["source"]]["units"] += line["qty"]
                rows[part["source"]]["discount"] += part["amount"]
                rows[part["source"]]["sold_total"] += line["total"]
    found = [
        {
            "promotion": source,
            "name": NAMES[source],
            "sales": len(receipts[source]),
            "units": c["units"],
            "discount": c["discount"],
            "sold_total": c["sold_total"],
        }
        for source, c in rows.items()
    ]
    return sorted(found, key=lambda r: (-r["discount"], r["promotion"]))


def test_promotions_report_matches_the_sales(cloud: CloudUnderTest) -> None:
    sales, voided = _seed_promotions(cloud)
    expected = _expected_promotions(sales, voided)
    assert _get(cloud, "promotions") == expected
    assert [r["promotion"] for r in expected] == [EGGS_3_FOR_2, MILK_10, "manual"]  # no BREAD_OFF
    assert expected[1] == {  # the voided sale's 60 off is not counted
        "promotion": MILK_10,
        "name": "Milk 10 % off",
        "sales": 3,
        "units": 6,
        "discount": 72,
        "sold_total": 216 + 98 + 324,  # 120 - 12 - 10 manual = 98
    }
    assert _get(cloud, "promotions", "&store=S2") == _expected_promotions(sales, voided, "S2")
    assert _get(cloud, "promotions", "&limit=1") == expected[:1]
    assert _get(cloud, "discounts", "&store=S1")[0]["discount"] == 24 + 25 + 300 + 12 + 10

    answer = cloud.client.get(
        f"{REPORTS}/promotions?from=2026-03-01&to=2026-03-03&format=csv", headers=cloud.readonly
    )
    assert answer.status_code == 200 and answer.mimetype == "text/csv"
    lines = answer.get_data(as_text=True).splitlines()
    assert lines[0] == "promotion,name,sales,units,discount,sold_total"
    rows = list(csv.DictReader(io.StringIO(answer.get_data(as_text=True))))
    assert rows == [{k: str(v) for k, v in r.items()} for r in expected]

    def rows_kept() -> list[Any]:
        with cloud.engine.connect() as conn:
            return sorted(tuple(r) for r in conn.execute(sa.select(report_promotions)))

    kept = rows_kept()
    db = cloud.engine.url.render_as_string(hide_password=False)
    rebuilt = CliRunner().invoke(main, ["cloud", "rebuild-rollups", "--db", db])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "from 5 sales and returns" in rebuilt.output  # the voided sale skipped
    assert _get(cloud, "promotions") == expected
    assert [r for r in rows_kept() if any(r[4:])] == [r for r in kept if any(r[4:])]


def test_the_console_draws_the_promotions_report(cloud: CloudUnderTest) -> None:
    sales, voided = _seed_promotions(cloud)
    _user(cloud, "ana@chain.example", "analyst")
    assert sign_in(cloud, "ana@chain.example").status_code == 302
    days = "from=2026-03-01&to=2026-03-03"
    html = cloud.client.get(f"/hq/analytics?{days}").get_data(as_text=True)
    section = html[html.index('data-report="promotions"') :]
    section = section[: section.index("</section>")]
    assert 'id="chart-promotions"' in section
    for row in _expected_promotions(sales, voided):
        assert f'data-label="{row["name"]}" data-value="{row["discount"]}"' in section
        assert f'<td data-col="promotion">{row["promotion"]}</td>' in section
    page_csv = cloud.client.get(f"/hq/analytics/promotions.csv?{days}")
    api_csv = cloud.client.get(f"{REPORTS}/promotions?{days}&format=csv", headers=cloud.hq)
    assert page_csv.status_code == 200 and page_csv.data == api_csv.data


def test_promotion_parts_sum_each_source_per_line() -> None:
    line = {
        "qty": 2,
        "total": 70,
        "discounts": [
            {"source": MILK_10, "name": "A", "amount": 20},
            {"source": "manual", "name": "", "amount": 10},
            {"source": MILK_10, "name": "A", "amount": 0},
        ],
    }
    bare = {"qty": 1, "total": 50}
    assert rollups.promotion_parts([line, bare]) == {
        "manual": ("Manual discounts", [(line, 10)]),
        MILK_10: ("A", [(line, 20)]),
    }


def test_migration_0012_builds_the_promotions_rollup_from_the_stored_sales(
    cloud: CloudUnderTest,
) -> None:
    """A cloud that already holds sales when 0012 arrives reports them at once."""
    from alembic import command
    from alembic.config import Config

    from cloud.storage.engine import MIGRATIONS

    sales, voided = _seed_promotions(cloud)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with cloud.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0011")
        assert "report_promotions" not in sa.inspect(conn).get_table_names()
        command.upgrade(config, "head")
    assert _get(cloud, "promotions") == _expected_promotions(sales, voided)
