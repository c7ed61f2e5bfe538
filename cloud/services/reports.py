"""The HQ reports (`shared/reports.py` defines each), read from the rollups so a report over a
year of a chain sums a few hundred thousand rows, never the raw sales."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from cloud.storage import rollups
from cloud.storage import stores as store_rows
from shared.errors import BadRequest, NotFound
from shared.money import round_half_up
from shared.reports import NAMES, REPORTS

MAX_DAYS = 366
DEFAULT_DAYS = 28
Row = dict[str, Any]


@dataclass(frozen=True)
class Window:
    """What a report covers: local days [start, end) and the stores (None: every store)."""

    start: str
    end: str
    stores: list[str] | None
    limit: int = 20

    @property
    def days(self) -> int:
        return (date.fromisoformat(self.end) - date.fromisoformat(self.start)).days


def window(
    conn: sa.Connection, start: str | None, end: str | None, store: str | None, limit: int = 20
) -> Window:
    """Check the range (dates, `from` before `to`, at most 366 days; default the last 28
    days up to today, UTC) and the store (404 when unknown)."""
    last = _day(end, "to") if end else datetime.now(UTC).date() + timedelta(days=1)
    first = _day(start, "from") if start else _before(last, DEFAULT_DAYS)
    if first >= last:
        raise BadRequest("bad_range", "`from` must be before `to` (`to` is excluded)")
    if (last - first).days > MAX_DAYS:
        raise BadRequest("bad_range", f"a report covers at most {MAX_DAYS} days")
    if store is not None and store_rows.get_store(conn, store) is None:
        raise NotFound("unknown_store", f"no store {store}")
    return Window(first.isoformat(), last.isoformat(), None if store is None else [store], limit)


def _before(last: date, days: int) -> date:
    """`days` before `last`, or the first day of the calendar (`to=0001-01-02`)."""
    try:
        return last - timedelta(days=days)
    except OverflowError:
        return date.min


def _day(text: str, name: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise BadRequest(f"bad_{name}", f"`{name}` must be a date YYYY-MM-DD") from exc


def run(conn: sa.Connection, name: str, win: Window) -> list[Row]:
    """The rows of report `name` (404 `unknown_report` for a name not in the list)."""
    if name not in REPORTS:
        raise NotFound("unknown_report", f"reports are {', '.join(NAMES)}")
    return _REPORTS[name](conn, win)


def as_csv(name: str, rows: list[Row]) -> str:
    """The rows as CSV with a header row (the report's columns, in order)."""
    columns = REPORTS[name][1]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else row[c] for c in columns])
    return out.getvalue()


def _int(value: Any) -> int:
    return int(value or 0)


def _some(rows: list[Row]) -> list[Row]:
    """Without rows whose figures are all zero (a day whose only sale was voided)."""
    return [row for row in rows if any(row[k] for k in ("receipts", "units", "total"))]


def _net(row: Row) -> Row:
    """Receipts, and units and total net of returns (sums of no rows are NULL: 0)."""
    return {
        "receipts": row["receipts"] or 0,
        "units": (row["sold_units"] or 0) - (row["returned_units"] or 0),
        "total": (row["sold_total"] or 0) - (row["returned_total"] or 0),
    }


def sales_by_store_day(conn: sa.Connection, win: Window) -> list[Row]:
    return rollups.net_by_day(conn, win.stores, win.start, win.end)


def sales_by_hour(conn: sa.Connection, win: Window) -> list[Row]:
    rows = rollups.hours_by_hour(conn, win.stores, win.start, win.end)
    return _some([{"hour": int(r["hour"])} | _net(r) for r in rows])


def top_products(conn: sa.Connection, win: Window) -> list[Row]:
    rows = rollups.top_products(conn, win.stores, win.start, win.end, win.limit)
    return [
        {
            "sku": r["sku"],
            "name": r["name"] or "",
            "units": _int(r["units"]),
            "total": _int(r["total"]),
        }
        for r in rows
    ]


def basket_size(conn: sa.Connection, win: Window) -> list[Row]:
    found = []
    for r in rollups.hours_by_store(conn, win.stores, win.start, win.end):
        receipts, items, value = _int(r["receipts"]), _int(r["sold_units"]), _int(r["sold_total"])
        found.append(
            {
                "store": r["store"],
                "receipts": receipts,
                "items": items,
                "value": value,
                "items_per_receipt": round(items / receipts, 2) if receipts else None,
                "value_per_receipt": round_half_up(value, receipts) if receipts else None,
            }
        )
    return found


def tender_mix(conn: sa.Connection, win: Window) -> list[Row]:
    rows = rollups.tenders(conn, win.stores, win.start, win.end)
    rows = [r for r in rows if r["payments"] or r["amount"]]
    whole = sum(_int(r["amount"]) for r in rows)
    return [
        {
            "method": r["method"],
            "payments": _int(r["payments"]),
            "amount": _int(r["amount"]),
            "share_bp": round_half_up(_int(r["amount"]) * 10000, whole) if whole > 0 else 0,
        }
        for r in rows
    ]


def discounts(conn: sa.Connection, win: Window) -> list[Row]:
    rows = rollups.hours_by_day(conn, win.stores, win.start, win.end)
    return [
        {
            "store": r["store"],
            "day": r["day"],
            "discount": _int(r["discount"]),
            "sold_total": _int(r["sold_total"]),
        }
        for r in rows
        if r["sold_total"] or r["discount"]
    ]


def promotions(conn: sa.Connection, win: Window) -> list[Row]:
    rows = rollups.promotions(conn, win.stores, win.start, win.end, win.limit)
    return [
        {
            "promotion": r["promotion"],
            "name": r["name"] or r["promotion"],
            "sales": _int(r["sales"]),
            "units": _int(r["units"]),
            "discount": _int(r["discount"]),
            "sold_total": _int(r["sold_total"]),
        }
        for r in rows
    ]


def _stock(conn: sa.Connection, win: Window) -> list[tuple[str, str, int, int]]:
    """(store, sku, net units sold in the range, on hand now) for every pair with either."""
    sold = rollups.units_by_store_sku(conn, win.stores, win.start, win.end)
    on_hand = rollups.on_hand_by_store_sku(conn, win.stores)
    pairs = sorted(set(sold) | {k for k, v in on_hand.items() if v})
    return [(s, sku, sold.get((s, sku), 0), on_hand.get((s, sku), 0)) for s, sku in pairs]


def stock_cover(conn: sa.Connection, win: Window) -> list[Row]:
    rows = _stock(conn, win)
    names = rollups.product_names(conn, [sku for _, sku, _, _ in rows])
    found = []
    for store, sku, units, on_hand in rows:
        per_day = units / win.days
        found.append(
            {
                "store": store,
                "sku": sku,
                "name": names.get(sku, ""),
                "on_hand": on_hand,
                "units_per_day": round(per_day, 2),
                "cover_days": round(on_hand / per_day, 1) if per_day > 0 else None,
            }
        )
    found.sort(key=lambda r: (r["cover_days"] is None, r["cover_days"] or 0, r["store"], r["sku"]))
    return found[: win.limit]


def sell_through(conn: sa.Connection, win: Window) -> list[Row]:
    rows = _stock(conn, win)
    names = rollups.product_names(conn, [sku for _, sku, _, _ in rows])
    found: list[Row] = []
    for store, sku, units, on_hand in rows:
        base = units + max(on_hand, 0)
        found.append(
            {
                "store": store,
                "sku": sku,
                "name": names.get(sku, ""),
                "units": units,
                "on_hand": on_hand,
                "sell_through_bp": round_half_up(max(units, 0) * 10000, base) if base > 0 else 0,
            }
        )
    found.sort(key=lambda r: (-r["sell_through_bp"], r["store"], r["sku"]))
    return found[: win.limit]


_REPORTS: dict[str, Callable[[sa.Connection, Window], list[Row]]] = {
    "sales_by_store_day": sales_by_store_day,
    "sales_by_hour": sales_by_hour,
    "top_products": top_products,
    "basket_size": basket_size,
    "tender_mix": tender_mix,
    "discounts": discounts,
    "promotions": promotions,
    "stock_cover": stock_cover,
    "sell_through": sell_through,
}
